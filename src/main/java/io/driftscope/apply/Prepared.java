package io.driftscope.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan together with its dry run against the target: what the plan screen shows before asking for
 * confirmation. Applying is possible only when every dry run passed.
 */
public record Prepared(Plan plan, List<Preview> previews) {

  public Prepared {
    previews = List.copyOf(previews);
  }

  /** Whether every change passed its dry run. */
  public boolean ok() {
    return previews.stream().allMatch(Preview::ok);
  }

  /** Whether some target resource changed since it was diffed (reload and plan again). */
  public boolean changedSince() {
    return previews.stream()
        .anyMatch(
            p ->
                p.failure() != null
                    && p.failure().kind()
                        == io.driftscope.source.ApplyException.Kind.CHANGED_SINCE);
  }

  /** The plan's warnings and what the dry runs changed beyond the plan. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>(plan.warnings());
    for (Preview p : previews) {
      for (String b : p.beyondPlan()) {
        out.add(p.change().key().shortName() + ": the dry run also " + b);
      }
    }
    return out;
  }

  /** The dry-run failures, one line each. */
  public List<String> failures() {
    return previews.stream().filter(p -> !p.ok()).map(p -> p.failure().getMessage()).toList();
  }
}
