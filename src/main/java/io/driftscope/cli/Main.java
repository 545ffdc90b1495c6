package io.driftscope.cli;

import io.driftscope.config.ConfigException;
import io.driftscope.source.SourceException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code driftscope} command: the TUI by default, and the line commands. */
public final class Main {

  private Main() {}

  /** Options that print the root command's help or version, which lists the line commands. */
  private static final java.util.Set<String> ROOT_INFO =
      java.util.Set.of("--help", "-h", "--version", "-V");

  /**
   * The line commands a command line needs: the one it names (the first argument that is a line
   * command's name, as picocli would find it after the root's options); all of them for {@code
   * help} and for the root's help and version, which list them; none for the explorer.
   */
  static java.util.List<String> lineCommands(String... args) {
    for (String arg : args) {
      if (RootCommand.SUBCOMMANDS.containsKey(arg)) {
        return arg.equals("help")
            ? java.util.List.copyOf(RootCommand.SUBCOMMANDS.keySet())
            : java.util.List.of(arg);
      }
    }
    for (String arg : args) {
      if (ROOT_INFO.contains(arg)) {
        return java.util.List.copyOf(RootCommand.SUBCOMMANDS.keySet());
      }
    }
    return java.util.List.of();
  }

  public static void main(String[] args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    if (lineCommands(args).isEmpty()) {
      Preload.start(!debug);
    } else if (!debug) {
      Preload.quietLogging();
    }
    int code = run(Terminal.system(), args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line against {@code terminal}; returns the exit code. */
  public static int run(Terminal terminal, String... args) {
    RootCommand root = new RootCommand(terminal);
    Factory factory = new Factory(terminal);
    CommandLine cl = new CommandLine(root, factory);
    // Picocli reads a command's annotations when it is added, which costs start-up time: only
    // the commands this command line can reach are added.
    for (String name : lineCommands(args)) {
      cl.addSubcommand(name, new CommandLine(RootCommand.SUBCOMMANDS.get(name), factory));
    }
    cl.setOut(new PrintWriter(terminal.out(), true));
    cl.setErr(new PrintWriter(terminal.err(), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean debug =
              parseResult.hasMatchedOption("--debug")
                  || parseResult.subcommands().stream()
                      .anyMatch(p -> p.hasMatchedOption("--debug"));
          terminal.err().println("driftscope: " + message(ex));
          if (debug) {
            ex.printStackTrace(terminal.err());
          } else if (!isUserError(ex)) {
            terminal.err().println("(run again with --debug to see where it failed)");
          }
          return ExitCodes.TROUBLE;
        });
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          terminal.err().println("driftscope: " + ex.getMessage());
          CommandLine cmd = ex.getCommandLine();
          terminal.err().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.TROUBLE;
        });
    return cl.execute(args);
  }

  private static boolean isUserError(Throwable ex) {
    return ex instanceof UserException
        || ex instanceof SourceException
        || ex instanceof ConfigException
        || ex instanceof IllegalArgumentException;
  }

  private static String message(Throwable ex) {
    if (isUserError(ex) && ex.getMessage() != null) {
      return ex.getMessage();
    }
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Creates commands with the terminal injected. */
  private record Factory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Terminal.class).newInstance(terminal);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
