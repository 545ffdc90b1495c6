package io.driftscope.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.driftscope.apply.ApplySession;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.SideView;
import io.driftscope.config.Config;
import io.driftscope.core.Resource;
import io.driftscope.source.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full-screen drift explorer. Opens the comparison through the given opener, draws it on the
 * given screen, and runs until {@code q}. Comparisons push views from their own threads; this class
 * applies the latest one on the screen thread at most about 30 times a second, while keys are
 * handled and drawn at once.
 */
public final class TuiApp {

  /** Opens the comparison of two environments named as the user wrote them (name or spec). */
  public interface ComparisonOpener {
    /** Opens both sources and builds their comparison; the TUI loads and watches it. */
    Comparison open(String left, String right) throws SourceException;

    /**
     * The remediation session for a comparison this opener opened: its sides as targets with their
     * appliers, the journal and the user; empty when applying is not possible here.
     */
    default Optional<ApplySession> session(Comparison comparison) {
      return Optional.empty();
    }

    /** Releases a comparison the TUI no longer shows (closes its watches and sources). */
    default void close(Comparison comparison) {
      comparison.close();
    }
  }

  /** Writes one side's resources to a snapshot file (the cli wires its snapshot writer here). */
  public interface SnapshotWriter {
    void write(SideView side, List<Resource> resources, Path file) throws IOException;
  }

  /**
   * How the TUI runs.
   *
   * @param readOnly {@code --read-only}: apply keys disabled
   * @param noFlash {@code --no-flash}: changed nodes do not flash
   * @param salt the per-run salt of secret digests
   * @param glyphs UTF-8 or ASCII line drawing ({@link Glyphs#detect})
   * @param workingDirectory where {@code s} saves snapshots
   * @param trace where to write instants for benchmarks
   * @param onFrame called on the screen thread after each frame reached the terminal (tests)
   */
  public record Options(
      boolean readOnly,
      boolean noFlash,
      byte[] salt,
      Glyphs glyphs,
      Path workingDirectory,
      Trace trace,
      Runnable onFrame) {

    /** Defaults: writable, flashing, a fresh random salt, UTF-8, the current directory. */
    public static Options defaults() {
      byte[] salt = new byte[16];
      new java.security.SecureRandom().nextBytes(salt);
      return new Options(false, false, salt, Glyphs.UNICODE, Path.of(""), Trace.NONE, () -> {});
    }

    public Options withReadOnly(boolean on) {
      return new Options(on, noFlash, salt, glyphs, workingDirectory, trace, onFrame);
    }

    public Options withNoFlash(boolean on) {
      return new Options(readOnly, on, salt, glyphs, workingDirectory, trace, onFrame);
    }

    public Options withSalt(byte[] s) {
      return new Options(readOnly, noFlash, s, glyphs, workingDirectory, trace, onFrame);
    }

    public Options withGlyphs(Glyphs g) {
      return new Options(readOnly, noFlash, salt, g, workingDirectory, trace, onFrame);
    }

    public Options withWorkingDirectory(Path d) {
      return new Options(readOnly, noFlash, salt, glyphs, d, trace, onFrame);
    }

    public Options withTrace(Trace t) {
      return new Options(readOnly, noFlash, salt, glyphs, workingDirectory, t, onFrame);
    }

    public Options withOnFrame(Runnable r) {
      return new Options(readOnly, noFlash, salt, glyphs, workingDirectory, trace, r);
    }
  }

  /** Minimum time between two frames caused by view updates (about 30 frames a second). */
  static final long VIEW_FRAME_MILLIS = 33;

  /** How long a changed node flashes. */
  static final long FLASH_MILLIS = 1_000;

  private static final Object WAKE = new Object();

