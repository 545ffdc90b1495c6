package io.driftscope.source;

import io.driftscope.core.SecretDigest;
import java.util.Optional;

/**
 * One environment's resources: loads them, keeps them current by watching, and may accept changes
 * through an {@link Applier}. Implementations live in one subpackage per backend; their SDK types
 * never leave it.
 */
public interface Source extends AutoCloseable {

  /** The spec this source was opened from, as the user wrote it (after name resolution). */
  String spec();

  /** What kind of environment this is. */
  SourceTraits traits();

  /**
   * The one namespace this source reads, when it reads exactly one live namespace; known right
   * after opening, before loading. Other sources use it as their default namespace.
   */
  default Optional<String> singleNamespace() {
    return Optional.empty();
  }

  /** Reads the whole current state. Blocking; call once, then {@link #watch} for changes. */
  LoadResult load() throws SourceException;

  /**
   * Like {@link #load()}, reporting progress ({@link SourceState.Phase#LOADING} with done/total and
   * objects) to {@code progress.onState} on the loading threads. A source may also hand each
   * resource to {@code progress.onChange} as soon as it has read it, so that work on it can start
   * before the load ends; those calls may come from several loading threads at once. They are a
   * first look only: the result returned is what the source holds, and a resource handed over early
   * may be missing from it, or keyed or built differently. Sources without progress just load.
   */
  default LoadResult load(SourceListener progress) throws SourceException {
    return load();
  }

  /**
   * Reports every change after the last {@link #load} to {@code listener}, on a thread of the
   * source's, until the returned handle or the source is closed. Sources that cannot change return
   * a handle that does nothing.
   */
  Watch watch(SourceListener listener) throws SourceException;

  /**
   * The digest that this source's Secret values are already masked with (a snapshot written without
   * {@code --include-secrets}), so that the other side's values can be digested alike before
   * comparing; empty when values are in clear.
   */
  default Optional<SecretDigest> secretDigest() {
    return Optional.empty();
  }

  /** The writer for this source, when it can be written. */
  default Optional<Applier> applier() {
    return Optional.empty();
  }

  @Override
  void close();
}
