package io.driftscope.tui;

import io.driftscope.apply.ApplySession;
import io.driftscope.apply.Confirmation;
import io.driftscope.apply.Direction;
import io.driftscope.apply.Outcome;
import io.driftscope.apply.Prepared;
import io.driftscope.apply.Selection;
import io.driftscope.apply.SyncCheck;
import io.driftscope.apply.Target;
import io.driftscope.apply.Undo;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.Side;
import io.driftscope.source.ApplyException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Remediation in the TUI: plans and dry-runs what the keys select, shows it in the {@link
 * PlanDialog}, applies after confirmation, and then watches the comparison until the applied nodes
 * show in sync. Every call to the target (dry run, apply, the wait) runs on the {@code work}
 * thread; results come back to the screen thread through {@code post}. Other methods run on the
 * screen thread.
 */
final class ApplyFlow {

  /** How long to watch for the applied nodes to show in sync. */
  static final Duration SYNC_WAIT = Duration.ofSeconds(10);

  private static final long RESULT_MILLIS = 15_000;

  private final UiState s;
  private final Consumer<Runnable> post;
  private final ExecutorService work;
  private final Supplier<Comparison> comparison;
  private final Runnable refresh;
  private final boolean readOnly;
  private ApplySession session;

  /**
   * @param post runs a task on the screen thread
   * @param work the thread for blocking calls to the target
   * @param comparison the comparison shown now
   * @param refresh reloads both sides (after "changed since you looked")
   * @param readOnly {@code --read-only}
   */
  ApplyFlow(
      UiState s,
      Consumer<Runnable> post,
      ExecutorService work,
      Supplier<Comparison> comparison,
      Runnable refresh,
      boolean readOnly) {
    this.s = s;
    this.post = post;
    this.work = work;
    this.comparison = comparison;
    this.refresh = refresh;
    this.readOnly = readOnly;
  }

  /** A new comparison was opened with this session (or none): the apply keys follow it. */
  void sessionChanged(Optional<ApplySession> next) {
    session = next.orElse(null);
    if (readOnly) {
      s.keys = s.keys.withRemediation(KeyMap.READ_ONLY, KeyMap.READ_ONLY, KeyMap.READ_ONLY);
      return;
    }
    if (session == null) {
      s.keys = s.keys.withRemediation(KeyMap.NO_SESSION, KeyMap.NO_SESSION, KeyMap.NO_SESSION);
      return;
    }
    String ltr = whyNot(Direction.LEFT_TO_RIGHT);
    String rtl = whyNot(Direction.RIGHT_TO_LEFT);
    s.keys = s.keys.withRemediation(ltr, rtl, ltr == null || rtl == null ? null : ltr);
  }

  /** Why a direction cannot be applied, or {@code null} when it can. */
  private String whyNot(Direction d) {
    Target t = session.target(d);
    if (t.readOnly()) {
      String file = s.config.file().map(f -> f.getFileName().toString()).orElse("the config");
      return t.label() + " is read-only (" + file + ")";
    }
    if (!session.canWrite(d)) {
      return t.spec() + " cannot be written";
    }
    return null;
  }

  /** Plans {@code selection} in {@code direction} on the view shown, and opens the dialog. */
  void plan(Direction direction, Selection selection) {
    ApplySession se = session;
    ComparisonView v = s.view;
    if (se == null || v == null || !v.loaded()) {
      s.say("nothing to apply yet: the environments are still loading", "warning");
      return;
    }
    String from = direction.source() == Side.LEFT ? v.left().label() : v.right().label();
    PlanDialog d = PlanDialog.apply(direction, from, se.target(direction));
    s.dialog = d;
    work.submit(
        () -> {
          Prepared p = null;
          String failure = null;
          try {
            p = se.plan(v, direction, selection);
          } catch (RuntimeException e) {
            failure = "planning failed: " + e.getMessage();
          }
          planned(d, p, failure);
        });
  }

  /** Plans the undo of apply {@code id} ({@code 0}: the last one), and opens the dialog. */
  void undo(int id) {
    ApplySession se = session;
    if (se == null) {
      s.say("nothing to undo yet: the environments are still opening", "warning");
      return;
    }
    PlanDialog d = PlanDialog.undo(id);
    s.dialog = d;
    work.submit(
        () -> {
          Prepared p = null;
          String failure = null;
          try {
            p = se.undo(id);
          } catch (Undo.UndoException | IOException | RuntimeException e) {
            failure = "cannot undo: " + e.getMessage();
          }
          planned(d, p, failure);
        });
  }

  private void planned(PlanDialog d, Prepared p, String failure) {
    post.accept(
        () -> {
          if (s.dialog != d) {
            return;
          }
          d.prepared = p;
          d.failure = failure;
          d.phase = PlanDialog.Phase.READY;
          if (p != null) {
            d.target = p.plan().target();
            if (p.changedSince()) {
              refresh.run();
            }
          }
        });
  }

