package io.driftscope.apply;

import io.driftscope.source.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an apply will do: the target, one {@link PlannedChange} per target resource, and the
 * warnings a person should read before confirming. Immutable; built by {@link Planner} or {@link
 * Undo}.
 *
 * @param direction which way the values go
 * @param from where the values come from: the source environment's label, or {@code journal #N}
 * @param target the environment written
 * @param changes the changes, in the order they are applied
 * @param notes what was left out and why (e.g. ignored differences not chosen)
 * @param undoOf for an undo, the journal id of the apply it undoes; else 0
 */
public record Plan(
    Direction direction,
    String from,
    Target target,
    List<PlannedChange> changes,
    List<String> notes,
    int undoOf) {

  public Plan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** Whether there is nothing to do. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Every warning: the target's own, then each change's. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    if (target.readOnly()) {
      out.add(target.label() + " is read-only: nothing can be applied to it");
    }
    if (target.isProtected()) {
      out.add(target.label() + " is protected: type its name to confirm");
    }
    for (PlannedChange c : changes) {
      out.addAll(c.warnings());
    }
    return out;
  }

  /**
   * How whole resources reach the target, when by server-side apply: {@code server-side apply
   * (field manager driftscope[, forcing conflicts])}; else empty.
   */
  public Optional<String> method() {
    return changes.stream()
        .map(PlannedChange::change)
        .filter(Change.Apply.class::isInstance)
        .map(c -> ((Change.Apply) c).force())
        .findFirst()
        .map(
            force ->
                "server-side apply (field manager "
                    + Change.Apply.FIELD_MANAGER
                    + (force ? ", forcing conflicts" : "")
                    + ")");
  }

  /** The number of operations over all changes. */
  public int stepCount() {
    return changes.stream().mapToInt(c -> c.steps().size()).sum();
  }
}
