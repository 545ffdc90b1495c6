package io.driftscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code driftscope [OPTIONS] [LEFT RIGHT]}: the full-screen explorer, and the line commands. */
@Command(
    name = "driftscope",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "See and fix configuration drift between two environments.",
      "",
      "With LEFT and RIGHT (environment names from the config file, or source specs such as"
          + " k8s://prod/shop, ./manifests, snapshot:prod.json) opens the full-screen explorer;"
          + " with neither, or with --demo, opens it on the built-in live demo.",
      ""
    })
final class RootCommand implements Callable<Integer> {

  /**
   * The line commands by name, in the order help lists them. They are added to the command line
   * only when one is named (see {@link Main#run}): picocli reads every command's annotations when
   * it is added, which would delay the explorer's first frame.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("diff", DiffCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("snapshot", SnapshotCommand.class);
    m.put("watch", WatchCommand.class);
    m.put("apply", ApplyCommand.class);
    m.put("demo", DemoCommand.class);
    m.put("cds-training", TrainCommand.class);
    m.put("help", picocli.CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(m);
  }

  private final Terminal terminal;

  @Parameters(arity = "0..2", paramLabel = "ENV", description = "LEFT and RIGHT environments.")
  List<String> environments = new ArrayList<>();

  @Mixin CompareOptions compare;

  @Option(names = "--demo", description = "Open the built-in live demo.")
  boolean demo;

  @Mixin DemoOptions demoOptions;

  @Option(names = "--theme", paramLabel = "NAME|PATH", description = "Colour theme.")
  String theme;

  @Option(names = "--read-only", description = "Make applying changes impossible.")
  boolean readOnly;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Journal of applies (default: $${XDG_STATE_HOME:-~/.local/state}/driftscope/).")
  Path journal;

  @Option(names = "--no-flash", description = "Do not flash nodes that change.")
  boolean noFlash;

  @Mixin ServerSideOptions serverSide;

  RootCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (environments.size() == 1) {
      throw new UserException(
          "name two environments (LEFT RIGHT), or none for the demo; got only "
              + environments.get(0));
    }
    serverSide.check();
    return TuiLauncher.launch(terminal, this);
  }
}
