package io.driftscope.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.driftscope.tui.DeltaScreen;
import io.driftscope.tui.Theme;
import io.driftscope.tui.Trace;
import io.driftscope.tui.TuiApp;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;

/**
 * Runs the common paths once — a diff of two small manifests, the shipped themes, the explorer on
 * the demo clusters in an off-screen terminal — so that {@code scripts/driftscope} can record the
 * classes they load in a class-data archive right after a build. Hidden: not a user command.
 */
@Command(name = "cds-training", hidden = true)
final class TrainCommand implements Callable<Integer> {

  private final Terminal terminal;

  TrainCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("driftscope-training-");
    try {
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
      Terminal quiet = new Terminal(sink, sink, terminal.env(), dir, terminal.clock(), false);
      Path left = Files.writeString(dir.resolve("left.yaml"), SAMPLE);
      Path right =
          Files.writeString(
              dir.resolve("right.yaml"), SAMPLE.replace("replicas: 2", "replicas: 3"));
      Main.run(quiet, "diff", left.toString(), right.toString(), "-o", "json");
      Main.run(quiet, "diff", left.toString(), right.toString(), "--color", "always");
      for (String name : Theme.SHIPPED) {
        Theme.load(name);
      }
      Path trace = dir.resolve("trace");
      RootCommand root = new RootCommand(quiet);
      root.compare = new CompareOptions();
      root.demoOptions = new DemoOptions();
      root.demoOptions.actor = "off";
      root.serverSide = new ServerSideOptions();
      AtomicReference<TuiApp> app = new AtomicReference<>();
      Thread stopper =
          new Thread(
              () -> {
                long deadline = System.currentTimeMillis() + 60_000;
                try {
                  while (System.currentTimeMillis() < deadline
                      && !(Files.exists(trace)
                          && Files.readString(trace).contains("tree-complete"))) {
                    Thread.sleep(50);
                  }
                } catch (Exception e) {
                  // stop anyway
                }
                TuiApp a = app.get();
                if (a != null) {
                  a.stop();
                }
              });
      stopper.setDaemon(true);
      stopper.start();
      TuiLauncher.run(
          quiet,
          root,
          () -> new DeltaScreen(new DefaultVirtualTerminal(new TerminalSize(120, 40))),
          new Trace(trace, System.currentTimeMillis()),
          app::set);
      return ExitCodes.OK;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final String SAMPLE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop, labels: {app: web}}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: shop/web:1.0
                ports: [{containerPort: 80}]
                resources: {limits: {memory: 1Gi, cpu: 500m}}
                env: [{name: MODE, value: fast}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: shop}
      stringData: {password: example}
      """;
}
