package io.driftscope.source.file;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watches a folder (and, when recursive, every folder below it that {@code descend} accepts,
 * including ones created later) with the platform's {@link WatchService}, and hands each burst of
 * changes, once the folder has been quiet for a moment, to a handler as the set of paths touched.
 * Watching the folder rather than a file sees an editor's atomic replace (write a temporary file,
 * rename it over the original). Runs one daemon thread until closed.
 */
final class FileWatcher implements AutoCloseable {

  /** Receives the paths touched in one burst; {@code overflow} means events were lost. */
  interface Handler {
    void onChanges(Set<Path> paths, boolean overflow);
  }

  /** The longest a burst is held back, however busy the folder stays. */
  private static final Duration MAX_DELAY = Duration.ofSeconds(1);

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final boolean recursive;
  private final Predicate<Path> descend;
  private final Duration quiet;
  private final Handler handler;
  private final Thread thread;
  private volatile boolean closed;

  FileWatcher(
      Path folder,
      boolean recursive,
      Predicate<Path> descend,
      Duration quiet,
      Handler handler,
      String name)
      throws IOException {
    this.service = folder.getFileSystem().newWatchService();
    this.recursive = recursive;
    this.descend = descend;
    this.quiet = quiet;
    this.handler = handler;
    try {
      if (recursive) {
        registerTree(folder);
      } else {
        register(folder);
      }
    } catch (IOException e) {
      service.close();
      throw e;
    }
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts delivering changes. */
  void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey key = service.take();
        Set<Path> batch = new LinkedHashSet<>();
        boolean overflow = false;
        long deadline = System.nanoTime() + MAX_DELAY.toNanos();
        // Debounce: keep collecting until the folder has been quiet for a moment.
        while (key != null) {
          overflow |= drain(key, batch);
          if (System.nanoTime() > deadline) {
            break;
          }
          key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!closed && (overflow || !batch.isEmpty())) {
          try {
            handler.onChanges(batch, overflow);
          } catch (RuntimeException e) {
            // A failing handler must not end the watch; it reports its own errors.
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private boolean drain(WatchKey key, Set<Path> batch) {
    Path folder = folders.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        overflow = true;
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      batch.add(path);
      if (recursive && event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        try {
          registerTree(path);
        } catch (IOException e) {
          overflow = true; // a folder we cannot watch: let the handler look at everything
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return overflow;
  }

  private void register(Path folder) throws IOException {
    folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
  }

  private void registerTree(Path top) throws IOException {
    Files.walkFileTree(
        top,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!descend.test(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            register(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      // nothing more to release
    }
    // No interrupt: a handler in the middle of reading a file finishes its read cleanly, and the
    // closed service ends the loop at its next take or poll.
  }
}
