package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.source.Applied;
import io.driftscope.source.Applier;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import io.driftscope.source.JsonDiff;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs plans against the target's {@link Applier}: {@link #prepare} dry-runs every change; after
 * the caller has asked the person (a TUI dialog, {@code --yes}), {@link #execute} journals the
 * apply, makes the changes one by one and records each outcome. Nothing is written to a read-only
 * target, a target without an applier, or when a dry run failed.
 */
public final class Executor {

  /** Paths a target maintains itself, not counted as "changed beyond the plan". */
  private static final Set<String> SERVER_MAINTAINED =
      Set.of(
          "/metadata/resourceVersion",
          "/metadata/generation",
          "/metadata/managedFields",
          "/metadata/creationTimestamp",
          "/metadata/uid",
          "/metadata/selfLink",
          "/status");

  private final Optional<Applier> applier;
  private final Journal journal;
  private final String user;

  /**
   * An executor for one target.
   *
   * @param applier the target source's applier; empty when the source cannot be written
   * @param journal where applies are recorded
   * @param user who applies, for the journal (e.g. {@code $USER})
   */
  public Executor(Optional<Applier> applier, Journal journal, String user) {
    this.applier = applier;
    this.journal = journal;
    this.user = user;
  }

  /** Dry-runs every change of the plan; writes nothing. */
  public Prepared prepare(Plan plan) {
    List<Preview> previews = new ArrayList<>();
    for (PlannedChange pc : plan.changes()) {
      if (applier.isEmpty()) {
        previews.add(
            new Preview(
                pc,
                null,
                new ApplyException(
                    ApplyException.Kind.REJECTED,
                    pc.change().key(),
                    plan.target().label() + " (" + plan.target().spec() + ") cannot be written"),
                List.of()));
        continue;
      }
      try {
        Applied a = applier.get().dryRun(pc.change());
        previews.add(new Preview(pc, a, null, beyondPlan(pc.change(), a)));
      } catch (ApplyException e) {
        previews.add(new Preview(pc, null, e, List.of()));
      }
    }
    return new Prepared(plan, previews);
  }

  /** Why the prepared plan cannot be applied with this confirmation; empty when it can. */
  public Optional<String> refusal(Prepared prepared, Confirmation confirmation) {
    Plan plan = prepared.plan();
    Target t = plan.target();
    if (t.readOnly()) {
      return Optional.of(
          t.label()
              + " is read-only (--read-only or readOnly: true in the config): nothing was applied");
    }
    if (applier.isEmpty()) {
      return Optional.of(t.label() + " (" + t.spec() + ") cannot be written: nothing was applied");
    }
    if (plan.isEmpty()) {
      return Optional.of("nothing to apply");
    }
    if (!prepared.ok()) {
      return Optional.of(
          (prepared.changedSince()
                  ? "the target changed since you looked; reload and plan again: "
                  : "the dry run failed: ")
              + String.join("; ", prepared.failures()));
    }
    if (!confirmation.confirmed()) {
      return Optional.of("not confirmed: nothing was applied");
    }
    if (t.isProtected() && !t.label().equals(confirmation.typedName())) {
      return Optional.of(
          t.label()
              + " is protected: confirm by typing its name"
              + (confirmation.typedName().isEmpty()
                  ? ""
                  : " ('" + confirmation.typedName() + "' is not it)"));
    }
    return Optional.empty();
  }

  /**
   * Applies a prepared plan: journals it, makes each change (continuing past a failed one, since
   * each change guards its own resource), records each outcome, and completes the journal.
   */
  public Outcome execute(Prepared prepared, Confirmation confirmation) {
    Optional<String> refusal = refusal(prepared, confirmation);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    Plan plan = prepared.plan();
    int id;
    try {
      id = journal.begin(plan, user);
    } catch (IOException e) {
      return Outcome.refused(
          "cannot write the journal "
              + journal.file()
              + ": "
              + e.getMessage()
              + "; nothing applied");
    }
    List<Outcome.Result> results = new ArrayList<>();
    int applied = 0;
    int failed = 0;
    List<String> journalTrouble = new ArrayList<>();
    for (int i = 0; i < plan.changes().size(); i++) {
      PlannedChange pc = plan.changes().get(i);
      Outcome.Result r;
      try {
        Applied a = applier.get().apply(pc.change(), Integer.toString(id));
        r = new Outcome.Result(pc, a, null);
        applied++;
      } catch (ApplyException e) {
        r = new Outcome.Result(pc, null, e);
        failed++;
      } catch (RuntimeException e) {
        r =
            new Outcome.Result(
                pc,
                null,
                new ApplyException(
                    ApplyException.Kind.FAILED, pc.change().key(), String.valueOf(e), e));
        failed++;
      }
      results.add(r);
      try {
        journal.done(
            id,
            i,
            r.ok() ? r.applied().after() : null,
            r.ok() ? r.applied().backup() : "",
            r.ok() ? null : r.failure().getMessage());
      } catch (IOException e) {
        journalTrouble.add(e.getMessage());
      }
    }
    try {
      journal.end(id, applied, failed);
    } catch (IOException e) {
      journalTrouble.add(e.getMessage());
    }
    Outcome.Status status =
        failed == 0
            ? Outcome.Status.APPLIED
            : applied == 0 ? Outcome.Status.FAILED : Outcome.Status.PARTIAL;
    String message =
        "apply #"
            + id
            + ": "
            + applied
            + " applied"
            + (failed > 0 ? ", " + failed + " failed" : "")
            + (journalTrouble.isEmpty()
                ? ""
                : "; the journal could not be completed: " + journalTrouble.get(0));
    return new Outcome(status, id, results, message);
  }

  /**
   * What the dry run's result changes beyond the plan: values replaced or removed that the plan did
   * not touch (additions are counted as defaulted fields).
   */
  static List<String> beyondPlan(Change change, Applied dry) {
    if (dry.after() == null) {
      return List.of();
    }
    JsonNode expected;
    try {
      if (change instanceof Change.Patch p) {
        expected = JsonPatch.apply(p.current().document(), p.ops());
      } else if (change instanceof Change.Create c) {
        expected = c.document();
      } else if (change instanceof Change.Replace r) {
        expected = r.document();
      } else if (change instanceof Change.Apply a && a.current() == null) {
        expected = a.document();
      } else {
        expected = null;
      }
    } catch (JsonPatch.PatchFailure e) {
      return List.of("differs from the plan: " + e.getMessage());
    }
    if (expected == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int added = 0;
    for (PatchOp op : JsonDiff.diffUnguarded(expected, dry.after().document())) {
      if (maintained(op.path())) {
        continue;
      }
      switch (op.op()) {
        case ADD -> added++;
        case REPLACE ->
            out.add(
                "changes "
                    + op.path()
                    + (Display.isSecret(change.key())
                        ? ""
                        : " to " + Display.value(op.value(), false)));
        case REMOVE -> out.add("removes " + op.path());
        default -> {}
      }
    }
    if (added > 0 && !(change instanceof Change.Create) && !(change instanceof Change.Apply)) {
      out.add("adds " + added + " field" + (added == 1 ? "" : "s") + " (defaulting or a webhook)");
    }
    return out;
  }

  private static boolean maintained(String path) {
    for (String m : SERVER_MAINTAINED) {
      if (path.equals(m) || path.startsWith(m + "/")) {
        return true;
      }
    }
    return false;
  }
}
