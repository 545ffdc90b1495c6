package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.core.Side;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.source.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * After an apply, watches the comparison until the applied nodes show in sync, for a bounded time,
 * and says what is still different and why (a controller or a mutating webhook that changed a value
 * back, or a change that has not been seen yet).
 */
public final class SyncCheck {

  /**
   * What the comparison shows for the applied nodes.
   *
   * @param inSync every applied node is in sync
   * @param stillDifferent one line per node that is not, with the likely reason
   */
  public record Report(boolean inSync, List<String> stillDifferent) {
    public Report {
      stillDifferent = List.copyOf(stillDifferent);
    }
  }

  private SyncCheck() {}

  /** Checks one view without waiting. */
  public static Report check(ComparisonView view, Outcome outcome, Direction direction) {
    List<String> out = new ArrayList<>();
    for (Outcome.Result r : outcome.results()) {
      if (!r.ok()) {
        continue;
      }
      PlannedChange pc = r.change();
      ResourceDiff d =
          view.resources().stream()
              .filter(x -> x.key().equals(pc.key()) || Selection.keyMatches(pc.change().key(), x))
              .findFirst()
              .orElse(null);
      Resource target = d == null ? null : side(d, direction.target());
      Change c = pc.change();
      if (c instanceof Change.Delete) {
        if (target != null) {
          out.add(pc.key().shortName() + " is still on the target: it was deleted and came back");
        }
        continue;
      }
      if (d == null || target == null) {
        out.add(pc.key().shortName() + " is not on the target yet");
        continue;
      }
      for (Step s : pc.steps()) {
        for (Difference diff : d.drifted()) {
          if (diff.path().startsWith(s.path()) || s.path().startsWith(diff.path())) {
            out.add(reason(pc, s, diff, target, r));
            break;
          }
        }
      }
    }
    return new Report(out.isEmpty(), out);
  }

  /**
   * Waits until the applied nodes are in sync or {@code timeout} passes, checking every view the
   * comparison publishes.
   */
  public static Report await(
      Comparison comparison, Outcome outcome, Direction direction, Duration timeout)
      throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition changed = lock.newCondition();
    Comparison.Listener l =
        v -> {
          lock.lock();
          try {
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        };
    comparison.addListener(l);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Report r = check(comparison.view(), outcome, direction);
        long left = deadline - System.nanoTime();
        if (r.inSync() || left <= 0) {
          return r;
        }
        lock.lock();
        try {
          changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
        } finally {
          lock.unlock();
        }
      }
    } finally {
      comparison.removeListener(l);
    }
  }

  private static String reason(
      PlannedChange pc, Step s, Difference diff, Resource target, Outcome.Result r) {
    FieldPath path = diff.path();
    JsonNode now = PathResolver.valueAt(target.document(), path);
    JsonNode applied =
        r.applied().after() == null
            ? null
            : PathResolver.valueAt(r.applied().after().document(), path);
    boolean secret = Display.secret(pc.key(), path);
    String where = pc.key().shortName() + " " + path;
    Resource before = pc.change().current();
    if (before != null && before.document().equals(target.document())) {
      return where
          + " still shows the value from before the apply: the change has not been seen yet"
          + " (the target is not watched, or slow to report)";
    }
    if (now == null ? applied != null : !now.equals(applied)) {
      return where
          + " is "
          + Display.value(now, secret)
          + " again (applied "
          + Display.value(applied, secret)
          + "): something changed it back, e.g. a controller or a mutating webhook";
    }
    return where
        + " was applied as "
        + Display.value(applied, secret)
        + " but still differs: the other side changed since, or the target rewrites the value";
  }

  private static Resource side(ResourceDiff d, Side s) {
    return s == Side.LEFT ? d.left() : d.right();
  }
}
