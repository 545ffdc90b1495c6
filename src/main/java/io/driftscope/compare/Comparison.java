package io.driftscope.compare;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.SecretDigest;
import io.driftscope.core.SecretMasking;
import io.driftscope.core.Side;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.diff.Summary;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import io.driftscope.source.Watch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * The live comparison of two sources: loads both, pairs and diffs their resources, and on every
 * change a source reports re-diffs only the resource concerned, publishing a new immutable {@link
 * ComparisonView} to its listeners. While the sources load, the resources of the slower one are
 * already diffed as it reads them ({@link EarlyDiffs}). Holds no terminal code.
 */
public final class Comparison implements AutoCloseable {

  /** Receives every new view, on the thread of the source that caused it. Must return quickly. */
  public interface Listener {
    void onView(ComparisonView view);
  }

  private final Map<Side, Source> sources = new EnumMap<>(Side.class);
  private final ResourceDiffer differ;
  private final Pairing pairing;
  private final Mode mode;
  private final Clock clock;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<Watch> watches = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private final Map<Side, Map<ResourceKey, Resource>> bySourceKey = new EnumMap<>(Side.class);
  // Per side, the resources by the key they pair by; the side's bySourceKey map itself when the
  // keyer keeps that side's keys.
  private final Map<Side, Map<ResourceKey, Resource>> byMatchKey = new EnumMap<>(Side.class);
  private final Map<ResourceKey, ResourceDiff> diffByMatchKey = new HashMap<>();
  // How many resources of each side live in each namespace, to tell in O(1) when a change alters
  // the namespace layout that pairing depends on.
  private final Map<Side, Map<String, Integer>> namespaceCounts = new EnumMap<>(Side.class);
  private Pairing.Keyer keyer;
  private ResourceDiff[] sorted = new ResourceDiff[0];
  private Summary summary = Summary.EMPTY;
  private final List<String> notices = new ArrayList<>();
  private volatile ComparisonView view;
  private boolean loaded;
  private long sequence;
  private Instant lastChangeAt;
  private String lastChange = "";

  /**
   * A comparison of two opened sources.
   *
   * @param leftLabel display name of the left environment
   * @param rightLabel display name of the right environment
   */
  public Comparison(
      Source left,
      String leftLabel,
      Source right,
      String rightLabel,
      ResourceDiffer differ,
      Pairing pairing,
      Mode mode,
      Clock clock) {
    sources.put(Side.LEFT, left);
    sources.put(Side.RIGHT, right);
    this.differ = IncomparableSecrets.around(differ, left, right);
    this.pairing = pairing;
    this.mode = mode;
    this.clock = clock;
    for (Side s : Side.values()) {
      bySourceKey.put(s, new HashMap<>());
      byMatchKey.put(s, new HashMap<>());
      namespaceCounts.put(s, new HashMap<>());
    }
    Instant now = clock.instant();
    SideView l =
        new SideView(
            leftLabel,
            left.spec(),
            left.traits(),
            SourceState.of(SourceState.Phase.LOADING, now, ""));
    SideView r =
        new SideView(
            rightLabel,
            right.spec(),
            right.traits(),
            SourceState.of(SourceState.Phase.LOADING, now, ""));
    view =
        new ComparisonView(
            0, l, r, mode, false, List.of(), Summary.EMPTY, Set.of(), null, "", List.of());
  }

  /** Adds a listener; it receives every view published after this call. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** The current view. */
  public ComparisonView view() {
    return view;
  }

  /** Adds a notice shown with the view (e.g. the mode choice). */
  public synchronized void addNotice(String notice) {
    notices.add(notice);
    publish(Set.of());
  }

