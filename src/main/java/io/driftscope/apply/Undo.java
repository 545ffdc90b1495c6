package io.driftscope.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.source.Change;
import io.driftscope.source.JsonDiff;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the plan that undoes a journaled apply: every change that was applied is reverted to the
 * recorded prior state, guarded by the recorded new state (so undo refuses with "changed since you
 * looked" when the object changed after the apply); changes that failed are left alone. The plan
 * goes through the same dry-run and confirmation flow as any other.
 */
public final class Undo {

  /** The apply cannot be undone here; the message says why. */
  public static final class UndoException extends Exception {
    public UndoException(String message) {
      super(message);
    }
  }

  private Undo() {}

  /**
   * The plan undoing {@code entry} on {@code target}, which must be the environment the entry wrote
   * (same spec).
   */
  public static Plan plan(Journal.Entry entry, Target target) throws UndoException {
    if (!entry.targetSpec().equals(target.spec())) {
      throw new UndoException(
          "apply #"
              + entry.id()
              + " wrote "
              + entry.targetLabel()
              + " ("
              + entry.targetSpec()
              + "), not "
              + target.label()
              + " ("
              + target.spec()
              + "): open that environment to undo it");
    }
    List<PlannedChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Journal.ChangeRecord c : entry.changes()) {
      switch (c.status()) {
        case FAILED ->
            notes.add(
                "not undone " + c.key().shortName() + ": it was not applied (" + c.message() + ")");
        case PENDING ->
            notes.add(
                "not undone "
                    + c.key().shortName()
                    + ": apply #"
                    + entry.id()
                    + " was interrupted before recording it; compare and fix by hand");
        case APPLIED -> changes.add(revert(entry, c, target));
      }
    }
    // Undo in reverse order: what was created last (a namespace's contents) goes first.
    java.util.Collections.reverse(changes);
    Direction back =
        entry.direction().equals(Direction.LEFT_TO_RIGHT.label())
            ? Direction.RIGHT_TO_LEFT
            : Direction.LEFT_TO_RIGHT;
    return new Plan(back, "journal #" + entry.id(), target, changes, notes, entry.id());
  }

  private static PlannedChange revert(Journal.Entry entry, Journal.ChangeRecord c, Target target) {
    Resource prior = c.prior();
    Resource after = c.after();
    List<String> warnings = new ArrayList<>();
    if (Display.isSecret(c.key())) {
      warnings.add(c.key().shortName() + ": secret values are restored but not shown");
    }
    if (after == null) {
      // A delete is undone by creating the prior document again.
      ObjectNode doc = prior.document().deepCopy();
      Planner.stripServerOwned(doc);
      Step step =
          new Step(
              "create",
              FieldPath.ROOT,
              null,
              doc,
              "create " + c.key().shortName() + " again on " + target.label());
      return new PlannedChange(
          c.key(),
          new Change.Create(c.key(), doc, prior.origin().location()),
          List.of(step),
          Display.masked(c.key(), doc).toPrettyString(),
          warnings);
    }
    if (prior == null) {
      warnings.add("deletes " + after.key().shortName() + " from " + target.label());
      Step step =
          new Step(
              "delete",
              FieldPath.ROOT,
              after.document(),
              null,
              "delete " + after.key().shortName() + " (created by apply #" + entry.id() + ")");
      return new PlannedChange(
          c.key(), new Change.Delete(after), List.of(step), "DELETE " + after.key(), warnings);
    }
    List<Step> steps = new ArrayList<>();
    List<PatchOp> shown = new ArrayList<>();
    for (PatchOp op : JsonDiff.diffUnguarded(after.document(), prior.document())) {
      if (maintained(op.path())) {
        continue;
      }
      FieldPath path = FieldPath.of(JsonPatch.tokens(op.path()).toArray(String[]::new));
      boolean secret = Display.secret(c.key(), path);
      var before = JsonPatch.get(after.document(), op.path());
      String words =
          switch (op.op()) {
            case ADD -> "add " + op.path() + " " + Display.value(op.value(), secret);
            case REMOVE -> "remove " + op.path() + " (was " + Display.value(before, secret) + ")";
            default ->
                "replace "
                    + op.path()
                    + " "
                    + Display.value(before, secret)
                    + " → "
                    + Display.value(op.value(), secret);
          };
      steps.add(new Step(op.op().jsonName(), path, before, op.value(), words));
      shown.add(Display.masked(c.key(), op));
    }
    ObjectNode restore = prior.document().deepCopy();
    return new PlannedChange(
        c.key(), new Change.Replace(after, restore), steps, JsonPatch.toText(shown), warnings);
  }

  private static boolean maintained(String path) {
    return path.startsWith("/metadata/resourceVersion")
        || path.startsWith("/metadata/generation")
        || path.startsWith("/metadata/managedFields")
        || path.startsWith("/status");
  }
}
