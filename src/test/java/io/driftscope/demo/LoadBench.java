package io.driftscope.demo;

import io.driftscope.cli.BenchComparisons;
import io.driftscope.compare.Comparison;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.SourceState;
import io.driftscope.source.kubernetes.KubernetesSourceFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes benchmark for {@code scripts/bench}: seeds a namespace of 5,000 objects of 10
 * kinds into a demo API server, then measures one of two things. Arguments: {@code [objects]
 * [changes] [source|comparison]}.
 *
 * <ul>
 *   <li>{@code source} (default): the Kubernetes source alone: wall time to a complete load, then
 *       the time from a change on the server to the source's listener, p50/p99 over the changes.
 *       Output lines: {@code k8s.load.ms N}, {@code k8s.change.p50.ms N}, {@code k8s.change.p99.ms
 *       N}.
 *   <li>{@code comparison}: what issue 4 asks for: a {@link io.driftscope.compare.Comparison} set
 *       up as the TUI sets it up, left a folder of the same objects as manifests, right {@code
 *       k8s://bench/bench}: wall time from opening both sides to a complete comparison (both loaded
 *       and diffed), then the time from a change on the server to the comparison's listener being
 *       told (a view naming the changed resource), p50/p99 over the changes, after a few untimed
 *       ones. Output lines: {@code k8s.compare.load.ms N}, {@code k8s.compare.change.p50.ms N},
 *       {@code k8s.compare.change.p99.ms N}, {@code k8s.compare.change.max.ms N}.
 * </ul>
 */
public final class LoadBench {

