package io.driftscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command needs from its process: output streams, the environment, the working directory,
 * the clock, and whether stdout is a terminal. Tests pass their own.
 */
public record Terminal(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    Path workingDirectory,
    Clock clock,
    boolean interactive) {

  /** The real process. */
  public static Terminal system() {
    return new Terminal(
        System.out,
        System.err,
        System.getenv(),
        Path.of("").toAbsolutePath(),
        Clock.systemDefaultZone(),
        System.console() != null);
  }
}
