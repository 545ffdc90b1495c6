package io.driftscope.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.BenchDocuments;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.StructuralDiffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Live: one resource changes (through the tests' {@link MemorySource}) in a loaded comparison of
 * {@code size} resources per side, and the {@link Comparison} re-diffs it and publishes a new view.
 * Sampled, so JMH reports p50/p99 (the target: p99 under 2 ms at 10,000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RediffBenchmark {

  @Param({"10000"})
  public int size;

  private Comparison comparison;
  private MemorySource live;
  private Resource[] variants;
  private int next;

  @Setup
  public void setUp() throws Exception {
    ObjectNode desiredDoc = BenchDocuments.document("deployment-desired.json");
    ObjectNode liveDoc = BenchDocuments.document("deployment-live.json");
    String ns = desiredDoc.path("metadata").path("namespace").asText();
    List<Resource> left = new ArrayList<>(size);
    List<Resource> right = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String name = "app-" + i;
      left.add(renamed(desiredDoc, ns, name));
      right.add(renamed(liveDoc, ns, name));
    }
    MemorySource desired = new MemorySource("memory:desired", false, left);
    live = new MemorySource("memory:live", true, right);
    comparison =
        new Comparison(
            desired,
            "desired",
            live,
            "live",
            new StructuralDiffer(DiffOptions.defaults().withMode(Mode.DESIRED)),
            Pairing.plain(),
            Mode.DESIRED,
            Clock.systemUTC());
    comparison.load();
    comparison.watch();
    // The changed resource alternates between drifted and in sync, spread over the comparison.
    variants = new Resource[64];
    for (int i = 0; i < variants.length; i++) {
      String name = "app-" + (i * (size / variants.length));
      ObjectNode doc = liveDoc.deepCopy();
      ((ObjectNode) doc.get("metadata")).put("name", name);
      if (i % 2 == 0) {
        ((ObjectNode) doc.get("spec")).put("replicas", 9);
      }
      variants[i] = resource(doc);
    }
  }

  private static Resource renamed(ObjectNode template, String ns, String name) {
    ObjectNode doc = template.deepCopy();
    ((ObjectNode) doc.get("metadata")).put("name", name).put("namespace", ns);
    return resource(doc);
  }

  private static Resource resource(ObjectNode doc) {
    ObjectNode meta = (ObjectNode) doc.get("metadata");
    String apiVersion = doc.path("apiVersion").asText();
    ResourceKey key =
        new ResourceKey(
            ResourceKey.groupOf(apiVersion),
            doc.path("kind").asText(),
            meta.path("namespace").asText(),
            meta.path("name").asText());
    return new Resource(key, apiVersion, doc, Origin.of("memory"));
  }

  @Benchmark
  public ComparisonView rediffOneChange() {
    Resource r = variants[next++ & (variants.length - 1)];
    live.put(r);
    return comparison.view();
  }

  @TearDown
  public void tearDown() {
    comparison.close();
  }
}