  /** {@code y}, or {@code Enter} after typing a protected target's name. */
  void confirm() {
    PlanDialog d = s.dialog;
    ApplySession se = session;
    if (d == null || se == null || !d.applicable()) {
      return;
    }
    Confirmation c = Confirmation.yes();
    if (d.typing()) {
      String typed = d.typed.toString().trim();
      if (!typed.equals(d.target.label())) {
        d.problem =
            (typed.isEmpty() ? "Nothing typed" : "'" + typed + "' is not " + d.target.label())
                + ": type "
                + d.target.label()
                + " exactly, then Enter";
        d.typed.setLength(0);
        return;
      }
      c = Confirmation.typed(typed);
    }
    Optional<String> refusal = se.refusal(d.prepared, c);
    if (refusal.isPresent()) {
      d.problem = refusal.get();
      return;
    }
    d.phase = PlanDialog.Phase.APPLYING;
    Confirmation confirmation = c;
    Comparison watched = comparison.get();
    work.submit(
        () -> {
          Outcome o;
          try {
            o = se.apply(d.prepared, confirmation);
          } catch (RuntimeException e) {
            post.accept(
                () -> {
                  closeIf(d);
                  s.say("apply failed: " + e.getMessage(), "error", RESULT_MILLIS);
                });
            return;
          }
          post.accept(() -> applied(d, o));
          if (!d.isUndo()
              && watched != null
              && (o.status() == Outcome.Status.APPLIED || o.status() == Outcome.Status.PARTIAL)) {
            // Waiting for the sync must not hold up the next plan (u right after an apply).
            Thread t = new Thread(() -> watch(watched, o, d), "driftscope-tui-sync");
            t.setDaemon(true);
            t.start();
          }
        });
  }

  private void closeIf(PlanDialog d) {
    if (s.dialog == d) {
      s.dialog = null;
    }
  }

  /** {@code Esc}: closes the dialog; a running apply still finishes and reports. */
  void cancel() {
    PlanDialog d = s.dialog;
    s.dialog = null;
    if (d != null && d.phase == PlanDialog.Phase.APPLYING) {
      s.say("the apply runs on; its result follows here", "warning");
    } else {
      s.say("cancelled: nothing was applied", "warning");
    }
  }

  private void applied(PlanDialog d, Outcome o) {
    closeIf(d);
    String what =
        d.isUndo() ? "undo of apply #" + d.prepared.plan().undoOf() : "apply #" + o.journalId();
    String target = d.target.label();
    int ops =
        o.results().stream()
            .filter(Outcome.Result::ok)
            .mapToInt(r -> r.change().steps().size())
            .sum();
    switch (o.status()) {
      case APPLIED -> {
        s.marks.clear();
        s.say(
            what
                + ": applied "
                + ops
                + " operation"
                + (ops == 1 ? "" : "s")
                + " to "
                + target
                + (d.isUndo() ? " · the prior state is restored" : " — watching for it to show…"),
            "warning",
            RESULT_MILLIS);
      }
      case PARTIAL, FAILED -> {
        if (o.status() == Outcome.Status.PARTIAL) {
          s.marks.clear();
        }
        boolean moved =
            o.results().stream()
                .anyMatch(r -> !r.ok() && r.failure().kind() == ApplyException.Kind.CHANGED_SINCE);
        StringBuilder sb = new StringBuilder(what);
        sb.append(o.status() == Outcome.Status.PARTIAL ? " partial: " : " failed: ");
        long okCount = o.results().stream().filter(Outcome.Result::ok).count();
        sb.append(okCount).append(" applied, ");
        sb.append(o.results().size() - okCount).append(" failed");
        o.results().stream()
            .filter(r -> !r.ok())
            .findFirst()
            .ifPresent(
                r ->
                    sb.append(" — ")
                        .append(r.change().key().shortName())
                        .append(": ")
                        .append(r.failure().getMessage()));
        if (moved) {
          sb.append(" — changed since you looked — refreshed");
          refresh.run();
        }
        if (okCount > 0) {
          sb.append(" · u undoes what was applied");
        }
        s.say(sb.toString(), "error", RESULT_MILLIS);
      }
      case REFUSED -> s.say(o.message(), "error", RESULT_MILLIS);
    }
  }

  private void watch(Comparison c, Outcome o, PlanDialog d) {
    SyncCheck.Report r;
    try {
      r = SyncCheck.await(c, o, d.direction, SYNC_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String target = d.target.label();
    SyncCheck.Report report = r;
    post.accept(
        () -> {
          if (report.inSync()) {
            s.say(
                "apply #"
                    + o.journalId()
                    + ": "
                    + target
                    + " shows the applied values — in sync · u undoes",
                "warning",
                RESULT_MILLIS);
          } else {
            s.say(
                "apply #"
                    + o.journalId()
                    + ": still different after "
                    + SYNC_WAIT.toSeconds()
                    + " s: "
                    + String.join("; ", report.stillDifferent()),
                "error",
                RESULT_MILLIS);
          }
        });
  }
}
