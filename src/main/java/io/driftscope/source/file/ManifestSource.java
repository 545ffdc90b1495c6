package io.driftscope.source.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.KindScopes;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Threads;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Kubernetes manifests from one YAML or JSON file, or from a folder read recursively: declarative,
 * and live through file watching. After a change only the files touched are parsed again, and each
 * resource whose document actually changed is reported once. A file that turns bad keeps its last
 * good content, and the source reports {@link SourceState.Phase#FAILED} with the error until the
 * file reads again.
 */
public final class ManifestSource implements Source {

  static final Duration QUIET = Duration.ofMillis(50);

  private static final SourceTraits TRAITS = new SourceTraits("file", true, false, true);

  private final String spec;
  private final Path path;
  private final String display;
  private final ManifestFolder folder;
  private final KindScopes baseScopes;
  private final String defaultNamespace;
  private final Clock clock;
  private final List<SourceListener> listeners = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private TreeMap<Path, FileManifests> files = new TreeMap<>();
  private ResourceIndex index;
  private final Map<Path, String> failing = new LinkedHashMap<>();
  private String failure;
  private FileWatcher watcher;
  private boolean closed;
  private FileApplier applier;

  /**
   * A source over a file or folder.
   *
   * @param path the file or folder, absolute
   * @param display the path as the user wrote it
   * @param isFolder whether {@code path} is a folder
   */
  ManifestSource(String spec, Path path, String display, boolean isFolder, SourceContext context) {
    this.spec = spec;
    this.path = path;
    this.display = display;
    this.folder = isFolder ? new ManifestFolder(path, display) : null;
    this.baseScopes =
        context
            .setting(KindScopes.SETTING)
            .filter(KindScopes.class::isInstance)
            .map(KindScopes.class::cast)
            .orElse(KindScopes.builtIn());
    this.defaultNamespace = context.defaultNamespace();
    this.clock = context.clock() == null ? Clock.systemUTC() : context.clock();
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public SourceTraits traits() {
    return TRAITS;
  }

  @Override
  public synchronized LoadResult load() throws SourceException {
    return loadWith(null, node -> null);
  }

  /**
   * Loads, handing each resource to {@code progress.onChange} as soon as it is read: a list's items
   * one by one as the file is parsed, other files' documents file by file. Each is keyed with the
   * built-in kind scopes only (the custom resource definitions among the files are known once all
   * are read).
   */
  @Override
  public synchronized LoadResult load(SourceListener progress) throws SourceException {
    // What was handed over is returned as it is, unless a definition among the files re-keys it.
    Map<ObjectNode, Resource> handed = Collections.synchronizedMap(new IdentityHashMap<>());
    return loadWith(
        doc -> {
          Resource r = ResourceIndex.resourceOf(doc, baseScopes, defaultNamespace);
          handed.put(doc.node(), r);
          progress.onChange(r.key(), r);
        },
        handed::get);
  }

  /**
   * Reads and keys the files.
   *
   * @param early receives each manifest as soon as it is read, or {@code null}
   * @param handedOver the resource {@code early} made of a document, or {@code null}
   */
  private LoadResult loadWith(
      Consumer<ManifestDocument> early, Function<ObjectNode, Resource> handedOver)
      throws SourceException {
    TreeMap<Path, String> skipped = new TreeMap<>();
    TreeMap<Path, FileManifests> read = readAll(skipped, early);
    ResourceIndex built =
        ResourceIndex.build(read.values(), baseScopes, defaultNamespace, handedOver);
    files = read;
    index = built;
    failing.clear();
    // Notices in file order, whether a file was left out by name or skipped documents.
    TreeMap<Path, List<String>> byFile = new TreeMap<>();
    skipped.forEach((file, notice) -> byFile.put(file, List.of(notice)));
    read.forEach((file, manifests) -> byFile.put(file, manifests.notices()));
    List<String> notices = new ArrayList<>();
    byFile.values().forEach(notices::addAll);
    if (folder != null && read.isEmpty() && notices.isEmpty()) {
      notices.add(display + ": no *.yaml, *.yml or *.json files");
    }
    if (failure != null) {
      failure = null;
      deliver(List.of(), Optional.of(state(SourceState.Phase.LIVE, "")));
    }
    return new LoadResult(new ArrayList<>(built.resources().values()), notices);
  }

  private TreeMap<Path, FileManifests> readAll(
      Map<Path, String> skipped, Consumer<ManifestDocument> early) throws SourceException {
    TreeMap<Path, FileManifests> read = new TreeMap<>();
    if (folder == null) {
      read.put(path, ManifestReader.read(path, display, true, new TextValues(), early));
      return read;
    }
    List<Path> paths = folder.list(path, skipped);
    Object[] outcomes = readInParallel(paths, early);
    // Errors are raised in file order, whichever thread met them first.
    for (Object outcome : outcomes) {
      if (outcome instanceof SourceException e) {
        throw e;
      }
      if (outcome instanceof RuntimeException e) {
        throw e;
      }
      if (outcome instanceof Error e) {
        throw e;
      }
      FileManifests file = (FileManifests) outcome;
      read.put(file.file(), file);
    }
    return read;
  }

  /** Below this many files per thread, another thread costs more than it saves. */
  private static final int FILES_PER_THREAD = 32;

  /**
   * Parses the files on this thread and, for many files, on helper threads too: each takes the next
   * unread file until none is left. Files parse independently and the parsers are thread-safe. A
   * waiting thread blocks rather than spins (a parallel stream's caller spins in the fork-join
   * pool, a tenth of the CPU on two cores). Returns per file its {@link FileManifests} or the
   * exception its reading threw.
   */
  private Object[] readInParallel(List<Path> paths, Consumer<ManifestDocument> early) {
    Object[] outcomes = new Object[paths.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          TextValues texts = new TextValues(); // one per thread: its files share their values
          for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
            Path file = paths.get(i);
            try {
              outcomes[i] = ManifestReader.read(file, folder.display(file), false, texts, early);
            } catch (SourceException | RuntimeException | Error e) {
              outcomes[i] = e; // raised by the loading thread, in file order
            }
          }
        };
    int helpers =
        Math.min(Runtime.getRuntime().availableProcessors() - 1, paths.size() / FILES_PER_THREAD);
    List<Thread> threads = new ArrayList<>(Math.max(0, helpers));
    for (int h = 0; h < helpers; h++) {
      Thread t = new Thread(work, "driftscope-read-" + h);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    work.run();
    for (Thread t : threads) {
      // The helpers finish their current file and stop: nothing is left to take.
      Threads.joinUninterruptibly(t);
    }
    return outcomes;
  }

  /**
   * Where the document of a resource sits, as of the last load or reported change; for editing the
   * file in place.
   */
  public synchronized Optional<DocumentLocation> locate(ResourceKey key) {
    return index == null ? Optional.empty() : Optional.ofNullable(index.locations().get(key));
  }

  /** Edits the manifest files in place; see {@link FileApplier}. */
  @Override
  public synchronized Optional<io.driftscope.source.Applier> applier() {
    if (applier == null) {
      applier = new FileApplier(path, display, folder != null);
    }
    return Optional.of(applier);
  }

  @Override
  public Watch watch(SourceListener listener) throws SourceException {
    synchronized (this) {
      if (closed) {
        throw new SourceException(display + ": source is closed");
      }
      boolean loaded = index != null;
      if (!loaded) {
        load();
      }
      listeners.add(listener);
      listener.onState(
          failure == null
              ? state(SourceState.Phase.LIVE, "")
              : state(SourceState.Phase.FAILED, failure));
      if (watcher == null) {
        startWatcher();
        if (loaded) {
          // Catch what changed between the load and the start of watching.
          Delta missed = refresh(Set.of(), true, false);
          deliver(missed.changes(), missed.state());
        }
      }
    }
    return () -> stopWatching(listener);
  }

  private void startWatcher() throws SourceException {
    Path dir = folder != null ? path : path.getParent();
    try {
      watcher =
          new FileWatcher(
              dir,
              folder != null,
              folder != null ? folder::isListedFolder : d -> true,
              QUIET,
              this::onFileChanges,
              "driftscope-watch " + display);
    } catch (IOException e) {
      throw new SourceException(
          "cannot watch " + display + " for changes (" + DocumentReader.reason(e) + ")");
    }
    watcher.start();
  }

  private synchronized void stopWatching(SourceListener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty() && watcher != null) {
      watcher.close();
      watcher = null;
    }
  }

  private void onFileChanges(Set<Path> paths, boolean overflow) {
    Delta delta;
    synchronized (this) {
      delta = refresh(paths, overflow, true);
    }
    deliver(delta.changes(), delta.state());
  }

  /** What one refresh found: resources changed (null = deleted) and a new state, if any. */
  private record Delta(
      List<Map.Entry<ResourceKey, Resource>> changes, Optional<SourceState> state) {
    static final Delta NONE = new Delta(List.of(), Optional.empty());
  }

  /**
   * Reads again what changed and works out what to report.
   *
   * @param changed paths the watcher saw touched
   * @param full look at every file, not only {@code changed}
   * @param force parse again even files whose size and time did not change
   */
  private Delta refresh(Set<Path> changed, boolean full, boolean force) {
    if (closed || index == null) {
      return Delta.NONE;
    }
    TreeMap<Path, FileManifests> next = new TreeMap<>(files);
    Set<Path> staged = new TreeSet<>();
    for (Path file : candidates(changed, full)) {
      if (folder != null && !(Files.isRegularFile(file) && folder.isManifestFile(file))) {
        next.remove(file);
        failing.remove(file);
        continue;
      }
      FileManifests before = next.get(file);
      if (!force && before != null && before.stamp().equals(FileStamp.of(file))) {
        continue;
      }
      try {
        next.put(file, ManifestReader.read(file, displayOf(file), folder == null));
        staged.add(file);
        failing.remove(file);
      } catch (SourceException e) {
        failing.put(file, e.getMessage());
      }
    }
    ResourceIndex built = buildKeepingGood(next, staged);
    List<Map.Entry<ResourceKey, Resource>> changes =
        ResourceChanges.between(index.resources(), built.resources());
    files = next;
    index = built;
    String nowFailing = failureText();
    Optional<SourceState> state = Optional.empty();
    if (!Objects.equals(nowFailing, failure)) {
      failure = nowFailing;
      state =
          Optional.of(
              nowFailing == null
                  ? state(SourceState.Phase.LIVE, "")
                  : state(SourceState.Phase.FAILED, nowFailing));
    }
    return new Delta(changes, state);
  }

  private SortedSet<Path> candidates(Set<Path> changed, boolean full) {
    SortedSet<Path> candidates = new TreeSet<>();
    if (folder == null) {
      if (full || changed.contains(path)) {
        candidates.add(path);
      }
      return candidates;
    }
    Map<Path, String> ignored = new HashMap<>();
    if (full) {
      candidates.addAll(files.keySet());
      candidates.addAll(failing.keySet());
      try {
        candidates.addAll(folder.list(path, ignored));
      } catch (SourceException e) {
        // The folder itself is gone or unreadable: every known file reads as removed.
      }
      return candidates;
    }
    for (Path p : changed) {
      for (Path known : files.keySet()) {
        if (known.startsWith(p)) {
          candidates.add(known);
        }
      }
      for (Path known : failing.keySet()) {
        if (known.startsWith(p)) {
          candidates.add(known);
        }
      }
      if (Files.isDirectory(p)) {
        if (folder.isListedFolder(p)) {
          try {
            candidates.addAll(folder.list(p, ignored));
          } catch (SourceException e) {
            // removed again before we looked
          }
        }
      } else if (folder.isManifestFile(p)) {
        candidates.add(p);
      }
    }
    return candidates;
  }

  /**
   * Keys the files; when the files just read make two documents collide, those files keep their
   * previous content and are reported as failing, so one bad edit does not hide the others.
   */
  private ResourceIndex buildKeepingGood(TreeMap<Path, FileManifests> next, Set<Path> staged) {
    while (true) {
      try {
        return ResourceIndex.build(next.values(), baseScopes, defaultNamespace);
      } catch (ResourceIndex.DuplicateException d) {
        List<Path> culprits = new ArrayList<>();
        if (staged.contains(d.second)) {
          culprits.add(d.second);
        } else if (staged.contains(d.first)) {
          culprits.add(d.first);
        } else {
          culprits.addAll(staged); // e.g. a changed CRD scope made two unchanged files collide
        }
        for (Path culprit : culprits) {
          FileManifests before = files.get(culprit);
          if (before == null) {
            next.remove(culprit);
          } else {
            next.put(culprit, before);
          }
          staged.remove(culprit);
          failing.put(culprit, d.getMessage());
        }
        if (culprits.isEmpty()) {
          return index; // cannot happen: the previous state was consistent
        }
      }
    }
  }

  private String failureText() {
    if (failing.isEmpty()) {
      return null;
    }
    String first = failing.values().iterator().next();
    int more = failing.size() - 1;
    return more == 0
        ? first
        : first + " (and " + more + " more failing file" + (more > 1 ? "s)" : ")");
  }

  private void deliver(
      List<Map.Entry<ResourceKey, Resource>> changes, Optional<SourceState> state) {
    for (SourceListener listener : listeners) {
      for (Map.Entry<ResourceKey, Resource> change : changes) {
        listener.onChange(change.getKey(), change.getValue());
      }
      state.ifPresent(listener::onState);
    }
  }

  private SourceState state(SourceState.Phase phase, String reason) {
    return SourceState.of(phase, clock.instant(), reason);
  }

  private String displayOf(Path file) {
    return folder == null ? display : folder.display(file);
  }

  @Override
  public synchronized void close() {
    closed = true;
    listeners.clear();
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
  }

  /** Files read at the last load or change, for tests and diagnostics. */
  synchronized Map<Path, FileManifests> files() {
    return new HashMap<>(files);
  }
}
