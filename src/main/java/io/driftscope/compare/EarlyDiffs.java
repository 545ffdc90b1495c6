package io.driftscope.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Side;
import io.driftscope.core.Threads;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.source.Source;
import io.driftscope.source.SourceListener;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Diffs pairs while the sources are still loading. One side usually loads well before the other (a
 * live dump, with status and managed fields, is several times the size of the manifests it came
 * from), and a core then sits idle. From then on, each resource the slower side hands over as it
 * reads it ({@link Source#load(SourceListener)}) is paired with its counterpart on the loaded side
 * and diffed, on a thread of its own.
 *
 * <p>These diffs rest on guesses: about the pairing, which depends on namespaces not all read yet,
 * and about resources a source may still key or build differently. So the comparison takes an early
 * diff only for the very same pair it makes itself (equal resources holding the same document
 * objects) and diffs every other pair as usual: an early diff can save time, never change a
 * verdict.
 *
 * <p>Use: {@link #offer} from the loading threads, {@link #loaded} as each side's load returns,
 * then {@link #finish} once both have, and only then {@link #reuse}.
 */
final class EarlyDiffs {

  private static final Object STOP = new Object();

  /**
   * Resources go to the worker in batches of this many: one by one, the hand-over (a wake-up of the
   * worker each time it has caught up) costs about as much as the diff.
   */
  private static final int BATCH = 64;

  /** How long the worker waits for a full batch before it takes what has come. */
  private static final long PATIENCE_MILLIS = 5;

  private final ResourceDiffer differ;
  private final Pairing pairing;

  private volatile boolean finished;

  // Guarded by this. Before either side has loaded, what each side handed over waits here.
  private final Map<Side, List<Resource>> waiting = new EnumMap<>(Side.class);
  private Side first;
  private LinkedBlockingQueue<Object> queue;
  private List<Resource> batch;
  private Thread worker;

  // Written by the worker only; read after finish() has joined it.
  private Map<ObjectNode, ResourceDiff> diffs = Map.of();
  private List<Resource> inKeyOrder = List.of();

  EarlyDiffs(ResourceDiffer differ, Pairing pairing) {
    this.differ = differ;
    this.pairing = pairing;
    for (Side s : Side.values()) {
      waiting.put(s, new ArrayList<>());
    }
  }

  /** A resource {@code side} has just read; called on its loading threads. */
  synchronized void offer(Side side, Resource resource) {
    if (finished) {
      return;
    }
    if (first == null) {
      waiting.get(side).add(resource);
    } else if (side != first) {
      batch.add(resource);
      if (batch.size() == BATCH) {
        queue.add(batch);
        batch = new ArrayList<>(BATCH);
      }
    }
  }

  /**
   * {@code side} has loaded {@code resources}. The first side to load starts the diffing of the
   * other side's resources against these.
   */
  synchronized void loaded(Side side, List<Resource> resources) {
    if (finished || first != null) {
      return;
    }
    first = side;
    queue = new LinkedBlockingQueue<>();
    queue.add(waiting.get(side.other()));
    batch = new ArrayList<>(BATCH);
    waiting.clear();
    worker = new Thread(() -> diffAgainst(side, resources), "driftscope-early-diff");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops the diffing, leaving what is not diffed yet to the comparison, and waits for it. */
  void finish() {
    Thread w;
    synchronized (this) {
      finished = true;
      waiting.clear();
      w = worker;
      if (w != null) {
        queue.add(STOP);
      }
    }
    if (w != null) {
      Threads.joinUninterruptibly(w);
    }
  }

  /** The side that loaded first, or {@code null}; only after {@link #finish}. */
  Side loadedFirst() {
    return first;
  }

  /**
   * The resources of the side that loaded first sorted by key, or empty; only after {@link
   * #finish}.
   */
  List<Resource> inKeyOrder() {
    return inKeyOrder;
  }

  /**
   * The early diff of exactly this pair, holding these very resources, or {@code null}; only after
   * {@link #finish}.
   */
  ResourceDiff reuse(Resource left, Resource right) {
    if (left == null || right == null || first == null) {
      return null;
    }
    Resource streamed = first == Side.LEFT ? right : left;
    ResourceDiff d = diffs.get(streamed.document());
    if (d == null || !same(d.left(), left) || !same(d.right(), right)) {
      return null;
    }
    if (d.left() == left && d.right() == right) {
      return d;
    }
    // Equal resources, but the source built them anew: the view holds the ones it returned.
    return new ResourceDiff(
        d.key(),
        d.version(),
        d.status(),
        d.ignored(),
        d.reason(),
        d.differences(),
        d.notes(),
        left,
        right);
  }

  /** Whether two resources are equal, the same document object included. */
  private static boolean same(Resource a, Resource b) {
    // With one document, equality is down to keys, versions and origins.
    return a == b || (a.document() == b.document() && a.equals(b));
  }

  /** The worker: diffs each resource of the other side against its counterpart in {@code done}. */
  private void diffAgainst(Side loaded, List<Resource> done) {
    Side other = loaded.other();
    // The pairing ignores namespaces while each side holds at most one. The other side's
    // namespaces are known only as its resources come; a second one changes the pairing from here.
    boolean singleNamespace = Pairing.namespaces(done).size() <= 1;
    Set<String> namespaces = new HashSet<>();
    Pairing.Keyer keyer = pairing.keyer(singleNamespace);
    Map<ResourceKey, Resource> counterparts = byMatch(done, keyer, loaded == Side.LEFT);
    Map<ObjectNode, ResourceDiff> made = new IdentityHashMap<>(done.size());
    diffs = made;
    // Sorted here, while a core is free, the loaded side gives the comparison its order.
    List<Resource> sorted = new ArrayList<>(done);
    sorted.sort((a, b) -> a.key().compareTo(b.key()));
    inKeyOrder = sorted;
    try {
      while (true) {
        Object next = queue.poll(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        if (next == null) {
          next = partialBatch();
          if (next == null) {
            continue;
          }
        }
        if (next == STOP) {
          return;
        }
        @SuppressWarnings("unchecked")
        List<Resource> resources = (List<Resource>) next;
        for (Resource r : resources) {
          if (finished) {
            return;
          }
          String namespace = r.key().namespace();
          if (!namespace.isEmpty()
              && namespaces.add(namespace)
              && namespaces.size() == 2
              && keyer.singleNamespace()) {
            keyer = pairing.keyer(false);
            counterparts = byMatch(done, keyer, loaded == Side.LEFT);
          }
          Resource c = counterparts.get(keyer.match(r.key(), other == Side.LEFT));
          if (c != null) {
            made.put(r.document(), loaded == Side.LEFT ? differ.diff(c, r) : differ.diff(r, c));
          }
        }
      }
    } catch (InterruptedException | RuntimeException | StackOverflowError e) {
      // Whatever is not diffed here, the comparison diffs (and reports any failure) itself.
    }
  }

  /** The resources handed over since the last full batch, or {@code null} when none. */
  private synchronized List<Resource> partialBatch() {
    if (batch.isEmpty()) {
      return null;
    }
    List<Resource> taken = batch;
    batch = new ArrayList<>(BATCH);
    return taken;
  }

  private static Map<ResourceKey, Resource> byMatch(
      List<Resource> resources, Pairing.Keyer keyer, boolean isLeft) {
    Map<ResourceKey, Resource> m = new HashMap<>(resources.size() * 2);
    for (Resource r : resources) {
      m.put(keyer.match(r.key(), isLeft), r);
    }
    return m;
  }
}
