package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.driftscope.apply.ApplySession;
import io.driftscope.compare.Comparison;
import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.source.Source;
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
import java.util.function.Function;

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

  /** The last whole frame, copied on the screen thread right after it reached the terminal. */
  private volatile TextCharacter[][] frame;

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
    this(size, theme, options, left, right, differ, config(), c -> Optional.empty());
  }

  /**
   * A TUI over any two sources, with a config and a remediation session per comparison (empty: the
   * apply keys stay unavailable).
   */
  ScreenHarness(
      TerminalSize size,
      Theme theme,
      TuiApp.Options options,
      Source leftSource,
      Source rightSource,
      ResourceDiffer differ,
      Config config,
      Function<Comparison, Optional<ApplySession>> sessions)
      throws Exception {
    this.terminal = new DefaultVirtualTerminal(size);
    this.left = leftSource instanceof MemorySource m ? m : null;
    this.right = rightSource instanceof MemorySource m ? m : null;
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:03:41Z"), ZoneOffset.UTC);
    this.comparison =
        new Comparison(
            leftSource,
            "staging",
            rightSource,
            "prod",
            differ,
            Pairing.plain(),
            Mode.SYMMETRIC,
            clock);
    Comparison shown = comparison;
    TuiApp.ComparisonOpener opener =
        new TuiApp.ComparisonOpener() {
          @Override
          public Comparison open(String l, String r) {
            return shown;
          }

          @Override
          public Optional<ApplySession> session(Comparison c) {
            return sessions.apply(c);
          }
        };
    TerminalScreen screen = new DeltaScreen(terminal);
    TuiApp.Options opts =
        options.withOnFrame(
            () -> {
              // Reading the terminal while a frame is being written can show half of it (a
              // complete refresh clears the screen first): tests read this copy instead.
              TextCharacter[][] copy = copy(terminal);
              synchronized (frameLock) {
                frame = copy;
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
            config,
            opener,
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

  private static TextCharacter[][] copy(DefaultVirtualTerminal t) {
    TerminalSize size = t.getTerminalSize();
    TextCharacter[][] out = new TextCharacter[size.getRows()][size.getColumns()];
    for (int y = 0; y < out.length; y++) {
      for (int x = 0; x < out[y].length; x++) {
        out[y][x] = t.getCharacter(x, y);
      }
    }
    return out;
  }

  /** The last whole frame (before the first: the terminal as it is). */
  private TextCharacter[][] shown() {
    TextCharacter[][] f = frame;
    return f != null ? f : copy(terminal);
  }

  /** A row of the last frame; empty when the frame has no such row (before a resize reached it). */
  String line(int row) {
    TextCharacter[][] f = shown();
    if (row < 0 || row >= f.length) {
      return "";
    }
    TextCharacter[] cells = f[row];
    StringBuilder sb = new StringBuilder();
    for (TextCharacter c : cells) {
      sb.append(c.getCharacterString());
    }
    return sb.toString();
  }

  String screenText() {
    TextCharacter[][] f = shown();
    StringBuilder sb = new StringBuilder();
    for (TextCharacter[] row : f) {
      StringBuilder line = new StringBuilder();
      for (TextCharacter c : row) {
        line.append(c.getCharacterString());
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** The row whose text contains {@code text}, or -1. */
  int rowOf(String text) {
    return rowOf(text, 0);
  }

  /** The first row from {@code from} whose text contains {@code text}, or -1. */
  int rowOf(String text, int from) {
    for (int y = from; y < shown().length; y++) {
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
    TextCharacter[][] f = shown();
    return y < f.length && x < f[y].length ? f[y][x] : terminal.getCharacter(x, y);
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
    for (int y = 3; y < shown().length - 2; y++) {
      TextCharacter c = charAt(0, y);
      if (cursor.background() != null && cursor.background().equals(c.getBackgroundColor())) {
        return y;
      }
    }
    return -1;
  }

  /** The row the cursor is on under the dark theme. */
  int cursorRowOf() {
    try {
      return cursorRow(Theme.load("dark"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The cursor row under the mono theme (reverse video). */
  int cursorRowMono() {
    for (int y = 3; y < shown().length - 2; y++) {
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
