package io.driftscope.apply;

import io.driftscope.source.Applied;
import io.driftscope.source.ApplyException;
import java.util.List;

/**
 * What an apply did.
 *
 * @param status the overall result
 * @param journalId the journal id of the apply; 0 when nothing was journaled (refused)
 * @param results one per planned change, in order; empty when refused
 * @param message for {@link Status#REFUSED}, why; else a one-line summary
 */
public record Outcome(Status status, int journalId, List<Result> results, String message) {

  /** The overall result of an apply. */
  public enum Status {
    /** Every change was applied. */
    APPLIED,
    /** Some changes were applied and some failed; undo covers exactly the applied ones. */
    PARTIAL,
    /** No change was applied. */
    FAILED,
    /** Nothing was attempted: read-only, not confirmed, a dry run failed, no applier. */
    REFUSED
  }

  /**
   * The outcome of one change.
   *
   * @param change the change
   * @param applied its new state, {@code null} when it failed
   * @param failure why it failed, {@code null} when applied
   */
  public record Result(PlannedChange change, Applied applied, ApplyException failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  public Outcome {
    results = List.copyOf(results);
  }

  static Outcome refused(String why) {
    return new Outcome(Status.REFUSED, 0, List.of(), why);
  }
}
