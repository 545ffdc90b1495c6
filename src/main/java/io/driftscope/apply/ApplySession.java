package io.driftscope.apply;

import io.driftscope.compare.ComparisonView;
import io.driftscope.core.Side;
import io.driftscope.source.Applier;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remediation for one comparison, as the TUI uses it: plan and dry-run what is under the cursor,
 * apply after confirmation, undo the last apply or apply N. Each side is a possible target with its
 * own applier; all applies go to one journal. Calls block on the target (dry run, apply): make them
 * off the screen thread.
 */
public final class ApplySession {

  private final Map<Side, Target> targets = new EnumMap<>(Side.class);
  private final Map<Side, Optional<Applier>> appliers = new EnumMap<>(Side.class);
  private final Journal journal;
  private final String user;
  private final Planner planner;

  /**
   * A session.
   *
   * @param left the left side as a target (label, spec, protected, read-only)
   * @param leftApplier the left source's applier ({@code Source#applier()})
   * @param right the right side as a target
   * @param rightApplier the right source's applier
   * @param journal where applies are recorded
   * @param user who applies
   * @param planner how changes are planned (e.g. whole resources by server-side apply)
   */
  public ApplySession(
      Target left,
      Optional<Applier> leftApplier,
      Target right,
      Optional<Applier> rightApplier,
      Journal journal,
      String user,
      Planner planner) {
    this.planner = planner;
    targets.put(Side.LEFT, left);
    targets.put(Side.RIGHT, right);
    appliers.put(Side.LEFT, leftApplier);
    appliers.put(Side.RIGHT, rightApplier);
    this.journal = journal;
    this.user = user;
  }

  /** The target a direction writes. */
  public Target target(Direction direction) {
    return targets.get(direction.target());
  }

  /** Whether the side a direction writes has an applier (its source can be written at all). */
  public boolean canWrite(Direction direction) {
    return appliers.get(direction.target()).isPresent();
  }

  /** Plans the selection in the current view and dry-runs it: what the plan screen shows. */
  public Prepared plan(ComparisonView view, Direction direction, Selection selection) {
    Plan plan = planner.plan(view, direction, selection, target(direction));
    return executor(direction.target()).prepare(plan);
  }

  /** Why a prepared plan cannot be applied with this confirmation, if it cannot. */
  public Optional<String> refusal(Prepared prepared, Confirmation confirmation) {
    return executor(prepared.plan().target().side()).refusal(prepared, confirmation);
  }

  /** Applies a prepared plan after confirmation; journaled. */
  public Outcome apply(Prepared prepared, Confirmation confirmation) {
    return executor(prepared.plan().target().side()).execute(prepared, confirmation);
  }

  /**
   * Plans and dry-runs the undo of apply {@code id} ({@code 0}: the last one) on whichever side it
   * wrote.
   *
   * @throws Undo.UndoException when there is no such apply, or it wrote neither side
   */
  public Prepared undo(int id) throws Undo.UndoException, IOException {
    Optional<Journal.Entry> entry = id == 0 ? journal.last() : journal.entry(id);
    if (entry.isEmpty()) {
      throw new Undo.UndoException(
          id == 0
              ? "nothing to undo: the journal " + journal.file() + " is empty"
              : "no apply #" + id + " in " + journal.file());
    }
    Journal.Entry e = entry.get();
    for (Side s : Side.values()) {
      if (targets.get(s).spec().equals(e.targetSpec())) {
        return executor(s).prepare(Undo.plan(e, targets.get(s)));
      }
    }
    throw new Undo.UndoException(
        "apply #"
            + e.id()
            + " wrote "
            + e.targetLabel()
            + " ("
            + e.targetSpec()
            + "), which is not open here");
  }

  public Journal journal() {
    return journal;
  }

  private Executor executor(Side side) {
    return new Executor(appliers.get(side), journal, user);
  }
}
