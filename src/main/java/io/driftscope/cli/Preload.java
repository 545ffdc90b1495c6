package io.driftscope.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import picocli.CommandLine;

/**
 * The explorer's head start: on a second core, while the main thread reads the command line, loads
 * the classes the first frame needs and quiets the libraries' logging (see {@link #quietLogging}).
 *
 * <p>Picocli comes first: its class files are too old for the class-data archive, so each of the
 * hundred and more classes it loads for the command line is read from the jar and verified, which
 * otherwise happens one by one on the main thread before anything else can.
 */
final class Preload {

  private static final String[] EXPLORER_CLASSES = {
    "com.googlecode.lanterna.terminal.DefaultTerminalFactory",
    "com.googlecode.lanterna.terminal.ansi.UnixTerminal",
    "com.googlecode.lanterna.screen.TerminalScreen",
    "io.driftscope.tui.TuiApp",
    "io.driftscope.tui.ScreenRenderer",
    "io.driftscope.tui.Theme",
    "io.driftscope.tui.KeyMap",
    "io.driftscope.config.LocatedYaml",
    "org.yaml.snakeyaml.Yaml",
    "io.driftscope.core.Json",
    "io.driftscope.diff.StructuralDiffer"
  };

  /** Counted down once logging is quiet; null when no head start was taken. */
  private static volatile CountDownLatch quiet;

  private Preload() {}

  /** Starts the head start for the explorer; {@code quietLogging} unless {@code --debug}. */
  static void start(boolean quietLogging) {
    CountDownLatch latch = new CountDownLatch(1);
    quiet = latch;
    Thread t =
        new Thread(
            () -> {
              try {
                loadAll(picocliClasses(), false);
                java.time.ZoneId.systemDefault();
              } finally {
                if (quietLogging) {
                  quietLogging();
                }
                latch.countDown();
              }
              loadAll(List.of(EXPLORER_CLASSES), true);
            },
            "driftscope-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Libraries log through java.util.logging to stderr, which would tear the full screen and clutter
   * line output: their news reaches the user through the sources' states instead.
   */
  static void quietLogging() {
    java.util.logging.LogManager.getLogManager().reset();
  }

  /** Waits until logging is quiet when the head start does that; before any source opens. */
  static void awaitQuietLogging() {
    CountDownLatch latch = quiet;
    if (latch == null) {
      return;
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void loadAll(List<String> names, boolean initialize) {
    ClassLoader loader = Preload.class.getClassLoader();
    for (String name : names) {
      try {
        Class.forName(name, initialize, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Only a head start: the class loads again where it is used.
      }
    }
  }

  /** The names of picocli's classes, from the jar that holds it (none when it is not a jar). */
  private static List<String> picocliClasses() {
    List<String> names = new ArrayList<>();
    CodeSource source = CommandLine.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return names;
    }
    try {
      Path jar = Path.of(source.getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        return names;
      }
      try (JarFile file = new JarFile(jar.toFile(), false)) {
        file.stream()
            .map(JarEntry::getName)
            .filter(n -> n.startsWith("picocli/") && n.endsWith(".class") && !n.contains("-"))
            .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // Only a head start.
    }
    return names;
  }
}
