package io.driftscope.tui;

import io.driftscope.apply.Direction;
import io.driftscope.apply.Plan;
import io.driftscope.apply.PlannedChange;
import io.driftscope.apply.Prepared;
import io.driftscope.apply.Preview;
import io.driftscope.apply.Step;
import io.driftscope.apply.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan dialog's state: what is planned (or being planned), its dry run, the name typed for a
 * protected target, and the scroll position. The screen thread owns it; background work reports
 * into it through {@link TuiApp}.
 */
final class PlanDialog {

  /** Where the dialog is in the flow. */
  enum Phase {
    /** The plan and its dry run are being made. */
    PLANNING,
    /** The plan is shown; waiting for {@code y}, the typed name, or {@code Esc}. */
    READY,
    /** The apply runs. */
    APPLYING
  }

  /** One line of the dialog's body and the style it is drawn in. */
  record Line(String text, String style) {}

  /** The direction planned; for an undo, the direction of the plan once known. */
  final Direction direction;

  /** For an undo, the journal id ({@code 0}: the last apply); {@code -1} for an apply. */
  final int undoId;

  /** The side values come from, for the title. */
  final String from;

  Target target;
  Phase phase = Phase.PLANNING;
  Prepared prepared;

  /** Why planning failed (e.g. nothing to undo); the dialog then only offers {@code Esc}. */
  String failure;

  boolean exact;
  int scroll;

  /** The body rows the last frame showed (for paging). */
  int page = 10;

  final StringBuilder typed = new StringBuilder();

  /** A problem with the last confirmation (a wrong name), shown until the next key. */
  String problem;

  private PlanDialog(Direction direction, int undoId, String from, Target target) {
    this.direction = direction;
    this.undoId = undoId;
    this.from = from;
    this.target = target;
  }

  /** The dialog for an apply in {@code direction} from {@code from} into {@code target}. */
  static PlanDialog apply(Direction direction, String from, Target target) {
    return new PlanDialog(direction, -1, from, target);
  }

  /** The dialog for undoing journal entry {@code id} ({@code 0}: the last one). */
  static PlanDialog undo(int id) {
    return new PlanDialog(null, id, null, null);
  }

  boolean isUndo() {
    return undoId >= 0;
  }

  /** The title without the target: {@code Apply staging → } or {@code Undo apply #3 on }. */
  String titleHead() {
    if (!isUndo()) {
      return "Apply " + from + " → ";
    }
    if (prepared != null) {
      return "Undo apply #" + prepared.plan().undoOf() + " on ";
    }
    return undoId == 0 ? "Undo the last apply" : "Undo apply #" + undoId;
  }

  /** Whether applying is possible now: planned, something to do, every dry run passed. */
  boolean applicable() {
    return phase == Phase.READY
        && failure == null
        && prepared != null
        && !prepared.plan().isEmpty()
        && prepared.ok();
  }

  /** Whether the person confirms by typing the target's name (a protected target). */
  boolean typing() {
    return applicable() && target != null && target.isProtected();
  }

  /** The body: each change in plain words, the dry run, warnings and notes. */
  List<Line> body() {
    List<Line> out = new ArrayList<>();
    if (failure != null) {
      out.add(new Line(failure, "error"));
      return out;
    }
    if (prepared == null) {
      return out;
    }
    Plan plan = prepared.plan();
    if (plan.isEmpty()) {
      out.add(new Line("Nothing to apply: the selected nodes are in sync.", "dialog"));
    }
    plan.method().ifPresent(m -> out.add(new Line("By " + m + ":", "dialog")));
    for (Preview p : prepared.previews()) {
      PlannedChange c = p.change();
      out.add(
          new Line(
              c.change().verb() + " " + c.key().shortName() + " in " + plan.target().label(),
              "dialog"));
      for (Step s : c.steps()) {
        out.add(new Line("  " + s.words(), "dialog"));
      }
      if (exact) {
        for (String l : p.exactChange().split("\n", -1)) {
          if (!l.isEmpty()) {
            out.add(new Line("    " + l, "dialog"));
          }
        }
      }
      if (!p.ok()) {
        out.add(new Line("  ✗ " + p.failure().getMessage(), "error"));
      }
    }
    if (!plan.isEmpty()) {
      out.add(dryRun());
    }
    for (String w : prepared.warnings()) {
      if (!w.endsWith("is protected: type its name to confirm")) {
        out.add(new Line("⚠ " + w, "warning"));
      }
    }
    for (String n : plan.notes()) {
      out.add(new Line("note: " + n, "dialog"));
    }
    return out;
  }

  private Line dryRun() {
    String where =
        prepared.plan().target().spec().startsWith("k8s://") ? "Dry run on the server" : "Dry run";
    if (prepared.changedSince()) {
      return new Line(
          where + ": changed since you looked — refreshed; Esc and plan again.", "error");
    }
    if (!prepared.ok()) {
      return new Line(where + ": refused; nothing can be applied.", "error");
    }
    boolean beyond = prepared.previews().stream().anyMatch(p -> !p.beyondPlan().isEmpty());
    return new Line(
        where
            + (beyond
                ? ": accepted, with changes beyond the plan (see ⚠)."
                : ": accepted, no other field changes."),
        "dialog");
  }

  /** The progress line while work runs, else {@code null}. */
  String progress() {
    return switch (phase) {
      case PLANNING ->
          target == null ? "Planning…" : "Planning and dry-running on " + target.label() + "…";
      case APPLYING -> "Applying to " + target.label() + "…";
      case READY -> null;
    };
  }
}
