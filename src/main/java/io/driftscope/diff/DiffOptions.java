package io.driftscope.diff;

import io.driftscope.normalize.IgnoreRules;

/**
 * How the differ compares: the mode, the ignore rules, and whether to collect {@link Note}s for
 * explain (off on the hot path).
 */
public record DiffOptions(Mode mode, IgnoreRules ignoreRules, boolean collectNotes) {

  /** Symmetric comparison, no ignore rules, no notes. */
  public static DiffOptions defaults() {
    return new DiffOptions(Mode.SYMMETRIC, IgnoreRules.NONE, false);
  }

  public DiffOptions withMode(Mode m) {
    return new DiffOptions(m, ignoreRules, collectNotes);
  }

  public DiffOptions withIgnoreRules(IgnoreRules rules) {
    return new DiffOptions(mode, rules, collectNotes);
  }

  public DiffOptions withNotes(boolean collect) {
    return new DiffOptions(mode, ignoreRules, collect);
  }
}
