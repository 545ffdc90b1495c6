package io.driftscope.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.source.SourceState;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  /** A ConfigMap with one data value, as a memory source holds it. */
  static Resource configMap(String ns, String name, String value) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("apiVersion", "v1");
    doc.put("kind", "ConfigMap");
    doc.putObject("metadata").put("name", name).put("namespace", ns);
    doc.putObject("data").put("value", value);
    return new Resource(new ResourceKey("", "ConfigMap", ns, name), "v1", doc, Origin.of("mem"));
  }

  private static ResourceDiff find(ComparisonView v, String name) {
    return v.resources().stream().filter(d -> d.key().name().equals(name)).findFirst().orElse(null);
  }

  private final MemorySource staging =
      new MemorySource(
          "mem://staging",
          true,
          List.of(configMap("staging", "a", "1"), configMap("staging", "b", "2")));
  private final MemorySource prod =
      new MemorySource(
          "mem://prod", true, List.of(configMap("prod", "a", "1"), configMap("prod", "c", "3")));

  private Comparison comparison() {
    return new Comparison(
        staging,
        "staging",
        prod,
        "prod",
        new StructuralDiffer(DiffOptions.defaults().withMode(Mode.SYMMETRIC)),
        Pairing.plain(),
        Mode.SYMMETRIC,
        Clock.systemUTC());
  }

  @Test
  void loadsPairsAcrossSingleNamespacesAndCounts() throws Exception {
    try (Comparison c = comparison()) {
      c.load();
      ComparisonView v = c.view();
      assertTrue(v.loaded());
      assertEquals(3, v.resources().size());
      assertEquals(DriftStatus.SAME, find(v, "a").status());
      assertEquals(DriftStatus.ONLY_LEFT, find(v, "b").status());
      assertEquals(DriftStatus.ONLY_RIGHT, find(v, "c").status());
      assertEquals(1, v.summary().same());
      assertFalse(v.inSync());
      assertEquals(SourceState.Phase.LIVE, v.left().state().phase());
    }
  }

  @Test
  void aChangeReDiffsOneResourceAndPublishesIt() throws Exception {
    try (Comparison c = comparison()) {
      c.load();
      BlockingQueue<ComparisonView> views = new LinkedBlockingQueue<>();
      c.addListener(views::add);
      c.watch();

      prod.put(configMap("prod", "a", "changed"));
      ComparisonView v = views.poll(5, TimeUnit.SECONDS);
      assertEquals(Set.of(new ResourceKey("", "ConfigMap", "staging", "a")), v.changed());
      ResourceDiff a = find(v, "a");
      assertEquals(DriftStatus.CHANGED, a.status());
      assertEquals("/data/value", a.differences().get(0).path().toString());
      assertEquals(1, v.summary().changed());
      assertEquals(0, v.summary().same());
      assertTrue(v.lastChange().startsWith("prod ConfigMap/prod/a"), v.lastChange());

      prod.put(configMap("prod", "b", "2"));
      v = views.poll(5, TimeUnit.SECONDS);
      assertEquals(DriftStatus.SAME, find(v, "b").status());
      assertEquals(3, v.resources().size());

      staging.remove(new ResourceKey("", "ConfigMap", "staging", "b"));
      v = views.poll(5, TimeUnit.SECONDS);
      assertEquals(DriftStatus.ONLY_RIGHT, find(v, "b").status());
      assertEquals(v.summary().resources(), v.resources().size());

      prod.state(SourceState.Phase.RECONNECTING, "connection reset");
      v = views.poll(5, TimeUnit.SECONDS);
      assertEquals(SourceState.Phase.RECONNECTING, v.right().state().phase());
      assertEquals("connection reset", v.right().state().reason());
    }
  }

  @Test
  void aSecondNamespacePairsEverythingAnew() throws Exception {
    try (Comparison c = comparison()) {
      c.load();
      BlockingQueue<ComparisonView> views = new LinkedBlockingQueue<>();
      c.addListener(views::add);
      c.watch();
      prod.put(configMap("other", "z", "1"));
      ComparisonView v = views.poll(5, TimeUnit.SECONDS);
      // With two namespaces on the right, namespaces take part in the key: nothing pairs.
      assertEquals(5, v.resources().size());
      assertTrue(v.resources().stream().noneMatch(d -> d.status() == DriftStatus.SAME));
    }
  }
}
