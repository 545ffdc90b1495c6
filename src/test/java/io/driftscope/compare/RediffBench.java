package io.driftscope.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.cli.BenchComparisons;
import io.driftscope.core.Resource;
import io.driftscope.source.LoadResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live re-diff for {@code scripts/bench} (issue 7: after one resource changes in a 10,000-resource
 * comparison, p99 under 2 ms, only that resource re-diffed). Both sides of the bench generator's
 * data are read with the product's file sources, copied into {@link MemorySource}s (left
 * declarative, right live), and compared by a {@link Comparison} set up as the TUI sets it up. Then
 * one live Deployment at a time changes (alternately drifted and back in sync, spread over the
 * comparison) and each change is timed from the source's {@code onChange} to the comparison's
 * listener receiving the new view; the differ's calls are counted.
 *
 * <p>Arguments: {@code LEFT RIGHT [warmup] [changes]}. Output lines: {@code live.resources N},
 * {@code live.rediff.p50.ms N}, {@code live.rediff.p99.ms N}, {@code live.rediff.max.ms N}, {@code
 * live.diffs.per.change N}, {@code live.rediff.cpu.p99.ms N}, {@code live.gc.ms N}.
 */
public final class RediffBench {

  private RediffBench() {}

  /** A path as an absolute one (the comparison opens it from an empty working directory). */
  private static String absolute(String pathOrSpec) {
    Path p = Path.of(pathOrSpec);
    return Files.exists(p) ? p.toAbsolutePath().toString() : pathOrSpec;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  public static void main(String[] args) throws Exception {
    String leftSpec = absolute(args[0]);
    String rightSpec = absolute(args[1]);
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int changes = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
    Path work = Files.createTempDirectory("driftscope-rediff");
    List<Resource> left;
    List<Resource> right;
    try (BenchComparisons.Opened files = BenchComparisons.open(leftSpec, rightSpec, work, null)) {
      LoadResult l = files.pair().left().source().load();
      LoadResult r = files.pair().right().source().load();
      left = l.resources();
      right = r.resources();
    }
    MemorySource desired = new MemorySource("memory:desired", false, left);
    MemorySource live = new MemorySource("memory:live", true, right);
    LongAdder diffs = new LongAdder();
    Comparison comparison = BenchComparisons.of(desired, "desired", live, "live", work, diffs);
    comparison.load();
    ComparisonView loaded = comparison.view();
    System.out.println("live.resources " + loaded.resources().size());
    System.out.println("live.summary " + loaded.summary() + " mode=" + loaded.mode());
    long[] told = new long[1];
    comparison.addListener(v -> told[0] = System.nanoTime());
    comparison.watch();

    // 64 live Deployments spread over the comparison, each as it is and with one more replica.
    List<Resource> deployments =
        right.stream().filter(x -> x.key().kind().equals("Deployment")).toList();
    int count = Math.min(64, deployments.size());
    List<Resource> variants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Resource original = deployments.get(i * (deployments.size() / count));
      ObjectNode doc = original.document().deepCopy();
      ObjectNode spec = (ObjectNode) doc.get("spec");
      spec.put("replicas", spec.path("replicas").asInt(1) + 1);
      variants.add(new Resource(original.key(), original.apiVersion(), doc, original.origin()));
      variants.add(original);
    }

    long[] ns = new long[changes];
    long[] cpu = new long[changes];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long diffsBefore = 0;
    long gcBefore = 0;
    for (int i = 0; i < warmup + changes; i++) {
      if (i == warmup) {
        diffsBefore = diffs.sum();
        gcBefore = gcMillis();
      }
      long cpuStart = threads.getCurrentThreadCpuTime();
      Resource next = variants.get(i % variants.size());
      told[0] = 0;
      long start = System.nanoTime();
      live.put(next);
      if (told[0] == 0) {
        throw new IllegalStateException("change " + i + " did not reach the listener");
      }
      if (i >= warmup) {
        ns[i - warmup] = told[0] - start;
        cpu[i - warmup] = threads.getCurrentThreadCpuTime() - cpuStart;
      }
    }
    long gc = gcMillis() - gcBefore;
    double perChange = (diffs.sum() - diffsBefore) / (double) changes;
    Arrays.sort(ns);
    System.out.printf("live.rediff.p50.ms %.3f%n", ns[changes / 2] / 1e6);
    System.out.printf("live.rediff.p99.ms %.3f%n", ns[(int) Math.ceil(changes * 0.99) - 1] / 1e6);
    System.out.printf("live.rediff.max.ms %.3f%n", ns[changes - 1] / 1e6);
    System.out.printf("live.diffs.per.change %.2f%n", perChange);
    // What bounds the p99: the thread's own CPU time per change (excludes time descheduled and GC
    // pauses, which run on other threads), and the GC time spent during the measured changes.
    Arrays.sort(cpu);
    System.out.printf(
        "live.rediff.cpu.p99.ms %.3f%n", cpu[(int) Math.ceil(changes * 0.99) - 1] / 1e6);
    System.out.printf("live.gc.ms %d%n", gc);
    comparison.close();
  }
}
