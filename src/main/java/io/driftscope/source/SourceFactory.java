package io.driftscope.source;

/** Opens sources of one scheme. One implementation per backend, registered by scheme. */
public interface SourceFactory {

  /** The schemes this factory opens, e.g. {@code file} and {@code snapshot}. */
  java.util.Set<String> schemes();

  /** Opens a source; does not load it yet. */
  Source open(SourceSpec spec, SourceContext context) throws SourceException;
}
