package io.driftscope.cli;

import io.driftscope.apply.Confirmation;
import io.driftscope.apply.Direction;
import io.driftscope.apply.Executor;
import io.driftscope.apply.Journal;
import io.driftscope.apply.Outcome;
import io.driftscope.apply.Plan;
import io.driftscope.apply.PlanText;
import io.driftscope.apply.Planner;
import io.driftscope.apply.Prepared;
import io.driftscope.apply.Selection;
import io.driftscope.apply.SyncCheck;
import io.driftscope.apply.Target;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Side;
import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftscope apply LEFT RIGHT}: plan, dry-run, confirm, apply and journal; exit 0 applied
 * (with {@code --dry-run}: would apply), 1 nothing to do, 2 failed, refused or partial.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply one side's configuration to the other, after showing the plan and a dry run.",
      "Every apply is journaled ($XDG_STATE_HOME/driftscope/journal.jsonl) and can be undone.",
      "Exit codes: 0 applied (with --dry-run: would apply), 1 nothing to do,"
          + " 2 failed, refused or partial."
    })
public final class ApplyCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin EnvironmentPair environments;

  @Mixin CompareOptions compare;

  @Option(
      names = "--path",
      paramLabel = "RESOURCE:PATH",
      description =
          "Apply one field, e.g. Deployment/shop/api:/spec/template/spec/containers/name=web/image."
              + " Repeatable.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--resource",
      paramLabel = "RESOURCE",
      description = "Apply a whole resource, KIND[.GROUP]/[NAMESPACE/]NAME. Repeatable.")
  List<String> resources = new ArrayList<>();

  @Option(
      names = "--direction",
      paramLabel = "DIR",
      description = "left-to-right (default) or right-to-left.")
  String direction = "left-to-right";

  @Option(names = "--dry-run", description = "Show the plan and the dry run; change nothing.")
  boolean dryRun;

  @Option(names = "--yes", description = "Apply without asking.")
  boolean yes;

  @Option(
      names = "--confirm",
      paramLabel = "NAME",
      description = "The target environment's name, required for a protected target.")
  String confirmName;

  @Option(names = "--journal", paramLabel = "FILE", description = "Journal file to write.")
  Path journalFile;

  @Option(names = "--read-only", description = "Make applying impossible (plan and dry run only).")
  boolean readOnly;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description =
          "How long to watch the target for the applied nodes to show in sync (default 5).")
  int waitSeconds = 5;

  @Option(
      names = "--show-changes",
      description = "Print the exact change (JSON Patch, file diff) under each resource.")
  boolean showChanges;

  @Mixin ServerSideOptions serverSide;

  ApplyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Direction dir;
    Selection selection;
    try {
      dir = Direction.parse(direction);
      selection = selection();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    Planner planner = serverSide.planner();
    CompareSetup setup = CompareSetup.from(terminal, compare);
    try (Opener.OpenedPair pair = setup.open(environments.left, environments.right)) {
      ModeChoice mode = setup.mode(pair);
      try (Comparison comparison = setup.comparison(pair, mode.mode(), false)) {
        mode.notice().ifPresent(comparison::addNotice);
        comparison.load();
        ComparisonView view = comparison.view();
        checkNamed(view);
        Opener.Opened opened = dir.target() == Side.LEFT ? pair.left() : pair.right();
        Target target = Remediation.target(opened, dir.target(), readOnly);
        Plan plan = planner.plan(view, dir, selection, target);
        if (plan.isEmpty()) {
          plan.notes().forEach(n -> terminal.out().println("note: " + n));
          terminal.out().println("nothing to apply: the selected nodes are in sync");
          return ExitCodes.DRIFT;
        }
        Journal journal = Remediation.journal(terminal, journalFile);
        Executor executor =
            new Executor(opened.source().applier(), journal, Remediation.user(terminal));
        Prepared prepared = executor.prepare(plan);
        PlanText.lines(prepared, showChanges).forEach(terminal.out()::println);
        if (!prepared.ok()) {
          terminal
              .err()
              .println(
                  "driftscope: "
                      + (prepared.changedSince()
                          ? "the target changed since it was read; run again"
                          : "the dry run failed; nothing was applied"));
          return ExitCodes.TROUBLE;
        }
        if (dryRun) {
          terminal.out().println("dry run: nothing was changed");
          if (target.readOnly()) {
            terminal
                .err()
                .println("driftscope: " + target.label() + " is read-only: it cannot be applied");
            return ExitCodes.TROUBLE;
          }
          return ExitCodes.OK;
        }
        Confirmation confirmation = confirm(target);
        if (!target.readOnly() && !yes && !confirmation.confirmed()) {
          terminal
              .err()
              .println("driftscope: not confirmed: pass --yes to apply without a terminal");
          return ExitCodes.TROUBLE;
        }
        comparison.watch();
        Outcome outcome = executor.execute(prepared, confirmation);
        if (outcome.status() == Outcome.Status.REFUSED) {
          terminal.err().println("driftscope: " + outcome.message());
          return ExitCodes.TROUBLE;
        }
        PlanText.lines(outcome).forEach(terminal.out()::println);
        if (waitSeconds > 0) {
          SyncCheck.Report report =
              SyncCheck.await(comparison, outcome, dir, Duration.ofSeconds(waitSeconds));
          if (report.inSync()) {
            terminal.out().println("in sync: " + target.label() + " shows the applied values");
          } else {
            report.stillDifferent().forEach(s -> terminal.out().println("still different: " + s));
          }
        }
        return outcome.status() == Outcome.Status.APPLIED ? ExitCodes.OK : ExitCodes.TROUBLE;
      }
    }
  }

  private Selection selection() {
    List<Selection.Item> items = new ArrayList<>();
    for (String p : paths) {
      int at = p.indexOf(":/");
      if (at <= 0) {
        throw new IllegalArgumentException(
            "'" + p + "' is not a field: write RESOURCE:PATH, e.g. Deployment/api:/spec/replicas");
      }
      items.add(
          new Selection.Field(
              ResourceKey.parse(p.substring(0, at)), FieldPath.parse(p.substring(at + 1))));
    }
    for (String r : resources) {
      items.add(new Selection.Whole(ResourceKey.parse(r)));
    }
    return items.isEmpty() ? Selection.all() : new Selection(items);
  }

  private void checkNamed(ComparisonView view) {
    List<String> named = new ArrayList<>(resources);
    paths.forEach(p -> named.add(p.substring(0, p.indexOf(":/"))));
    for (String text : named) {
      ResourceKey k = ResourceKey.parse(text);
      if (view.resources().stream().noneMatch(d -> Selection.keyMatches(k, d))) {
        throw new UserException(
            "no resource " + text + " on either side (write KIND[.GROUP]/[NAMESPACE/]NAME)");
      }
    }
  }

  private Confirmation confirm(Target target) {
    if (yes) {
      return new Confirmation(true, confirmName);
    }
    Console console = terminal.interactive() ? System.console() : null;
    if (console == null) {
      return Confirmation.no();
    }
    if (target.isProtected()) {
      String typed = console.readLine("%s is protected: type its name to apply: ", target.label());
      return typed == null ? Confirmation.no() : Confirmation.typed(typed.trim());
    }
    String answer = console.readLine("Apply to %s? [y/N] ", target.label());
    return answer != null && answer.trim().equalsIgnoreCase("y")
        ? Confirmation.yes()
        : Confirmation.no();
  }
}
