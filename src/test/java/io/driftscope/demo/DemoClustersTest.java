package io.driftscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.Resource;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.SourceState;
import io.driftscope.source.kubernetes.KubernetesSourceFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo starts two seeded clusters that Driftscope reaches like real ones. */
class DemoClustersTest {

  @TempDir Path dir;

  private Source open(DemoClusters demo, String spec) throws Exception {
    return new KubernetesSourceFactory(Map.of())
        .open(
            SourceSpec.parse(spec),
            new SourceContext(
                "default",
                dir,
                Clock.systemUTC(),
                Map.of("kubeconfig", demo.kubeconfigPath().toString())));
  }

  private static String text(LoadResult r, String kind, String name, String pointer) {
    return r.resources().stream()
        .filter(x -> x.key().kind().equals(kind) && x.key().name().equals(name))
        .map(x -> x.document().at(pointer).asText())
        .findFirst()
        .orElse(null);
  }

  @Test
  void seedsBothClustersWithDrift() throws Exception {
    try (DemoClusters demo = DemoClusters.start(dir.resolve("demo.kubeconfig"), 1, null, s -> {});
        Source staging = open(demo, DemoClusters.STAGING_SPEC);
        Source prod = open(demo, DemoClusters.PROD_SPEC)) {
      LoadResult s = staging.load();
      LoadResult p = prod.load();
      assertTrue(s.resources().size() >= 12, "a dozen resources: " + s.resources().size());
      assertEquals(
          "ghcr.io/example/shop-api:1.4.2",
          text(s, "Deployment", "api", "/spec/template/spec/containers/0/image"));
      assertEquals(
          "ghcr.io/example/shop-api:1.4.2-hotfix1",
          text(p, "Deployment", "api", "/spec/template/spec/containers/0/image"));
      assertEquals("2", text(s, "Deployment", "web", "/spec/replicas"));
      assertEquals("4", text(p, "Deployment", "web", "/spec/replicas"));
      assertTrue(s.resources().stream().anyMatch(r -> r.key().name().equals("feature-flags")));
      assertFalse(p.resources().stream().anyMatch(r -> r.key().name().equals("feature-flags")));
      assertTrue(p.resources().stream().anyMatch(r -> r.key().name().equals("prod-overrides")));
      assertTrue(
          s.resources().stream().anyMatch(r -> r.key().kind().equals("HorizontalPodAutoscaler")));
      assertTrue(s.resources().stream().anyMatch(r -> r.key().kind().equals("Ingress")));
    }
  }

  @Test
  void actorChangesProdDeterministicallyForASeed() throws Exception {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (List<String> run : List.of(first, second)) {
      try (DemoClusters demo = DemoClusters.start(null, 7, null, s -> {})) {
        for (int i = 0; i < 8; i++) {
          run.add(demo.actor().orElseThrow().step());
        }
        try (Source prod = open(demo, DemoClusters.PROD_SPEC)) {
          LoadResult r = prod.load();
          for (String d : List.of("web", "api", "worker")) {
            run.add(
                d
                    + " "
                    + text(r, "Deployment", d, "/spec/replicas")
                    + " "
                    + text(r, "Deployment", d, "/spec/template/spec/containers/0/image"));
          }
        }
      }
    }
    assertEquals(first, second);
    assertTrue(first.stream().distinct().count() > 4, first.toString());
  }

  @Test
  void runningActorIsSeenByAWatchingSource() throws Exception {
    try (DemoClusters demo = DemoClusters.start(null, 3, Duration.ofMillis(200), s -> {});
        Source prod = open(demo, DemoClusters.PROD_SPEC)) {
      prod.load();
      BlockingQueue<Resource> changes = new LinkedBlockingQueue<>();
      prod.watch(
          new SourceListener() {
            @Override
            public void onChange(io.driftscope.core.ResourceKey key, Resource resource) {
              changes.add(
                  resource == null
                      ? new Resource(key, "", io.driftscope.core.Json.NODES.objectNode(), null)
                      : resource);
            }

            @Override
            public void onReset(List<Resource> resources) {}

            @Override
            public void onState(SourceState state) {}
          });
      assertTrue(
          changes.poll(5, TimeUnit.SECONDS) != null, "the actor's change reached the source");
    }
    assertEquals(Duration.ofSeconds(5), DemoClusters.actorPeriod(null));
    assertEquals(null, DemoClusters.actorPeriod("off"));
    assertEquals(Duration.ofMillis(2500), DemoClusters.actorPeriod("2.5"));
  }
}
