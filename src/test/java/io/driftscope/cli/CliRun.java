package io.driftscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed and its exit code. */
record CliRun(int code, String out, String err) {

  static CliRun run(Path workingDirectory, String... args) {
    return run(workingDirectory, Map.of(), args);
  }

  static CliRun run(Path workingDirectory, Map<String, String> extraEnv, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>();
    env.put("HOME", workingDirectory.toString());
    env.put("XDG_CONFIG_HOME", workingDirectory.resolve(".config").toString());
    env.put("XDG_STATE_HOME", workingDirectory.resolve(".state").toString());
    env.putAll(extraEnv);
    Terminal t =
        new Terminal(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            workingDirectory,
            Clock.systemUTC(),
            false);
    int code = Main.run(t, args);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
