package io.driftscope.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import io.driftscope.apply.ApplySession;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.core.Snapshot;
import io.driftscope.demo.DemoClusters;
import io.driftscope.source.SourceException;
import io.driftscope.source.file.SnapshotFormat;
import io.driftscope.tui.Glyphs;
import io.driftscope.tui.TerminalCheck;
import io.driftscope.tui.Theme;
import io.driftscope.tui.Trace;
import io.driftscope.tui.TuiApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the full-screen explorer for the root command: on two named environments, or on the
 * built-in demo clusters when none are named.
 */
final class TuiLauncher {

  private TuiLauncher() {}

  static int launch(Terminal terminal, RootCommand cmd) throws Exception {
    Optional<String> problem = TerminalCheck.problem(terminal.env(), terminal.interactive());
    if (problem.isPresent()) {
      throw new UserException(problem.get());
    }
    Trace trace = Trace.fromEnvironment(terminal.env());
    boolean demo = cmd.demo || cmd.environments.isEmpty();
    DemoClusters clusters = null;
    try {
      String left;
      String right;
      CompareSetup setup;
      if (demo) {
        clusters =
            DemoClusters.start(
                null,
                cmd.demoOptions.seed,
                DemoClusters.actorPeriod(cmd.demoOptions.actor),
                line -> {});
        cmd.compare.kubeconfig = clusters.kubeconfigPath();
        setup = CompareSetup.from(terminal, cmd.compare, TuiLauncher::withDemoEnvironments);
        left = "staging";
        right = "prod";
      } else {
        setup = CompareSetup.from(terminal, cmd.compare);
        left = cmd.environments.get(0);
        right = cmd.environments.get(1);
      }
      Config config = setup.config();
      String themeName = cmd.theme != null ? cmd.theme : (String) config.settings().get("theme");
      Theme theme = Theme.choose(themeName, terminal.env());
      TuiApp.Options options =
          TuiApp.Options.defaults()
              .withReadOnly(cmd.readOnly)
              .withNoFlash(cmd.noFlash)
              .withGlyphs(Glyphs.detect(terminal.env()))
              .withWorkingDirectory(terminal.workingDirectory())
              .withTrace(trace);
      DefaultTerminalFactory factory =
          new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8);
      TerminalScreen screen = factory.createScreen();
      TuiApp app =
          new TuiApp(
              screen,
              theme,
              config,
              new Opening(setup, terminal, cmd.readOnly, cmd.journal),
              left,
              right,
              TuiLauncher::writeSnapshot,
              terminal.clock(),
              options);
      app.run();
      return ExitCodes.OK;
    } finally {
      if (clusters != null) {
        clusters.close();
      }
    }
  }

  /** The demo's environments: {@code staging}, and {@code prod}, protected. */
  private static Config withDemoEnvironments(Config config) {
    Map<String, Environment> envs = new LinkedHashMap<>(config.environments());
    envs.put("staging", new Environment("staging", DemoClusters.STAGING_SPEC, false, false));
    envs.put("prod", new Environment("prod", DemoClusters.PROD_SPEC, true, false));
    return new Config(
        config.file(), envs, config.ignoreRules(), config.settings(), config.namespaceMap());
  }

  private static void writeSnapshot(
      io.driftscope.compare.SideView side,
      java.util.List<io.driftscope.core.Resource> resources,
      Path file)
      throws java.io.IOException {
    SnapshotFormat.write(
        new Snapshot(Snapshot.CURRENT_FORMAT, side.spec(), java.time.Instant.now(), resources),
        file,
        SnapshotFormat.WriteOptions.masked());
  }

  /** Opens comparisons for the TUI and closes their sources when it lets them go. */
  private static final class Opening implements TuiApp.ComparisonOpener {
    private final CompareSetup setup;
    private final Terminal terminal;
    private final boolean readOnly;
    private final Path journal;
    private final Map<Comparison, Opener.OpenedPair> pairs = new IdentityHashMap<>();

    Opening(CompareSetup setup, Terminal terminal, boolean readOnly, Path journal) {
      this.setup = setup;
      this.terminal = terminal;
      this.readOnly = readOnly;
      this.journal = journal;
    }

    @Override
    public synchronized Optional<ApplySession> session(Comparison comparison) {
      Opener.OpenedPair pair = pairs.get(comparison);
      return pair == null
          ? Optional.empty()
          : Optional.of(Remediation.session(terminal, pair, readOnly, journal));
    }

    @Override
    public synchronized Comparison open(String left, String right) throws SourceException {
      Opener.OpenedPair pair = setup.open(left, right);
      ModeChoice mode = setup.mode(pair);
      Comparison c = setup.comparison(pair, mode.mode(), true);
      mode.notice().ifPresent(c::addNotice);
      pairs.put(c, pair);
      return c;
    }

    @Override
    public synchronized void close(Comparison comparison) {
      comparison.close();
      Opener.OpenedPair pair = pairs.remove(comparison);
      if (pair != null) {
        pair.close();
      }
    }
  }
}
