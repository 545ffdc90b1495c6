package io.driftscope.demo;

import java.util.List;

/**
 * One resource type an API server serves, as discovery describes it.
 *
 * @param group the API group ({@code ""} for core)
 * @param version the version
 * @param kind the kind
 * @param plural the resource name in paths
 * @param namespaced whether objects live in namespaces
 * @param verbs the verbs discovery lists
 * @param shortNames kubectl short names
 */
record ApiKind(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames) {

  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  static ApiKind of(String groupVersion, String kind, String plural, boolean namespaced) {
    int slash = groupVersion.indexOf('/');
    return new ApiKind(
        slash < 0 ? "" : groupVersion.substring(0, slash),
        slash < 0 ? groupVersion : groupVersion.substring(slash + 1),
        kind,
        plural,
        namespaced,
        ALL_VERBS,
        List.of());
  }

  ApiKind withVerbs(String... verbs) {
    return new ApiKind(group, version, kind, plural, namespaced, List.of(verbs), shortNames);
  }

  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
