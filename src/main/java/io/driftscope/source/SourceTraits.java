package io.driftscope.source;

/**
 * What kind of environment a source is.
 *
 * @param kind short name of the backend, e.g. {@code file}, {@code snapshot}, {@code k8s}
 * @param declarative the source holds desired state (manifests, compose, Score, git …)
 * @param live the source is observed state (a cluster, an engine, or a snapshot of one)
 * @param watchable changes are reported by {@link Source#watch}
 */
public record SourceTraits(String kind, boolean declarative, boolean live, boolean watchable) {}
