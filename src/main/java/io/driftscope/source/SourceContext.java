package io.driftscope.source;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a source needs from its surroundings when it is opened.
 *
 * @param defaultNamespace the namespace for namespaced objects whose document names none
 * @param workingDirectory where relative paths start
 * @param clock the clock for state timestamps
 * @param settings backend settings from the config file (e.g. {@code kubernetes.skipKinds}) and
 *     flags (e.g. {@code kubeconfig}), by dotted name
 */
public record SourceContext(
    String defaultNamespace, Path workingDirectory, Clock clock, Map<String, Object> settings) {

  public SourceContext {
    defaultNamespace =
        defaultNamespace == null || defaultNamespace.isEmpty() ? "default" : defaultNamespace;
    settings = Map.copyOf(settings);
  }

  /** A context with the given default namespace and everything else as in this one. */
  public SourceContext withDefaultNamespace(String namespace) {
    return new SourceContext(namespace, workingDirectory, clock, settings);
  }

  /** A setting, if present. */
  public Optional<Object> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
