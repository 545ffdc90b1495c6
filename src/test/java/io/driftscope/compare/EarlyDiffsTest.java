package io.driftscope.compare;

import static io.driftscope.compare.ComparisonTest.configMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Pairs diffed while a side is still loading ({@link EarlyDiffs}): each is diffed once, and the
 * comparison's verdicts are those it would reach without them, whatever the source handed over.
 */
class EarlyDiffsTest {

  /** The standard differ, counting the two-sided pairs it diffs. */
  private static final class CountingDiffer implements ResourceDiffer {
    private final ResourceDiffer differ =
        new StructuralDiffer(DiffOptions.defaults().withMode(Mode.SYMMETRIC));
    final AtomicInteger pairs = new AtomicInteger();

    @Override
    public ResourceDiff diff(Resource left, Resource right) {
      if (left != null && right != null) {
        pairs.incrementAndGet();
      }
      return differ.diff(left, right);
    }
  }

  /**
   * A source that hands {@code handed} over while it loads, then waits until {@code ready} says
   * enough has happened (at most 10 s) and returns {@code returned}.
   */
  private static final class HandingSource implements Source {
    private final List<Resource> handed;
    private final List<Resource> returned;
    private final IntSupplier progress;
    private final int ready;
    volatile boolean wasReady;

    HandingSource(List<Resource> handed, List<Resource> returned, IntSupplier progress, int ready) {
      this.handed = handed;
      this.returned = returned;
      this.progress = progress;
      this.ready = ready;
    }

    @Override
    public String spec() {
      return "mem://handing";
    }

    @Override
    public SourceTraits traits() {
      return new SourceTraits("memory", true, false, false);
    }

    @Override
    public LoadResult load() {
      return new LoadResult(returned, List.of());
    }

    @Override
    public LoadResult load(SourceListener listener) {
      for (Resource r : handed) {
        listener.onChange(r.key(), r);
      }
      long until = System.nanoTime() + 10_000_000_000L;
      while (progress.getAsInt() < ready && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      wasReady = progress.getAsInt() >= ready;
      return load();
    }

    @Override
    public Watch watch(SourceListener listener) {
      return () -> {};
    }

    @Override
    public void close() {}
  }

  private static List<Resource> configMaps(String ns, int count, int changedEvery) {
    List<Resource> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(configMap(ns, "cm-" + i, changedEvery > 0 && i % changedEvery == 0 ? "new" : "v"));
    }
    return list;
  }

  private static ComparisonView compare(Source left, Source right, ResourceDiffer differ)
      throws Exception {
    return compare(left, right, differ, Pairing.plain());
  }

  private static ComparisonView compare(
      Source left, Source right, ResourceDiffer differ, Pairing pairing) throws Exception {
    try (Comparison c =
        new Comparison(
            left, "left", right, "right", differ, pairing, Mode.SYMMETRIC, Clock.systemUTC())) {
      c.load();
      return c.view();
    }
  }

  /** Each resource's status and differences, in the view's order. */
  private static List<String> verdicts(ComparisonView view) {
    return view.resources().stream()
        .map(d -> d.key() + " " + d.status() + " " + d.differences())
        .toList();
  }

  private static List<String> plainVerdicts(List<Resource> left, List<Resource> right)
      throws Exception {
    return verdicts(
        compare(
            new MemorySource("mem://l", false, left),
            new MemorySource("mem://r", false, right),
            new CountingDiffer()));
  }

  @Test
  void pairsHandedOverWhileLoadingAreDiffedOnceWithTheSameVerdicts() throws Exception {
    List<Resource> left = configMaps("shop", 200, 0);
    List<Resource> right = configMaps("shop", 200, 7);
    CountingDiffer differ = new CountingDiffer();
    HandingSource handing = new HandingSource(right, right, differ.pairs::get, 200);

    ComparisonView view = compare(new MemorySource("mem://l", false, left), handing, differ);

    assertTrue(handing.wasReady, "every pair diffed before the load returned");
    assertEquals(200, differ.pairs.get(), "and none again");
    assertEquals(plainVerdicts(left, right), verdicts(view));
    assertEquals(29, view.summary().changed());
  }

