package io.driftscope.source.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * One listable, watchable resource type found by discovery.
 *
 * @param group the API group ({@code ""} for core)
 * @param version the preferred version
 * @param kind the kind
 * @param plural the resource name in paths
 * @param namespaced whether objects live in namespaces
 */
record KindInfo(String group, String version, String kind, String plural, boolean namespaced) {

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code Kind} or {@code Kind.group}, as notices name a kind. */
  String label() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
