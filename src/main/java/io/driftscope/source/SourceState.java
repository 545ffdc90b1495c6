package io.driftscope.source;

import java.time.Instant;

/**
 * A source's connection state, as the header and {@code watch} show it.
 *
 * @param phase where the source stands
 * @param since when it entered this phase
 * @param reason why, for {@link Phase#RECONNECTING} and {@link Phase#FAILED}; else empty
 * @param done units loaded so far while {@link Phase#LOADING} (e.g. kinds)
 * @param total units to load, 0 when unknown
 * @param objects objects loaded so far
 */
public record SourceState(
    Phase phase, Instant since, String reason, int done, int total, int objects) {

  /** The phases of a source's life. */
  public enum Phase {
    LOADING,
    LIVE,
    STATIC,
    RECONNECTING,
    FAILED
  }

  public SourceState {
    reason = reason == null ? "" : reason;
  }

  /** A state without progress figures. */
  public static SourceState of(Phase phase, Instant since, String reason) {
    return new SourceState(phase, since, reason, 0, 0, 0);
  }
}