  @Test
  void whatALoadReturnsDecidesNotWhatItHandedOver() throws Exception {
    List<Resource> left = configMaps("shop", 20, 0);
    List<Resource> handed = new ArrayList<>(configMaps("shop", 20, 0));
    handed.add(configMap("shop", "handed-only", "v"));
    List<Resource> returned = new ArrayList<>(handed.subList(0, 20));
    // cm-3 comes back changed, in a document of its own; cm-5 with another origin, its document
    // the one handed over; cm-7 equal but built anew; cm-9 not at all; one comes back that was
    // never handed over.
    returned.set(3, configMap("shop", "cm-3", "changed"));
    Resource five = returned.get(5);
    returned.set(5, new Resource(five.key(), five.apiVersion(), five.document(), Origin.of("b")));
    Resource seven = returned.get(7);
    returned.set(
        7, new Resource(seven.key(), seven.apiVersion(), seven.document(), seven.origin()));
    returned.remove(9);
    returned.add(configMap("shop", "returned-only", "v"));
    CountingDiffer differ = new CountingDiffer();
    HandingSource handing = new HandingSource(handed, returned, differ.pairs::get, 20);

    ComparisonView view = compare(new MemorySource("mem://l", false, left), handing, differ);

    assertTrue(handing.wasReady);
    assertEquals(plainVerdicts(left, returned), verdicts(view));
    assertEquals(20 + 2, differ.pairs.get(), "cm-3 and cm-5 diffed again");
    ResourceDiff five2 =
        view.resources().stream()
            .filter(d -> d.key().name().equals("cm-5"))
            .findFirst()
            .orElseThrow();
    assertEquals(Origin.of("b"), five2.right().origin());
    // Every diff holds the very resources the load returned, reused or not.
    for (ResourceDiff r : view.resources()) {
      if (r.right() != null) {
        assertTrue(returned.stream().anyMatch(x -> x == r.right()), r.key().toString());
      }
    }
  }

  @Test
  void aSecondNamespaceArrivingLateUndoesTheGuessedPairing() throws Exception {
    // One namespace each: pairs ignore namespaces. A second one on the right, handed over last,
    // puts namespaces into the key, and nothing pairs any more.
    List<Resource> left = configMaps("staging", 10, 0);
    List<Resource> right = new ArrayList<>(configMaps("prod", 10, 0));
    right.add(configMap("other", "z", "v"));
    CountingDiffer differ = new CountingDiffer();
    HandingSource handing = new HandingSource(right, right, differ.pairs::get, 10);

    ComparisonView view = compare(new MemorySource("mem://l", false, left), handing, differ);

    assertTrue(handing.wasReady, "the pairs guessed were diffed");
    assertEquals(plainVerdicts(left, right), verdicts(view));
    assertEquals(21, view.resources().size());
    assertEquals(0, view.summary().same());
  }

  @Test
  void twoResourcesPairingByOneKeyGiveTheSameVerdictsAsWithoutEarlyDiffs() throws Exception {
    // The namespace map folds the left's "a" into "b", where the left has resources too: two left
    // resources pair by one key, and the order of the loaded side no longer fits the pairs.
    List<Resource> left = new ArrayList<>(configMaps("a", 5, 0));
    left.addAll(configMaps("b", 5, 2));
    List<Resource> right = configMaps("b", 5, 0);
    Pairing folding = new Pairing(java.util.Map.of("a", "b"));
    CountingDiffer differ = new CountingDiffer();
    HandingSource handing = new HandingSource(right, right, differ.pairs::get, 5);

    ComparisonView view =
        compare(new MemorySource("mem://l", false, left), handing, differ, folding);
    ComparisonView plain =
        compare(
            new MemorySource("mem://l", false, left),
            new MemorySource("mem://r", false, right),
            new CountingDiffer(),
            folding);

    assertTrue(handing.wasReady);
    assertEquals(verdicts(plain), verdicts(view));
    assertEquals(5, view.resources().size());
  }
}
