package io.driftscope.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * A rough measure of the differ's cost against parsing: run by hand with {@code java -cp
 * target/classes:target/test-classes:… io.driftscope.diff.DiffBenchmark [N]}. Not a test.
 */
public final class DiffBenchmark {

  private DiffBenchmark() {}

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    String desired = Json.MAPPER.writeValueAsString(Fixtures.load("deployment-config.json"));
    String live = Json.MAPPER.writeValueAsString(Fixtures.load("deployment-live.json"));
    for (int round = 0; round < 8; round++) {
      long t0 = cpu();
      List<Resource> left = new ArrayList<>(n);
      List<Resource> right = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        left.add(Fixtures.resource((ObjectNode) Json.MAPPER.readTree(desired)));
        right.add(Fixtures.resource((ObjectNode) Json.MAPPER.readTree(live)));
      }
      long t1 = cpu();
      StructuralDiffer differ = new StructuralDiffer(DiffOptions.defaults().withMode(Mode.DESIRED));
      int drift = 0;
      for (int i = 0; i < n; i++) {
        drift += differ.diff(left.get(i), right.get(i)).isDrift() ? 1 : 0;
      }
      long t2 = cpu();
      StructuralDiffer sym = new StructuralDiffer(DiffOptions.defaults());
      for (int i = 0; i < n; i++) {
        drift += sym.diff(right.get(i), right.get((i + 1) % n)).isDrift() ? 1 : 0;
      }
      long t3 = cpu();
      System.out.printf(
          "n=%d cpu: parse %d ms, desired diff %d ms (%.0f%%), symmetric diff %d ms (%.0f%%), drift=%d%n",
          n,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          100.0 * (t2 - t1) / (t1 - t0),
          (t3 - t2) / 1_000_000,
          100.0 * (t3 - t2) / (t1 - t0),
          drift);
    }
  }
}