  private final Screen screen;
  private final ComparisonOpener opener;
  private final SnapshotWriter snapshots;
  private final Clock clock;
  private final Options options;
  private final UiState state;
  private final ScreenRenderer renderer = new ScreenRenderer();
  private final KeyHandler keys;
  private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicReference<ComparisonView> pending = new AtomicReference<>();
  private final AtomicBoolean woken = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "driftscope-tui-open");
            t.setDaemon(true);
            return t;
          });
  private final ExecutorService applyWork =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "driftscope-tui-apply");
            t.setDaemon(true);
            return t;
          });
  private final AtomicReference<Comparison> active = new AtomicReference<>();
  private final ApplyFlow applyFlow;
  private volatile long generation;
  // Written by the screen thread only; read by tests to know a frame shows a given key.
  private volatile long keysHandled;
  private volatile boolean running = true;
  private boolean dirty = true;
  private boolean opened;
  private long lastViewFrame;

  /**
   * A TUI on {@code screen} (not yet started) for the environments {@code left} and {@code right}.
   *
   * @param theme the starting theme ({@link Theme#choose})
   * @param config names of environments (completion, protected marks)
   * @param opener opens comparisons, at start and for {@code r}, {@code :left}, {@code :right},
   *     {@code :env}
   * @param snapshots writes snapshots for {@code s}; {@code null} when saving is not available
   * @param clock for the times shown and file names
   */
  public TuiApp(
      Screen screen,
      Theme theme,
      Config config,
      ComparisonOpener opener,
      String left,
      String right,
      SnapshotWriter snapshots,
      Clock clock,
      Options options) {
    this.screen = screen;
    this.opener = opener;
    this.snapshots = snapshots;
    this.clock = clock;
    this.options = options;
    this.state =
        new UiState(
            theme,
            KeyMap.standard(options.readOnly()),
            new Values(options.salt()),
            config,
            clock.getZone(),
            !options.noFlash());
    state.leftWord = left;
    state.rightWord = right;
    this.applyFlow =
        new ApplyFlow(
            state,
            this::post,
            applyWork,
            active::get,
            () -> open(state.leftWord, state.rightWord),
            options.readOnly());
    this.keys =
        new KeyHandler(
            state,
            new Commands(),
            applyFlow,
            config,
            () -> Math.max(1, screen.getTerminalSize().getRows() - 6));
  }

  /** Runs until the user quits (or {@link #stop} is called); starts and stops the screen. */
  public void run() throws IOException {
    screen.startScreen();
    if (screen instanceof TerminalScreen ts) {
      ts.getTerminal().addResizeListener((t, size) -> wake());
    }
    Thread input = new Thread(this::readInput, "driftscope-tui-input");
    input.setDaemon(true);
    input.start();
    try {
      loop();
    } finally {
      running = false;
      Comparison c = active.getAndSet(null);
      if (c != null) {
        opener.close(c);
      }
      background.shutdownNow();
      applyWork.shutdownNow();
      screen.stopScreen();
    }
  }

  /** Runs {@code probe} on the screen thread with the UI state (tests and benchmarks). */
  void inspect(java.util.function.Consumer<UiState> probe) {
    post(() -> probe.accept(state));
  }

  /** How many keys the screen thread has handled so far (tests wait for a key's frame). */
  long keysHandled() {
    return keysHandled;
  }

  /** Asks the screen thread to finish. */
  public void stop() {
    running = false;
    wake();
  }

  private void loop() throws IOException {
    while (running) {
      state.now = monotonicMillis();
      Object ev;
      try {
        ev = dirty ? events.poll() : events.poll(waitMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      state.now = monotonicMillis();
      int handled = 0;
      while (ev != null) {
        handle(ev);
        // Keys that arrived together are handled together and drawn once.
        if (++handled >= 512 || !running) {
          break;
        }
        ev = events.poll();
      }
      if (screen.doResizeIfNecessary() != null) {
        dirty = true;
      }
      woken.set(false);
      if (pending.get() != null && state.now - lastViewFrame >= VIEW_FRAME_MILLIS) {
        applyView(pending.getAndSet(null));
        lastViewFrame = state.now;
      }
      if (expiryPassed()) {
        dirty = true;
      }
      if (dirty && running) {
        dirty = false;
        long t0 = System.nanoTime();
        renderer.draw(screen, state, options.glyphs());
        long t1 = System.nanoTime();
        screen.refresh();
        lastDrawNanos = t1 - t0;
        lastRefreshNanos = System.nanoTime() - t1;
        options.trace().mark("first-frame");
        options.onFrame().run();
        if (!opened) {
          // Loading starts once the first frame is up, so that it does not compete with it for
          // the machine's cores.
          opened = true;
          open(state.leftWord, state.rightWord);
        }
      }
    }
  }

  /** How long the last frame took to draw and to reach the terminal (for the bench). */
  volatile long lastDrawNanos;

  volatile long lastRefreshNanos;

  private long nextExpiry = Long.MAX_VALUE;

  private boolean expiryPassed() {
    if (state.now >= nextExpiry) {
      nextExpiry = Long.MAX_VALUE;
      return true;
    }
    return false;
  }

  private void expireAt(long at) {
    nextExpiry = Math.min(nextExpiry, at);
  }

  private long waitMillis() {
    long wait = 500;
    if (pending.get() != null) {
      wait = Math.min(wait, Math.max(1, lastViewFrame + VIEW_FRAME_MILLIS - state.now));
    }
    if (nextExpiry != Long.MAX_VALUE) {
      wait = Math.min(wait, Math.max(1, nextExpiry - state.now));
    }
    return wait;
  }

  private static long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private void handle(Object ev) {
    if (ev instanceof KeyStroke k) {
      keysHandled++;
      if (k.getKeyType() == KeyType.EOF) {
        running = false;
        return;
      }
      long before = state.messageUntil;
      if (!keys.handle(k)) {
        running = false;
      }
      if (state.messageUntil != before) {
        expireAt(state.messageUntil);
      }
      dirty = true;
    } else if (ev instanceof Runnable task) {
      task.run();
      expireAt(state.messageUntil);
      dirty = true;
    }
  }

  private void readInput() {
    // A virtual terminal holds its lock while blocked in readInput, which would stop drawing:
    // poll it instead (every millisecond while keys come, every 5 ms when idle).
    boolean poll =
        screen instanceof TerminalScreen ts
            && ts.getTerminal() instanceof com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
    long lastKey = 0;
    try {
      while (running) {
        KeyStroke k = poll ? screen.pollInput() : screen.readInput();
        if (k != null) {
          events.add(k);
          lastKey = System.nanoTime();
          if (k.getKeyType() == KeyType.EOF) {
            return;
          }
        } else if (poll) {
          boolean busy = System.nanoTime() - lastKey < 1_000_000_000L;
          java.util.concurrent.locks.LockSupport.parkNanos(busy ? 200_000 : 5_000_000);
        }
      }
    } catch (IOException | RuntimeException e) {
      events.add(new KeyStroke(KeyType.EOF));
    }
  }

  private void wake() {
    if (woken.compareAndSet(false, true)) {
      events.add(WAKE);
    }
  }

  /** Runs {@code task} on the screen thread. */
  private void post(Runnable task) {
    events.add(task);
  }

  // ------------------------------------------------------------------ views

  private void applyView(ComparisonView v) {
    if (v == null) {
      return;
    }
    state.view = v;
    state.openFailure = null;
    TreeNavigator.Anchor anchor = state.nav.anchor();
    if (v.loaded() || state.tree.resourceCount() == 0) {
      List<Node> touched = state.tree.update(v);
      if (state.flashEnabled) {
        for (Node n : touched) {
          n.flashUntil = state.now + FLASH_MILLIS;
        }
        if (!touched.isEmpty()) {
          expireAt(state.now + FLASH_MILLIS + 1);
        }
      }
      state.nav.restore(anchor);
      keys.refreshDetail();
    }
    if (v.loaded() && settled(v.left()) && settled(v.right())) {
      options.trace().mark("tree-complete");
    }
    dirty = true;
  }

  private static boolean settled(SideView s) {
    return switch (s.state().phase()) {
      case LIVE, STATIC -> true;
      default -> false;
    };
  }

  /** Opens a comparison in the background; its views replace the shown ones once they arrive. */
  private void open(String left, String right) {
    long gen = ++generation;
    background.submit(
        () -> {
          Comparison c;
          try {
            c = opener.open(left, right);
          } catch (SourceException | RuntimeException e) {
            post(
                () -> {
                  state.openFailure = e.getMessage();
                  state.say("cannot open " + left + " ⇄ " + right + ": " + e.getMessage(), "error");
                });
            wake();
            return;
          }
          if (gen != generation || !running) {
            opener.close(c);
            return;
          }
          c.addListener(
              v -> {
                if (gen == generation) {
                  pending.set(v);
                  wake();
                }
              });
          Comparison previous = active.getAndSet(c);
          if (previous != null) {
            opener.close(previous);
          }
          Optional<ApplySession> session;
          try {
            session = opener.session(c);
          } catch (RuntimeException e) {
            session = Optional.empty();
            post(() -> state.say("applying is not available: " + e.getMessage(), "error"));
          }
          Optional<ApplySession> sessionFound = session;
          post(
              () -> {
                state.leftWord = left;
                state.rightWord = right;
                applyFlow.sessionChanged(sessionFound);
              });
          pending.set(c.view());
          wake();
          try {
            c.load();
            c.watch();
          } catch (SourceException | RuntimeException e) {
            post(() -> state.say("loading failed: " + e.getMessage(), "error"));
            wake();
          }
        });
  }

  /** The commands and key actions that reach beyond the screen. */
  final class Commands {

    void reopen(String left, String right) {
      state.say("opening " + left + " ⇄ " + right + " …", "warning");
      open(left, right);
    }

    void save() {
      ComparisonView v = state.view;
      if (v == null || !v.loaded()) {
        state.say("nothing to save yet: the sides are still loading", "warning");
        return;
      }
      if (snapshots == null) {
        state.say("saving snapshots is not available here", "warning");
        return;
      }
      String stamp =
          java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
              .format(clock.instant().atZone(clock.getZone()));
      Path dir = options.workingDirectory();
      background.submit(
          () -> {
            StringBuilder done = new StringBuilder();
            try {
              for (boolean left : new boolean[] {true, false}) {
                SideView side = left ? v.left() : v.right();
                List<Resource> rs =
                    v.resources().stream()
                        .map(d -> left ? d.left() : d.right())
                        .filter(java.util.Objects::nonNull)
                        .toList();
                Path file =
                    dir.resolve("driftscope-" + fileSafe(side.label()) + "-" + stamp + ".json");
                snapshots.write(side, rs, file);
                done.append(done.length() == 0 ? "saved " : " and ").append(file);
              }
              post(() -> state.say(done.toString(), "warning"));
            } catch (IOException | RuntimeException e) {
              post(() -> state.say("saving failed: " + e.getMessage(), "error"));
            }
            wake();
          });
    }

    void quit() {
      running = false;
    }

    String leftWord() {
      return state.leftWord;
    }

    String rightWord() {
      return state.rightWord;
    }
  }

  static String fileSafe(String label) {
    return label.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