  private static final List<String> TEMPLATES =
      List.of(
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"data\":{\"k\":\"v\"}}",
          "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"data\":{\"k\":\"dg==\"}}",
          "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"ports\":[{\"port\":80}]}}",
          "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"}}",
          "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1\"}]}}}}",
          "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"serviceName\":\"s\",\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1\"}]}}}}",
          "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1\"}]}}}}",
          "{\"apiVersion\":\"batch/v1\",\"kind\":\"CronJob\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"schedule\":\"* * * * *\",\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}],\"restartPolicy\":\"Never\"}}}}}}",
          "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"Role\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"rules\":[]}",
          "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"bench\"},\"spec\":{\"rules\":[{\"host\":\"x.example.com\"}]}}");

  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int changes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String mode = args.length > 2 ? args[2] : "source";
    try (ApiServer server = ApiServer.start("bench");
        KubernetesClient client = server.newClient()) {
      client
          .resource(
              Serialization.unmarshal(
                  "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"bench\"}}",
                  GenericKubernetesResource.class))
          .create();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < objects; i++) {
        String doc = TEMPLATES.get(i % TEMPLATES.size()).formatted("o-" + i);
        created.add(
            pool.submit(
                () ->
                    client
                        .resource(Serialization.unmarshal(doc, GenericKubernetesResource.class))
                        .create()));
      }
      for (Future<?> f : created) {
        f.get();
      }
      pool.shutdown();
      Path dir = Files.createTempDirectory("driftscope-bench");
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(
          kubeconfig,
          "apiVersion: v1\nkind: Config\ncurrent-context: bench\nclusters:\n- name: bench\n  cluster:\n    server: "
              + server.url()
              + "\ncontexts:\n- name: bench\n  context: {cluster: bench, user: u, namespace: bench}\nusers:\n- name: u\n  user: {token: t}\n");
      try {
        if ("comparison".equals(mode)) {
          comparison(client, dir, kubeconfig, objects, changes);
        } else {
          source(client, dir, kubeconfig, objects, changes);
        }
      } finally {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void source(
      KubernetesClient client, Path dir, Path kubeconfig, int objects, int changes)
      throws Exception {
    SourceContext ctx =
        new SourceContext(
            "default", dir, Clock.systemUTC(), Map.of("kubeconfig", kubeconfig.toString()));
    long t0 = System.nanoTime();
    try (Source source =
        new KubernetesSourceFactory(Map.of()).open(SourceSpec.parse("k8s://bench/bench"), ctx)) {
      LoadResult r = source.load();
      long loadMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("k8s.load.objects " + r.resources().size());
      System.out.println("k8s.load.ms " + loadMs);
      BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
      BlockingQueue<SourceState> states = new LinkedBlockingQueue<>();
      source.watch(
          new SourceListener() {
            @Override
            public void onChange(ResourceKey key, Resource resource) {
              arrivals.add(System.nanoTime());
            }

            @Override
            public void onReset(List<Resource> resources) {}

            @Override
            public void onState(SourceState state) {
              states.add(state);
            }
          });
      states.poll(10, TimeUnit.SECONDS);
      long[] latencies = new long[changes];
      for (int i = 0; i < changes; i++) {
        String name = "o-" + (i * TEMPLATES.size() % objects);
        long start = System.nanoTime();
        client
            .configMaps()
            .inNamespace("bench")
            .withName(name)
            .edit(
                cm -> {
                  cm.getData().put("k", "v" + start);
                  return cm;
                });
        Long at = arrivals.poll(10, TimeUnit.SECONDS);
        if (at == null) {
          throw new IllegalStateException("change " + i + " not reported within 10 s");
        }
        latencies[i] = at - start;
      }
      Arrays.sort(latencies);
      System.out.printf("k8s.change.p50.ms %.1f%n", latencies[changes / 2] / 1e6);
      System.out.printf(
          "k8s.change.p99.ms %.1f%n", latencies[(int) Math.ceil(changes * 0.99) - 1] / 1e6);
    }
  }

  private static void comparison(
      KubernetesClient client, Path dir, Path kubeconfig, int objects, int changes)
      throws Exception {
    // The left side: the same objects as manifests, one multi-document file per kind.
    Path manifests = dir.resolve("manifests");
    Files.createDirectories(manifests);
    for (int k = 0; k < TEMPLATES.size(); k++) {
      StringBuilder file = new StringBuilder();
      for (int i = k; i < objects; i += TEMPLATES.size()) {
        file.append("---\n").append(TEMPLATES.get(k).formatted("o-" + i)).append('\n');
      }
      Files.writeString(manifests.resolve("kind-" + k + ".yaml"), file.toString());
    }
    Path work = Files.createDirectories(dir.resolve("work"));
    long t0 = System.nanoTime();
    try (BenchComparisons.Opened opened =
        BenchComparisons.open(manifests.toString(), "k8s://bench/bench", work, kubeconfig)) {
      Comparison comparison = opened.comparison();
      comparison.load();
      long loadMs = (System.nanoTime() - t0) / 1_000_000;
      ComparisonView loaded = comparison.view();
      System.out.println("k8s.compare.resources " + loaded.resources().size());
      System.out.println(
          "k8s.compare.summary "
              + loaded.summary().toString().replace('\n', ' ')
              + " mode="
              + loaded.mode());
      System.out.println("k8s.compare.load.ms " + loadMs);
      BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
      comparison.addListener(
          v -> {
            if (!v.changed().isEmpty()) {
              arrivals.add(new long[] {System.nanoTime(), v.changed().size()});
            }
          });
      comparison.watch();
      int warmup = 10;
      long[] latencies = new long[changes];
      for (int i = 0; i < warmup + changes; i++) {
        String name = "o-" + (i * TEMPLATES.size() % objects);
        long start = System.nanoTime();
        client
            .configMaps()
            .inNamespace("bench")
            .withName(name)
            .edit(
                cm -> {
                  cm.getData().put("k", "v" + start);
                  return cm;
                });
        long[] at = arrivals.poll(i < warmup ? 30 : 10, TimeUnit.SECONDS);
        if (at == null) {
          throw new IllegalStateException(
              "change " + i + " did not reach the comparison's listener in time");
        }
        if (i >= warmup) {
          latencies[i - warmup] = at[0] - start;
        }
      }
      Arrays.sort(latencies);
      System.out.printf("k8s.compare.change.p50.ms %.1f%n", latencies[changes / 2] / 1e6);
      System.out.printf(
          "k8s.compare.change.p99.ms %.1f%n", latencies[(int) Math.ceil(changes * 0.99) - 1] / 1e6);
      System.out.printf("k8s.compare.change.max.ms %.1f%n", latencies[changes - 1] / 1e6);
    }
  }
}