  /**
   * Loads both sides in parallel and diffs them; blocks until done. Throws the first side's failure
   * (the failed side's state is then {@code FAILED}).
   */
  public void load() throws SourceException {
    EarlyDiffs early = new EarlyDiffs(differ, pairing);
    CompletableFuture<LoadResult> l =
        CompletableFuture.supplyAsync(() -> loadSide(Side.LEFT, early));
    CompletableFuture<LoadResult> r =
        CompletableFuture.supplyAsync(() -> loadSide(Side.RIGHT, early));
    LoadResult left;
    LoadResult right;
    try {
      left = l.join();
      right = r.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SideFailure f) {
        throw f.cause;
      }
      throw e;
    } finally {
      early.finish();
    }
    synchronized (this) {
      notices.addAll(left.notices());
      notices.addAll(right.notices());
      replaceSide(Side.LEFT, left.resources());
      replaceSide(Side.RIGHT, right.resources());
      loaded = true;
      rediffAll(early);
      for (Side s : Side.values()) {
        SourceState.Phase phase =
            sources.get(s).traits().watchable() ? SourceState.Phase.LIVE : SourceState.Phase.STATIC;
        setState(s, SourceState.of(phase, clock.instant(), ""));
      }
      publish(Set.of());
    }
  }

  private LoadResult loadSide(Side side, EarlyDiffs early) {
    try {
      LoadResult result = sources.get(side).load(new ProgressListener(side, early));
      early.loaded(side, result.resources());
      return result;
    } catch (SourceException e) {
      synchronized (this) {
        setState(side, SourceState.of(SourceState.Phase.FAILED, clock.instant(), e.getMessage()));
        publish(Set.of());
      }
      throw new SideFailure(e);
    }
  }

  /** Starts watching both sides; each change re-diffs one resource and publishes a view. */
  public void watch() throws SourceException {
    for (Side side : Side.values()) {
      watches.add(sources.get(side).watch(new SideListener(side)));
    }
  }

  @Override
  public void close() {
    for (Watch w : watches) {
      w.close();
    }
    watches.clear();
  }

  /** Shows a side's loading progress in its state, and hands what it reads to early diffing. */
  private final class ProgressListener implements SourceListener {
    private final Side side;
    private final EarlyDiffs early;

    ProgressListener(Side side, EarlyDiffs early) {
      this.side = side;
      this.early = early;
    }

    @Override
    public void onChange(ResourceKey key, Resource resource) {
      early.offer(side, resource);
    }

    @Override
    public void onReset(List<Resource> resources) {}

    @Override
    public void onState(SourceState state) {
      synchronized (Comparison.this) {
        setState(side, state);
        publish(Set.of());
      }
    }
  }

  /** Reacts to one side's events. */
  private final class SideListener implements SourceListener {
    private final Side side;

    SideListener(Side side) {
      this.side = side;
    }

    @Override
    public void onChange(ResourceKey key, Resource resource) {
      synchronized (Comparison.this) {
        applyChange(side, key, resource);
      }
    }

    @Override
    public void onReset(List<Resource> resources) {
      synchronized (Comparison.this) {
        replaceSide(side, resources);
        rediffAll();
        noteChange(side, "reloaded");
        publish(Set.of());
      }
    }

    @Override
    public void onState(SourceState state) {
      synchronized (Comparison.this) {
        setState(side, state);
        publish(Set.of());
      }
    }
  }

  private void noteChange(Side side, String what) {
    lastChangeAt = clock.instant();
    SideView sv = side == Side.LEFT ? view.left() : view.right();
    lastChange = sv.label() + " " + what;
  }

  private void applyChange(Side side, ResourceKey key, Resource changed) {
    Resource resource = changed == null ? null : admit(side, changed);
    Map<ResourceKey, Resource> own = bySourceKey.get(side);
    Resource before = resource == null ? own.remove(key) : own.put(key, resource);
    if (before == null && resource == null) {
      return;
    }
    if (before == null) {
      count(side, key.namespace(), 1);
    } else if (resource == null) {
      count(side, key.namespace(), -1);
    }
    noteChange(side, key.shortName());
    if (!loaded) {
      return;
    }
    Pairing.Keyer fresh =
        pairing.keyer(
            namespaceCounts.get(Side.LEFT).size() <= 1
                && namespaceCounts.get(Side.RIGHT).size() <= 1);
    if (!fresh.equals(keyer)) {
      // The namespace layout changed (e.g. a second namespace appeared): pair everything anew.
      rediffAll();
      publish(Set.of());
      return;
    }
    ResourceKey match = keyer.match(key, side == Side.LEFT);
    if (resource == null) {
      byMatchKey.get(side).remove(match);
    } else {
      byMatchKey.get(side).put(match, resource);
    }
    ResourceKey display = rediffOne(match);
    publish(display == null ? Set.of() : Set.of(display));
  }

  /** Replaces a side's resources; a {@link #rediffAll} must follow. */
  private void replaceSide(Side side, List<Resource> resources) {
    Map<ResourceKey, Resource> own = new HashMap<>(Math.max(16, resources.size() * 2));
    bySourceKey.put(side, own);
    namespaceCounts.get(side).clear();
    for (Resource r : resources) {
      if (own.put(r.key(), admit(side, r)) == null) {
        count(side, r.key().namespace(), 1);
      }
    }
  }

  private void count(Side side, String namespace, int delta) {
    if (namespace.isEmpty()) {
      return;
    }
    namespaceCounts.get(side).merge(namespace, delta, (a, b) -> a + b == 0 ? null : a + b);
  }

  /**
   * A resource as it takes part in the comparison: when the other side keeps only salted digests of
   * Secret values (a snapshot taken without secrets), this side's Secret values are digested with
   * the same salt, so equal values compare equal and no clear value is held.
   */
  private Resource admit(Side side, Resource r) {
    if (!SecretMasking.isSecret(r.key())) {
      return r;
    }
    Optional<SecretDigest> digest = sources.get(side.other()).secretDigest();
    if (digest.isEmpty() || sources.get(side).secretDigest().isPresent()) {
      return r;
    }
    return new Resource(
        r.key(), r.apiVersion(), SecretMasking.mask(r.document(), digest.get()), r.origin());
  }

  private void rediffAll() {
    rediffAll(null);
  }

  /** Pairs and diffs everything anew, taking the diffs {@code early} made of the same pairs. */
  private void rediffAll(EarlyDiffs early) {
    keyer =
        pairing.keyer(
            namespaceCounts.get(Side.LEFT).size() <= 1
                && namespaceCounts.get(Side.RIGHT).size() <= 1);
    for (Side side : Side.values()) {
      Map<ResourceKey, Resource> own = bySourceKey.get(side);
      if (keyer.keepsKeys(side == Side.LEFT)) {
        byMatchKey.put(side, own);
      } else {
        Map<ResourceKey, Resource> m = new HashMap<>(own.size() * 2);
        for (Resource r : own.values()) {
          m.put(keyer.match(r.key(), side == Side.LEFT), r);
        }
        byMatchKey.put(side, m);
      }
    }
    diffByMatchKey.clear();
    Map<ResourceKey, Resource> lefts = byMatchKey.get(Side.LEFT);
    Map<ResourceKey, Resource> rights = byMatchKey.get(Side.RIGHT);
    List<ResourceKey> keys = pairKeys(lefts, rights, early);
    // The differ is pure and thread-safe: the pairs are compared on all cores.
    ResourceDiff[] diffs = new ResourceDiff[keys.size()];
    IntStream.range(0, diffs.length)
        .parallel()
        .forEach(
            i -> {
              Resource l = lefts.get(keys.get(i));
              Resource r = rights.get(keys.get(i));
              ResourceDiff d = early == null ? null : early.reuse(l, r);
              diffs[i] = d != null ? d : differ.diff(l, r);
            });
    for (int i = 0; i < diffs.length; i++) {
      diffByMatchKey.put(keys.get(i), diffs[i]);
    }
    summary = Summary.of(Arrays.asList(diffs));
    Arrays.sort(diffs, (a, b) -> a.key().compareTo(b.key()));
    sorted = diffs;
  }

  /**
   * The keys of all pairs. When {@code early} sorted a side's resources while the other loaded,
   * that side's keys come first in that order, which is mostly the order the diffs are shown in:
   * sorting them afterwards then takes little more than a pass.
   */
  private List<ResourceKey> pairKeys(
      Map<ResourceKey, Resource> lefts, Map<ResourceKey, Resource> rights, EarlyDiffs early) {
    List<ResourceKey> keys = new ArrayList<>(lefts.size() + rights.size());
    Side first = early == null ? null : early.loadedFirst();
    Map<ResourceKey, Resource> leading = first == Side.RIGHT ? rights : lefts;
    if (first != null) {
      // The order holds the side's resources as loaded. When as many keys pair them, each pairs
      // by a key of its own, and the keys are the leading side's; else pairing folded two of them
      // into one key (or the source gave one key twice), and the keys are taken as they come.
      List<Resource> ordered = early.inKeyOrder();
      if (ordered.size() == leading.size()) {
        for (Resource r : ordered) {
          keys.add(keyer.match(r.key(), first == Side.LEFT));
        }
      }
    }
    if (keys.isEmpty()) {
      keys.addAll(leading.keySet());
    }
    Map<ResourceKey, Resource> trailing = leading == lefts ? rights : lefts;
    for (ResourceKey k : trailing.keySet()) {
      if (!leading.containsKey(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** Re-diffs one pair; returns its display key, or null when the pair vanished. */
  private ResourceKey rediffOne(ResourceKey match) {
    Resource l = byMatchKey.get(Side.LEFT).get(match);
    Resource r = byMatchKey.get(Side.RIGHT).get(match);
    ResourceDiff old = diffByMatchKey.remove(match);
    ResourceDiff fresh = l == null && r == null ? null : differ.diff(l, r);
    ResourceDiff[] next = sorted;
    if (old != null) {
      summary = summary.minus(Summary.of(old));
      next = without(next, old.key());
    }
    if (fresh != null) {
      diffByMatchKey.put(match, fresh);
      summary = summary.plus(Summary.of(fresh));
      next = with(next, fresh);
    }
    sorted = next;
    return fresh != null ? fresh.key() : old != null ? old.key() : null;
  }

  private static int indexOf(ResourceDiff[] array, ResourceKey key) {
    int lo = 0;
    int hi = array.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = array[mid].key().compareTo(key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private static ResourceDiff[] without(ResourceDiff[] array, ResourceKey key) {
    int i = indexOf(array, key);
    if (i < 0) {
      return array;
    }
    ResourceDiff[] next = new ResourceDiff[array.length - 1];
    System.arraycopy(array, 0, next, 0, i);
    System.arraycopy(array, i + 1, next, i, array.length - i - 1);
    return next;
  }

  private static ResourceDiff[] with(ResourceDiff[] array, ResourceDiff d) {
    int i = indexOf(array, d.key());
    if (i >= 0) {
      ResourceDiff[] next = array.clone();
      next[i] = d;
      return next;
    }
    int at = -(i + 1);
    ResourceDiff[] next = new ResourceDiff[array.length + 1];
    System.arraycopy(array, 0, next, 0, at);
    next[at] = d;
    System.arraycopy(array, at, next, at + 1, array.length - at);
    return next;
  }

  private void setState(Side side, SourceState state) {
    ComparisonView v = view;
    view =
        side == Side.LEFT
            ? copy(v, v.left().withState(state), v.right())
            : copy(v, v.left(), v.right().withState(state));
  }

  private ComparisonView copy(ComparisonView v, SideView l, SideView r) {
    return new ComparisonView(
        v.sequence(),
        l,
        r,
        v.mode(),
        v.loaded(),
        v.resources(),
        v.summary(),
        v.changed(),
        v.lastChangeAt(),
        v.lastChange(),
        v.notices());
  }

  private void publish(Set<ResourceKey> changed) {
    ComparisonView v = view;
    view =
        new ComparisonView(
            ++sequence,
            v.left(),
            v.right(),
            mode,
            loaded,
            Collections.unmodifiableList(Arrays.asList(sorted)),
            summary,
            changed,
            lastChangeAt,
            lastChange,
            List.copyOf(notices));
    for (Listener l : listeners) {
      l.onView(view);
    }
  }

  /** Carries a side's load failure out of its future. */
  private static final class SideFailure extends RuntimeException {
    final SourceException cause;

    SideFailure(SourceException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }
}
