package io.driftscope.apply;

import io.driftscope.source.Applied;
import io.driftscope.source.ApplyException;
import java.util.List;

/**
 * The dry run of one planned change.
 *
 * @param change the change
 * @param result what the target would become; {@code null} when the dry run failed
 * @param failure why the dry run failed; {@code null} when it passed
 * @param beyondPlan what the dry run changed that the plan did not ask for (defaulting, a mutating
 *     webhook), one line each
 */
public record Preview(
    PlannedChange change, Applied result, ApplyException failure, List<String> beyondPlan) {

  public Preview {
    beyondPlan = List.copyOf(beyondPlan);
  }

  public boolean ok() {
    return failure == null;
  }

  /** The exact change: the applier's (e.g. the file edit as a unified diff), else the plan's. */
  public String exactChange() {
    return result != null && !result.exactChange().isEmpty()
        ? result.exactChange()
        : change.exactChange();
  }
}
