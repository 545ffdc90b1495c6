package io.driftscope.source.kubernetes;

import static io.driftscope.source.kubernetes.RecordingListener.change;
import static io.driftscope.source.kubernetes.RecordingListener.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.SourceState;
import io.driftscope.source.SourceState.Phase;
import io.driftscope.source.Watch;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The k8s:// source against two demo API servers over real HTTP. */
class KubernetesSourceTest {

  @TempDir static Path dir;
  static TestClusters clusters;

  @BeforeAll
  static void start() throws Exception {
    clusters = new TestClusters(dir);
    KubernetesClient c = clusters.stagingClient;
    c.pods().inNamespace("shop").resource(pod("standalone", false)).create();
    c.pods().inNamespace("shop").resource(pod("web-7d9f-abcde", true)).create();
    c.resource(
            generic(
                """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-7d9f","namespace":"shop",
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"u1","controller":true}]},
         "spec":{"selector":{"matchLabels":{"app":"web"}}}}"""))
        .create();
    c.resource(
            generic(
                """
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"web.1","namespace":"shop"},"reason":"Scaled"}"""))
        .create();
    c.resource(
            generic(
                """
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"lock","namespace":"shop"}}"""))
        .create();
    c.resource(
            generic(
                """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
           "versions":[{"name":"v1","served":true,"storage":true}]}}"""))
        .create();
    c.genericKubernetesResources("example.com/v1", "Widget")
        .inNamespace("shop")
        .resource(
            generic(
                """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"gear","namespace":"shop"},"spec":{"teeth":12}}"""))
        .create();
    for (int i = 0; i < 1100; i++) {
      c.configMaps()
          .inNamespace("shop")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(String.format("cm-%04d", i))
                  .endMetadata()
                  .addToData("i", "" + i)
                  .build())
          .create();
    }
  }

  @AfterAll
  static void stop() {
    clusters.close();
  }

  static GenericKubernetesResource generic(String json) {
    return Serialization.unmarshal(json, GenericKubernetesResource.class);
  }

  static io.fabric8.kubernetes.api.model.Pod pod(String name, boolean owned) {
    PodBuilder b =
        new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata();
    if (owned) {
      b.editMetadata()
          .addNewOwnerReference()
          .withApiVersion("apps/v1")
          .withKind("ReplicaSet")
          .withName("web-7d9f")
          .withUid("u2")
          .withController(true)
          .endOwnerReference()
          .endMetadata();
    }
    return b.withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }

  static SourceContext context(Map<String, Object> settings) {
    return new SourceContext("default", dir, Clock.systemUTC(), settings);
  }

  static Source open(String spec, Map<String, Object> settings) throws SourceException {
    Map<String, Object> all = new HashMap<>(settings);
    all.putIfAbsent("kubeconfig", clusters.kubeconfig.toString());
    return new KubernetesSourceFactory(Map.of("HOME", dir.toString()))
        .open(SourceSpec.parse(spec), context(all));
  }

  static Set<String> kinds(LoadResult r) {
    return r.resources().stream().map(x -> x.key().kindWithGroup()).collect(Collectors.toSet());
  }

  static boolean has(LoadResult r, String kind, String name) {
    return r.resources().stream()
        .anyMatch(x -> x.key().kind().equals(kind) && x.key().name().equals(name));
  }

  @Test
  void loadsEveryKindInPagesWithSkipListAndOwnershipFilter() throws Exception {
    clusters.staging.clearRequests();
    RecordingListener progress = new RecordingListener();
    try (Source s = open("k8s://staging/shop", Map.of())) {
      assertEquals("shop", s.singleNamespace().orElseThrow());
      LoadResult r = s.load(progress);
      Set<String> kinds = kinds(r);
      assertTrue(
          kinds.containsAll(
              Set.of("Deployment.apps", "Service", "ConfigMap", "Pod", "Widget.example.com")),
          kinds.toString());
      assertFalse(kinds.contains("Event"));
      assertFalse(kinds.contains("Lease.coordination.k8s.io"));
      assertFalse(kinds.contains("Namespace"), "cluster-scoped kinds only when asked");
      assertFalse(kinds.contains("ReplicaSet.apps"), "owned ReplicaSet skipped");
      assertTrue(has(r, "Pod", "standalone"));
      assertFalse(has(r, "Pod", "web-7d9f-abcde"), "owned Pod skipped");
      assertEquals(
          1100, r.resources().stream().filter(x -> x.key().kind().equals("ConfigMap")).count());
      Resource d =
          r.resources().stream()
              .filter(x -> x.key().name().equals("guestbook-ui"))
              .findFirst()
              .orElseThrow();
      assertEquals(new ResourceKey("apps", "Deployment", "shop", "guestbook-ui"), d.key());
      assertEquals("apps/v1", d.apiVersion());
      assertTrue(
          clusters.staging.requests().stream()
              .anyMatch(q -> q.path().contains("configmaps?") && q.path().contains("continue=")),
          "paged");
      List<SourceState> states = new ArrayList<>();
      progress.calls.forEach(c -> states.add(c.state()));
      SourceState last = states.get(states.size() - 1);
      assertEquals(Phase.LOADING, last.phase());
      assertEquals(last.total(), last.done());
      assertEquals(
          r.resources().size() + 2, last.objects(), "objects counted before the ownership filter");
    }
  }

  @Test
  void clusterScopedKindsWhenAskedAndSkipListFromSettings() throws Exception {
    try (Source s =
        open(
            "k8s://staging/shop?cluster=true",
            Map.of("kubernetes.skipKinds", List.of("ConfigMap")))) {
      LoadResult r = s.load();
      Set<String> kinds = kinds(r);
      assertTrue(kinds.contains("Namespace"));
      assertTrue(kinds.contains("CustomResourceDefinition.apiextensions.k8s.io"));
      assertTrue(kinds.contains("Event"), "the setting replaces the default list");
      assertTrue(has(r, "Pod", "web-7d9f-abcde"), "owned: entries replaced too");
      assertFalse(kinds.contains("ConfigMap"));
      assertEquals(
          "",
          r.resources().stream()
              .filter(x -> x.key().kind().equals("Namespace"))
              .findFirst()
              .orElseThrow()
              .key()
              .namespace());
    }
  }

  @Test
  void mergesKubeconfigFilesFromTheEnvironment() throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, TestClusters.kubeconfig(List.of(clusters.prod), "prod"));
    Files.writeString(b, TestClusters.kubeconfig(List.of(clusters.staging), "staging"));
    Map<String, String> env =
        Map.of(
            "KUBECONFIG", a + ":" + dir.resolve("missing.yaml") + ":" + b, "HOME", dir.toString());
    KubernetesSourceFactory f = new KubernetesSourceFactory(env);
    try (Source cur = f.open(SourceSpec.parse("k8s:///shop"), context(Map.of()));
        Source other = f.open(SourceSpec.parse("k8s://staging/"), context(Map.of()))) {
      assertTrue(has(cur.load(), "Deployment", "nginx-deployment"));
      assertEquals("shop", other.singleNamespace().orElseThrow(), "the context's namespace");
      LoadResult staging = other.load();
      assertTrue(has(staging, "Pod", "standalone"), "staging came from the second file");
    }
    clusters.prod.clearRequests();
  }

  @Test
  void errorsAreOneClearLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path gone = dir.resolve("gone.yaml");
    Files.writeString(
        gone,
        "apiVersion: v1\nkind: Config\n"
            + "clusters:\n- name: gone\n  cluster:\n    server: http://127.0.0.1:"
            + port
            + "\ncontexts:\n- name: gone\n  context:\n    cluster: gone\n    user: u\nusers:\n- name: u\n  user:\n    token: t\n");
    try (Source s = open("k8s://gone/shop", Map.of("kubeconfig", gone.toString()))) {
      SourceException e = assertThrows(SourceException.class, s::load);
      assertEquals(
          "k8s://gone/shop: cannot reach http://127.0.0.1:" + port + " (connection refused)",
          e.getMessage());
    }
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "clusters: [ {{{ not yaml");
    SourceException badConfig =
        assertThrows(
            SourceException.class,
            () -> open("k8s://staging/shop", Map.of("kubeconfig", bad.toString())));
    assertTrue(
        badConfig.getMessage().startsWith("k8s://staging/shop: bad kubeconfig " + bad + ": "),
        badConfig.getMessage());
    assertFalse(badConfig.getMessage().contains("\n"));
    Path dup = dir.resolve("dup.yaml");
    Files.writeString(dup, "clusters: []\nclusters: []\n");
    SourceException dupKey =
        assertThrows(
            SourceException.class,
            () -> open("k8s://staging/shop", Map.of("kubeconfig", dup.toString())));
    assertEquals(
        "k8s://staging/shop: bad kubeconfig "
            + dup
            + ": while constructing a mapping: found duplicate key clusters (line 2, column 1)",
        dupKey.getMessage());
    SourceException unknown =
        assertThrows(SourceException.class, () -> open("k8s://nope/shop", Map.of()));
    assertEquals(
        "k8s://nope/shop: context 'nope' not found in "
            + clusters.kubeconfig
            + " (known: prod, staging)",
        unknown.getMessage());
    try (Source s = open("k8s://staging/nope", Map.of())) {
      SourceException e = assertThrows(SourceException.class, s::load);
      assertEquals(
          "k8s://staging/nope: namespace 'nope' not found in context staging", e.getMessage());
    }
    SourceException noConfig =
        assertThrows(
            SourceException.class,
            () ->
                new KubernetesSourceFactory(Map.of("HOME", dir.resolve("nohome").toString()))
                    .open(SourceSpec.parse("k8s://x/y"), context(Map.of())));
    assertTrue(noConfig.getMessage().contains("no kubeconfig found"), noConfig.getMessage());
  }

  @Test
  void forbiddenKindIsANoticeNotAFailure() throws Exception {
    clusters.prod.forbid("", "secrets");
    try (Source s = open("k8s://prod/shop", Map.of())) {
      LoadResult r = s.load();
      assertTrue(
          r.notices().contains("skipped Secret in shop: forbidden (403)"), r.notices().toString());
      assertTrue(has(r, "Deployment", "nginx-deployment"));
    } finally {
      clusters.prod.allowAll();
    }
  }

  @Test
  void watchReportsAddChangeDeleteFromAnotherClient() throws Exception {
    KubernetesClient other = clusters.prodClient;
    RecordingListener l = new RecordingListener();
    try (Source s = open("k8s://prod/shop", Map.of())) {
      s.load();
      try (Watch w = s.watch(l)) {
        l.await(phase(Phase.LIVE), 5);
        other
            .configMaps()
            .inNamespace("shop")
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("live")
                    .endMetadata()
                    .addToData("k", "1")
                    .build())
            .create();
        RecordingListener.Call added = l.await(change("ConfigMap", "live"), 5);
        assertEquals("1", added.resource().document().path("data").path("k").asText());
        other
            .configMaps()
            .inNamespace("shop")
            .withName("live")
            .edit(cm -> new ConfigMapBuilder(cm).addToData("k", "2").build());
        RecordingListener.Call changed = l.await(change("ConfigMap", "live"), 5);
        assertEquals("2", changed.resource().document().path("data").path("k").asText());
        other.pods().inNamespace("shop").resource(pod("owned-x", true)).create();
        other.configMaps().inNamespace("shop").withName("live").delete();
        RecordingListener.Call deleted = l.await(c -> c.what().equals("change"), 5);
        assertEquals("live", deleted.key().name(), "the owned pod was not reported");
        assertNull(deleted.resource());
      }
    }
  }

  @Test
  void recoversAfterTheServerRestartsAndGivesUpWhenItStaysDown() throws Exception {
    TestClusters own = new TestClusters(Files.createTempDirectory(dir, "own"));
    RecordingListener l = new RecordingListener();
    Map<String, Object> settings =
        Map.of("kubeconfig", own.kubeconfig.toString(), "kubernetes.reconnectGiveUpSeconds", 2);
    try (own;
        Source s =
            new KubernetesSourceFactory(Map.of())
                .open(SourceSpec.parse("k8s://staging/shop"), context(settings))) {
      s.load();
      s.watch(l);
      l.await(phase(Phase.LIVE), 5);
      own.staging.stop();
      RecordingListener.Call rec = l.await(phase(Phase.RECONNECTING), 10);
      assertFalse(rec.state().reason().isEmpty());
      own.staging.restart();
      own.stagingClient
          .configMaps()
          .inNamespace("shop")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("after-restart")
                  .endMetadata()
                  .build())
          .create();
      RecordingListener.Call reset = l.await(c -> c.what().equals("reset"), 10);
      l.await(phase(Phase.LIVE), 10);
      Set<String> names =
          reset.reset().stream().map(r -> r.key().name()).collect(Collectors.toSet());
      // The configmap created right after the restart is in the re-list or arrives by the watch.
      if (!names.contains("after-restart")) {
        l.await(change("ConfigMap", "after-restart"), 5);
      }
      assertTrue(names.contains("nginx-deployment"));
      own.stagingClient.configMaps().inNamespace("shop").withName("after-restart").delete();
      assertNull(l.await(change("ConfigMap", "after-restart"), 5).resource());

      own.staging.stop();
      l.await(phase(Phase.RECONNECTING), 10);
      RecordingListener.Call failed = l.await(phase(Phase.FAILED), 15);
      assertTrue(
          failed.state().reason().startsWith("gave up reconnecting to " + own.staging.url()),
          failed.state().reason());
    }
  }
}
