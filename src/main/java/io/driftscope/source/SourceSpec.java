package io.driftscope.source;

/**
 * A parsed source spec: the scheme ({@code k8s}, {@code docker}, {@code compose}, {@code file},
 * {@code snapshot}, {@code score}, {@code git}, {@code helm}, {@code kustomize}) and the rest. A
 * spec without a scheme is a path ({@code file}).
 */
public record SourceSpec(String scheme, String body, String text) {

  /** Parses a spec string; {@code file:PATH} forces a path. */
  public static SourceSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty source spec");
    }
    int colon = text.indexOf(':');
    // A Windows drive letter or a path containing ':' after a '/' is a path, not a scheme.
    if (colon > 1) {
      String scheme = text.substring(0, colon);
      if (scheme.matches("[a-z][a-z0-9+.-]*")) {
        String body = text.substring(colon + 1);
        if (body.startsWith("//")) {
          body = body.substring(2);
        }
        return new SourceSpec(scheme, body, text);
      }
    }
    return new SourceSpec("file", text, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
