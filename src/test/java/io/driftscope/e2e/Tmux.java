package io.driftscope.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives a program in a real terminal: a detached tmux session of a fixed size, keys sent with
 * {@code send-keys}, the screen read with {@code capture-pane}.
 */
final class Tmux implements AutoCloseable {

  private final String session;

  private Tmux(String session) {
    this.session = session;
  }

  /**
   * Starts {@code command} in a new session of {@code cols}×{@code rows}. Without tmux the test is
   * skipped, except under {@code CI=true}, where a missing tmux fails it.
   */
  static Tmux start(String name, int cols, int rows, String command) throws Exception {
    if (!available()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("tmux is missing: scripts/test installs it; CI must not skip the terminal tests");
      }
      Assumptions.abort("tmux is not installed");
    }
    String session = name + "-" + ProcessHandle.current().pid();
    run("tmux", "kill-session", "-t", session);
    int code =
        run(
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            Integer.toString(cols),
            "-y",
            Integer.toString(rows),
            command);
    if (code != 0) {
      fail("tmux new-session failed with exit code " + code);
    }
    return new Tmux(session);
  }

  private static boolean available() {
    try {
      return run("tmux", "-V") == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Sends keys as tmux names them ({@code j}, {@code Enter}, {@code Escape} …). */
  void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
    cmd.addAll(List.of(keys));
    run(cmd.toArray(String[]::new));
    // Keys sent too close together can merge into escape sequences (Escape then j = Alt+j).
    Thread.sleep(150);
  }

  /** The screen as text, one line per row. */
  String screen() throws Exception {
    Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return text;
  }

  /** Waits until the screen satisfies {@code condition}; fails with the last screen otherwise. */
  String await(String what, Predicate<String> condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = screen();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    fail("the screen did not show " + what + " within " + timeout + ":\n" + last);
    return last;
  }

  /** Whether the session still runs. */
  boolean alive() throws Exception {
    return run("tmux", "has-session", "-t", session) == 0;
  }

  @Override
  public void close() throws Exception {
    run("tmux", "kill-session", "-t", session);
  }

  /** The fat jar built by the package phase. */
  static Path jar() {
    Path jar = Path.of("target", "driftscope.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail("target/driftscope.jar is missing: run the integration tests with 'mvn verify'");
    }
    return jar;
  }
}
