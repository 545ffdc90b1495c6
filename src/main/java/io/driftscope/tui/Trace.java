package io.driftscope.tui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes instants of the TUI's life ({@code first-frame}, {@code tree-complete}) to the file named
 * by {@code DRIFTSCOPE_TRACE}, one {@code event millis-since-start} line each, for {@code
 * scripts/bench}. Each event is written once. Does nothing without a file.
 */
public final class Trace {

  /** A trace that writes nothing. */
  public static final Trace NONE = new Trace(null, 0);

  private final Path file;
  private final long startMillis;
  private final Set<String> written = new HashSet<>();

  /** A trace into {@code file}, timing from {@code startMillis} (epoch millis of process start). */
  public Trace(Path file, long startMillis) {
    this.file = file;
    this.startMillis = startMillis;
  }

  /**
   * The trace {@code DRIFTSCOPE_TRACE} asks for, timed from the JVM's start; else {@link #NONE}.
   */
  public static Trace fromEnvironment(Map<String, String> env) {
    String f = env.get("DRIFTSCOPE_TRACE");
    if (f == null || f.isBlank()) {
      return NONE;
    }
    return new Trace(Path.of(f), ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  /**
   * Records {@code event} now, the first time only. Errors are ignored: tracing must not break the
   * TUI.
   */
  public synchronized void mark(String event) {
    if (file == null || !written.add(event)) {
      return;
    }
    String line = event + " " + (System.currentTimeMillis() - startMillis) + "\n";
    try {
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // Tracing is for benchmarks only; a missing trace shows up there.
    }
  }
}
