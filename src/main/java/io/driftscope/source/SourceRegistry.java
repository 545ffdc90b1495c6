package io.driftscope.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The source kinds known to this build, by scheme. */
public final class SourceRegistry {

  private final Map<String, SourceFactory> byScheme = new LinkedHashMap<>();

  /** A registry of the given factories. */
  public SourceRegistry(List<SourceFactory> factories) {
    for (SourceFactory f : factories) {
      for (String scheme : f.schemes()) {
        byScheme.put(scheme, f);
      }
    }
  }

  /** Opens the source a spec names. */
  public Source open(SourceSpec spec, SourceContext context) throws SourceException {
    SourceFactory factory = byScheme.get(spec.scheme());
    if (factory == null) {
      throw new SourceException(
          "unknown source scheme '"
              + spec.scheme()
              + ":' in '"
              + spec.text()
              + "'; known: "
              + String.join(", ", new TreeSet<>(byScheme.keySet()))
              + " (write file:PATH for a path that contains ':')");
    }
    return factory.open(spec, context);
  }
}
