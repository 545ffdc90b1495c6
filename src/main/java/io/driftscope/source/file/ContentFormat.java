package io.driftscope.source.file;

/** What a file holds, told by its content rather than its name. */
public enum ContentFormat {
  /** Kubernetes manifests (the default when nothing else is recognized). */
  MANIFESTS("Kubernetes manifests", "file"),
  /** A snapshot written by {@code driftscope snapshot} (a {@code driftscopeSnapshot} field). */
  SNAPSHOT("a Driftscope snapshot", "snapshot"),
  /** A compose file: top-level {@code services} and no {@code apiVersion}. */
  COMPOSE("a compose file", "compose"),
  /** A Score workload file: {@code apiVersion: score.dev/…}. */
  SCORE("a Score workload file", "score");

  private final String description;
  private final String scheme;

  ContentFormat(String description, String scheme) {
    this.description = description;
    this.scheme = scheme;
  }

  /** How a notice or an error names this format, e.g. {@code a compose file}. */
  public String description() {
    return description;
  }

  /** The source scheme that reads this format, e.g. {@code compose}. */
  public String scheme() {
    return scheme;
  }
}
