package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.driftscope.compare.Comparison;
import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link TuiApp} on a fixed-size virtual terminal over two {@link MemorySource}s, feeds it
 * keys and waits for the frame each key produces.
 */
final class ScreenHarness implements AutoCloseable {

  final DefaultVirtualTerminal terminal;
  final MemorySource left;
  final MemorySource right;
  final Comparison comparison;
  final TuiApp app;
  final List<String> saved = new ArrayList<>();
  private final Object frameLock = new Object();
  private long frames;
  // How many keys the TUI had handled when it drew its latest frame.
  private long keysAtLastFrame;
  private final java.util.concurrent.atomic.AtomicReference<TuiApp> started =
      new java.util.concurrent.atomic.AtomicReference<>();
  private final Thread thread;
  private volatile Throwable failure;

  static ScreenHarness shop(Theme theme, TuiApp.Options options) throws Exception {
    return new ScreenHarness(
        new TerminalSize(120, 40),
        theme,
        options,
        new MemorySource("k8s://staging/shop", Shop.staging()),
        new MemorySource("k8s://prod/shop", Shop.prod()),
        Shop.differ());
  }

  static ScreenHarness shop() throws Exception {
    return shop(Theme.load("dark"), options());
  }

  static TuiApp.Options options() {
    return TuiApp.Options.defaults().withSalt(new byte[] {1, 2, 3}).withNoFlash(false);
  }

  static Config config() {
    Map<String, Environment> envs = new LinkedHashMap<>();
    envs.put("staging", new Environment("staging", "k8s://staging/shop", false, false));
    envs.put("prod", new Environment("prod", "k8s://prod/shop", true, false));
    envs.put("preview", new Environment("preview", "k8s://preview/shop", false, false));
    return new Config(Optional.empty(), envs, List.of(), Map.of(), Map.of());
  }

  ScreenHarness(
      TerminalSize size,
      Theme theme,
      TuiApp.Options options,
      MemorySource left,
      MemorySource right,
      ResourceDiffer differ)
      throws Exception {
    this.terminal = new DefaultVirtualTerminal(size);
    this.left = left;
    this.right = right;
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:03:41Z"), ZoneOffset.UTC);
    this.comparison =
        new Comparison(
            left, "staging", right, "prod", differ, Pairing.plain(), Mode.SYMMETRIC, clock);
    TerminalScreen screen = new TerminalScreen(terminal);
    TuiApp.Options opts =
        options.withOnFrame(
            () -> {
              synchronized (frameLock) {
                frames++;
                TuiApp running = started.get();
                keysAtLastFrame = running == null ? 0 : running.keysHandled();
                frameLock.notifyAll();
              }
            });
    this.app =
        new TuiApp(
            screen,
            theme,
            config(),
            (l, r) -> comparison,
            "staging",
            "prod",
            (side, resources, file) -> saved.add(file.getFileName() + ":" + resources.size()),
            clock,
            opts.withWorkingDirectory(Path.of("target")));
    started.set(app);
    this.thread =
        new Thread(
            () -> {
              try {
                app.run();
              } catch (Throwable t) {
                failure = t;
              }
            },
            "tui-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until the tree shows the loaded comparison. */
  ScreenHarness loaded() {
    await(() -> screenText().contains("Deployment"), "the tree to load");
    return this;
  }

  long frames() {
    synchronized (frameLock) {
      return frames;
    }
  }

  /** Feeds keys one by one, each time waiting for the frame it causes. */
  void press(KeyStroke... keys) {
    pressWithin(5_000, keys);
  }

  /** Feeds keys, allowing each up to {@code millis} for the frame that shows it. */
  void pressWithin(long millis, KeyStroke... keys) {
    for (KeyStroke k : keys) {
      long wanted = app.keysHandled() + 1;
      terminal.addInput(k);
      synchronized (frameLock) {
        long deadline = System.currentTimeMillis() + millis;
        // A frame drawn for some other reason (a view update, a flash ending) does not count.
        while (keysAtLastFrame < wanted) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            fail("no frame after key " + k + "\n" + screenText());
          }
          try {
            frameLock.wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Types characters as keys. */
  void type(String chars) {
    for (char c : chars.toCharArray()) {
      press(key(c));
    }
  }

  static KeyStroke key(char c) {
    return new KeyStroke(c, false, false);
  }

  static KeyStroke key(KeyType t) {
    return new KeyStroke(t);
  }

  void await(BooleanSupplier condition, String what) {
    await(condition, what, 5_000);
  }

  void await(BooleanSupplier condition, String what, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (failure != null) {
        throw new AssertionError("the TUI failed", failure);
      }
      if (System.currentTimeMillis() > deadline) {
        fail("timed out waiting for " + what + "\n" + screenText());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  String line(int row) {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder sb = new StringBuilder();
    for (int x = 0; x < size.getColumns(); x++) {
      sb.append(terminal.getCharacter(x, row).getCharacterString());
    }
    return sb.toString();
  }

  String screenText() {
    StringBuilder sb = new StringBuilder();
    for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
      sb.append(line(y).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** The row whose text contains {@code text}, or -1. */
  int rowOf(String text) {
    return rowOf(text, 0);
  }

  /** The first row from {@code from} whose text contains {@code text}, or -1. */
  int rowOf(String text, int from) {
    for (int y = from; y < terminal.getTerminalSize().getRows(); y++) {
      if (line(y).contains(text)) {
        return y;
      }
    }
    return -1;
  }

  /**
   * The character at a position; off the screen (a row looked up while the text was not drawn yet
   * is -1) a blank, so conditions polled by {@link #await} just try again.
   */
  TextCharacter charAt(int x, int y) {
    if (y < 0 || x < 0) {
      return TextCharacter.DEFAULT_CHARACTER;
    }
    return terminal.getCharacter(x, y);
  }

  /** The character where {@code text} starts on the screen. */
  TextCharacter charOf(String text) {
    int y = rowOf(text);
    if (y < 0) {
      fail("not on screen: " + text + "\n" + screenText());
    }
    return charAt(line(y).indexOf(text), y);
  }

  /** The row the cursor (the {@code tree.cursor} style) is on, or -1. */
  int cursorRow(Theme theme) {
    Style cursor = theme.style("tree.cursor");
    for (int y = 3; y < terminal.getTerminalSize().getRows() - 2; y++) {
      TextCharacter c = charAt(0, y);
      if (cursor.background() != null && cursor.background().equals(c.getBackgroundColor())) {
        return y;
      }
    }
    return -1;
  }

  /** The cursor row under the mono theme (reverse video). */
  int cursorRowMono() {
    for (int y = 3; y < terminal.getTerminalSize().getRows() - 2; y++) {
      if (charAt(0, y).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE)) {
        return y;
      }
    }
    return -1;
  }

  @Override
  public void close() throws Exception {
    app.stop();
    thread.join(5_000);
    if (failure != null) {
      throw new AssertionError("the TUI failed", failure);
    }
  }
}
