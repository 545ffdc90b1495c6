package io.driftscope.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import io.driftscope.apply.ApplySession;
import io.driftscope.apply.Planner;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ModeChoice;
import io.driftscope.compare.Opener;
import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.core.Snapshot;
import io.driftscope.demo.DemoClusters;
import io.driftscope.source.SourceException;
import io.driftscope.source.file.SnapshotFormat;
import io.driftscope.tui.DeltaScreen;
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
    DefaultTerminalFactory factory =
        new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8);
    return run(
        terminal,
        cmd,
        () -> new DeltaScreen(factory.createTerminal()),
        Trace.fromEnvironment(terminal.env()),
        app -> {});
  }

  /** Makes the screen once the settings are known to be good. */
  interface ScreenMaker {
    TerminalScreen make() throws java.io.IOException;
  }

  /**
   * Runs the explorer on the screen {@code screens} makes, until it quits.
   *
   * @param started receives the app before it runs (the class-data training stops it)
   */
  static int run(
      Terminal terminal,
      RootCommand cmd,
      ScreenMaker screens,
      Trace trace,
      java.util.function.Consumer<TuiApp> started)
      throws Exception {
    boolean demo = cmd.demo || cmd.environments.isEmpty();
    Planner planner = cmd.serverSide.planner();
    LazyDemo clusters = null;
    try {
      String left;
      String right;
      CompareSetup setup;
      if (demo) {
        // The clusters start on the explorer's opening thread, after its first frame is up.
        clusters = new LazyDemo(cmd.demoOptions);
        cmd.compare.kubeconfig = clusters.kubeconfig;
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
      TerminalScreen screen = screens.make();
      TuiApp app =
          new TuiApp(
              screen,
              theme,
              config,
              new Opening(setup, terminal, cmd.readOnly, cmd.journal, planner, clusters),
              left,
              right,
              TuiLauncher::writeSnapshot,
              terminal.clock(),
              options);
      started.accept(app);
      app.run();
      return ExitCodes.OK;
    } finally {
      if (clusters != null) {
        clusters.close();
      }
    }
  }

  /** The demo clusters, started on first use and stopped at the end. */
  private static final class LazyDemo implements AutoCloseable {
    private final DemoOptions options;
    private final Path folder;
    final Path kubeconfig;
    private DemoClusters clusters;

    LazyDemo(DemoOptions options) throws java.io.IOException {
      this.options = options;
      this.folder = java.nio.file.Files.createTempDirectory("driftscope-demo-");
      this.kubeconfig = folder.resolve("kubeconfig");
      DemoClusters.actorPeriod(options.actor); // a bad --demo-actor fails before the screen opens
    }

    synchronized void start() throws SourceException {
      if (clusters == null) {
        try {
          clusters =
              DemoClusters.start(
                  kubeconfig, options.seed, DemoClusters.actorPeriod(options.actor), line -> {});
        } catch (RuntimeException e) {
          throw new SourceException("the demo clusters could not start: " + e.getMessage(), e);
        }
      }
    }

    @Override
    public synchronized void close() throws java.io.IOException {
      if (clusters != null) {
        clusters.close();
      }
      java.nio.file.Files.deleteIfExists(kubeconfig);
      java.nio.file.Files.deleteIfExists(folder);
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
    private final Planner planner;
    private final LazyDemo demo;
    private final Map<Comparison, Opener.OpenedPair> pairs = new IdentityHashMap<>();

    /**
     * An opener.
     *
     * @param planner how the sessions it makes plan applies
     * @param demo the demo clusters to start before the first opening, or null
     */
    Opening(
        CompareSetup setup,
        Terminal terminal,
        boolean readOnly,
        Path journal,
        Planner planner,
        LazyDemo demo) {
      this.setup = setup;
      this.terminal = terminal;
      this.readOnly = readOnly;
      this.journal = journal;
      this.planner = planner;
      this.demo = demo;
    }

    @Override
    public synchronized Optional<ApplySession> session(Comparison comparison) {
      Opener.OpenedPair pair = pairs.get(comparison);
      return pair == null
          ? Optional.empty()
          : Optional.of(Remediation.session(terminal, pair, readOnly, journal, planner));
    }

    @Override
    public synchronized Comparison open(String left, String right) throws SourceException {
      Preload.awaitQuietLogging(); // sources' libraries log; the screen must not tear
      if (demo != null) {
        demo.start();
      }
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
