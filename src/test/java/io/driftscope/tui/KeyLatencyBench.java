package io.driftscope.tui;

import static io.driftscope.tui.ScreenHarness.key;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key press to finished frame, in process: a {@link TuiApp} on a 200×60 virtual terminal over two
 * sides of N resources, the whole tree expanded, keys fed with {@code addInput} and timed to the
 * end of {@code refresh()}. Run {@link #main} for the full size (10,000 resources per side, about a
 * million tree nodes); the test runs a small size only to keep the bench working.
 */
public final class KeyLatencyBench {

  /** The figures of one run. */
  record Result(int resources, int rows, double p50, double p99, double max, long heapMiB) {
    @Override
    public String toString() {
      return "resources/side=%d rows=%d keys p50=%.2f ms p99=%.2f ms max=%.2f ms heap=%d MiB"
          .formatted(resources, rows, p50, p99, max, heapMiB);
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int extra = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println(run(n, extra, 2_000));
  }

  @Test
  void smallRunWorks() throws Exception {
    Result r = run(300, 10, 200);
    assertTrue(r.rows() > 300 * 20, r.toString());
  }

  static Result run(int n, int extra, int keys) throws Exception {
    var sides = BenchTree.sides(n, 0.1, extra);
    try (ScreenHarness h =
        new ScreenHarness(
            new TerminalSize(200, 60),
            Theme.load("dark"),
            ScreenHarness.options().withNoFlash(true),
            new MemorySource("mem:staging", sides.get(0)),
            new MemorySource("mem:prod", sides.get(1)),
            Shop.differ())) {
      sides = null;
      long load = System.nanoTime();
      h.await(() -> h.screenText().contains("Deployment"), "the tree", 300_000);
      System.out.printf("load and diff: %.0f ms%n", (System.nanoTime() - load) / 1e6);
      long t0 = System.nanoTime();
      h.pressWithin(300_000, key('*'));
      double expandMs = (System.nanoTime() - t0) / 1e6;
      System.out.printf("expand all: %.0f ms%n", expandMs);
      KeyStroke[] pattern = {
        key('j'), key('j'), key('j'), key('k'), key(KeyType.PageDown), key(']'), key('j'),
        key(KeyType.PageUp), key('['), key('j'), key('G'), key('k'), key('g'), key('j'),
        key(KeyType.PageDown), key(KeyType.PageDown), key('l'), key('h'), key('j'), key('j')
      };
      // Warm up the JIT, then measure.
      for (int i = 0; i < 300; i++) {
        h.press(pattern[i % pattern.length]);
      }
      double[] ms = new double[keys];
      double[] draw = new double[keys];
      double[] refresh = new double[keys];
      java.util.Map<String, Double> worst = new java.util.TreeMap<>();
      for (int i = 0; i < keys; i++) {
        KeyStroke k = pattern[i % pattern.length];
        long start = System.nanoTime();
        h.press(k);
        ms[i] = (System.nanoTime() - start) / 1e6;
        draw[i] = h.app.lastDrawNanos / 1e6;
        refresh[i] = h.app.lastRefreshNanos / 1e6;
        worst.merge(describe(k), ms[i], Math::max);
      }
      System.out.println("slowest per key: " + worst);
      Arrays.sort(ms);
      Arrays.sort(draw);
      Arrays.sort(refresh);
      System.out.printf(
          "draw p50=%.2f p99=%.2f ms; refresh p50=%.2f p99=%.2f ms%n",
          draw[keys / 2], draw[keys * 99 / 100], refresh[keys / 2], refresh[keys * 99 / 100]);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
      int rows = rowCount(h);
      return new Result(
          n, rows, ms[keys / 2], ms[(int) Math.ceil(keys * 0.99) - 1], ms[keys - 1], heap);
    }
  }

  private static String describe(KeyStroke k) {
    return k.getKeyType() == KeyType.Character
        ? String.valueOf(k.getCharacter())
        : k.getKeyType().name();
  }

  private static int rowCount(ScreenHarness h) {
    List<Integer> out = new ArrayList<>();
    h.app.inspect(s -> out.add(s.tree.rowCount()));
    h.press(key('j'));
    return out.isEmpty() ? -1 : out.get(0);
  }
}
