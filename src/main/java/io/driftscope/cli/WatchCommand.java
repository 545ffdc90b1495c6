package io.driftscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.compare.SideView;
import io.driftscope.core.Json;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.source.SourceState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftscope watch LEFT RIGHT}: one line per drifted resource, then one line whenever a
 * resource's verdict or set of differing paths changes, and one per source state change, until
 * interrupted (exit 0) or a source fails for good (exit 2).
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two environments and report every change of drift as it happens.",
      "Exit codes: 0 when interrupted, 2 when a source fails for good."
    })
final class WatchCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin EnvironmentPair environments;

  @Mixin CompareOptions compare;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text or json (one object per line).")
  OutputFormat output = OutputFormat.TEXT;

  WatchCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** What was last printed for a resource: its verdict and its drifted paths. */
  private record Verdict(String status, List<String> paths) {
    static Verdict of(ResourceDiff d) {
      if (d == null) {
        return new Verdict("absent", List.of());
      }
      String status = d.ignored() ? "ignored" : d.status().jsonName();
      return new Verdict(status, d.drifted().stream().map(x -> x.path().toString()).toList());
    }
  }

  private final Map<ResourceKey, Verdict> printed = new HashMap<>();
  private final Map<String, SourceState.Phase> phases = new HashMap<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile int exitCode = ExitCodes.OK;

  @Override
  public Integer call() throws Exception {
    CompareSetup setup = CompareSetup.from(terminal, compare);
    try (Opener.OpenedPair pair = setup.open(environments.left, environments.right)) {
      ModeChoice mode = setup.mode(pair);
      try (Comparison comparison = setup.comparison(pair, mode.mode(), false)) {
        mode.notice().ifPresent(n -> terminal.err().println("note: " + n));
        comparison.load();
        ComparisonView first = comparison.view();
        for (ResourceDiff d : first.resources()) {
          Verdict v = Verdict.of(d);
          printed.put(d.key(), v);
          if (d.isDrift()) {
            report(first.lastChangeAt(), d.key(), null, v, d);
          }
        }
        phases.put("left", first.left().state().phase());
        phases.put("right", first.right().state().phase());
        comparison.addListener(this::onView);
        Interrupts.onInterrupt(done::countDown);
        comparison.watch();
        try {
          done.await();
        } catch (InterruptedException e) {
          // Interrupted like Ctrl-C: a normal end.
          Thread.currentThread().interrupt();
        }
        return exitCode;
      }
    }
  }

  private synchronized void onView(ComparisonView view) {
    state("left", view.left());
    state("right", view.right());
    for (ResourceKey key : view.changed()) {
      ResourceDiff d = find(view, key);
      Verdict now = Verdict.of(d);
      Verdict before = printed.getOrDefault(key, new Verdict("absent", List.of()));
      if (!now.equals(before)) {
        printed.put(key, now);
        report(view.lastChangeAt(), key, before, now, d);
      }
    }
  }

  private static ResourceDiff find(ComparisonView view, ResourceKey key) {
    for (ResourceDiff d : view.resources()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    return null;
  }

  private void state(String side, SideView sv) {
    SourceState s = sv.state();
    if (phases.get(side) == s.phase()) {
      return;
    }
    phases.put(side, s.phase());
    if (output == OutputFormat.JSON) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("time", s.since().toString());
      o.put("side", side);
      o.put("state", s.phase().name().toLowerCase(java.util.Locale.ROOT));
      o.put("reason", s.reason());
      terminal.out().println(o);
    } else {
      terminal
          .out()
          .println(
              s.since()
                  + "  "
                  + side
                  + " "
                  + sv.label()
                  + " is "
                  + s.phase().name().toLowerCase(java.util.Locale.ROOT)
                  + (s.reason().isEmpty() ? "" : ": " + s.reason()));
    }
    terminal.out().flush();
    if (s.phase() == SourceState.Phase.FAILED) {
      exitCode = ExitCodes.TROUBLE;
      done.countDown();
    }
  }

  private void report(Instant at, ResourceKey key, Verdict from, Verdict to, ResourceDiff d) {
    Instant time = at == null ? terminal.clock().instant() : at;
    if (output == OutputFormat.JSON) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("time", time.toString());
      o.put("key", key.toString());
      if (from == null) {
        o.putNull("from");
      } else {
        o.put("from", from.status());
      }
      o.put("to", to.status());
      ArrayNode diffs = o.putArray("differences");
      if (d != null) {
        for (Difference x : d.drifted()) {
          ObjectNode dn = diffs.addObject();
          dn.put("path", x.path().toString());
          dn.put("status", x.status().jsonName());
        }
      }
      terminal.out().println(o);
    } else {
      String paths = to.paths().isEmpty() ? "" : "  " + String.join(" ", to.paths());
      terminal
          .out()
          .println(
              time
                  + "  "
                  + key
                  + "  "
                  + (from == null ? "" : from.status() + " → ")
                  + to.status()
                  + paths);
    }
    terminal.out().flush();
  }
}
