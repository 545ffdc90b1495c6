package io.driftscope.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan, its dry run and its outcome as plain lines, for the command line and the TUI's plan view.
 */
public final class PlanText {

  private PlanText() {}

  /** The plan with its dry run: target, each change in words, warnings, notes, dry-run problems. */
  public static List<String> lines(Prepared prepared, boolean exact) {
    Plan plan = prepared.plan();
    List<String> out = new ArrayList<>();
    Target t = plan.target();
    out.add(
        (plan.undoOf() > 0
                ? "Undo apply #" + plan.undoOf() + " on "
                : "Apply " + plan.from() + " → ")
            + t.label()
            + (t.label().equals(t.spec()) ? "" : " (" + t.spec() + ")")
            + (t.isProtected() ? "  [protected]" : "")
            + (t.readOnly() ? "  [read-only]" : "")
            + ": "
            + plan.changes().size()
            + " resource"
            + (plan.changes().size() == 1 ? "" : "s")
            + ", "
            + plan.stepCount()
            + " operation"
            + (plan.stepCount() == 1 ? "" : "s"));
    plan.method().ifPresent(m -> out.add("  by " + m));
    for (Preview p : prepared.previews()) {
      PlannedChange c = p.change();
      out.add("  " + c.change().verb() + " " + c.key().shortName());
      for (Step s : c.steps()) {
        out.add("    " + s.words());
      }
      if (!p.ok()) {
        out.add("    ✗ dry run: " + p.failure().getMessage());
      }
      if (exact) {
        for (String l : p.exactChange().split("\n", -1)) {
          if (!l.isEmpty()) {
            out.add("      " + l);
          }
        }
      }
    }
    for (String w : prepared.warnings()) {
      out.add("warning: " + w);
    }
    for (String n : plan.notes()) {
      out.add("note: " + n);
    }
    return out;
  }

  /** The outcome, one line per change. */
  public static List<String> lines(Outcome outcome) {
    List<String> out = new ArrayList<>();
    for (Outcome.Result r : outcome.results()) {
      String what = r.change().change().verb() + " " + r.change().key().shortName();
      out.add(r.ok() ? "  ✓ " + what : "  ✗ " + r.failure().getMessage());
    }
    out.add(outcome.message());
    return out;
  }
}
