package io.driftscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.driftscope.core.Resource;
import io.driftscope.normalize.IgnoreRuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One differ shared by many threads gives every thread the same answers. */
class ThreadSafetyTest {

  @Test
  void sharedDifferGivesTheSameResultsInParallel() throws Exception {
    StructuralDiffer differ =
        Fixtures.differ(
            Mode.DESIRED,
            IgnoreRuleParser.fromManagerFlag("janitor"),
            IgnoreRuleParser.fromFlag("/metadata/labels/team"));
    String[][] pairs = {
      {"deployment-config.json", "deployment-live.json"},
      {"smd-service-config.yaml", "smd-service-live.yaml"},
      {"target-deployment.yaml", "live-deployment.yaml"},
      {"target-deployment-env-vars.yaml", "live-deployment-env-vars.yaml"},
      {"elasticsearch-config.json", "elasticsearch-live.json"},
    };
    List<Resource[]> inputs = new ArrayList<>();
    List<ResourceDiff> expected = new ArrayList<>();
    for (String[] p : pairs) {
      Resource[] pair = {Fixtures.resource(p[0]), Fixtures.resource(p[1])};
      inputs.add(pair);
      expected.add(differ.diff(pair[0], pair[1]));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ResourceDiff>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Resource[] pair = inputs.get(i % inputs.size());
        futures.add(pool.submit(() -> differ.diff(pair[0], pair[1])));
      }
      for (int i = 0; i < futures.size(); i++) {
        ResourceDiff got = futures.get(i).get();
        ResourceDiff want = expected.get(i % inputs.size());
        assertEquals(want.status(), got.status());
        assertEquals(want.differences(), got.differences());
        assertEquals(want.notes(), got.notes());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
