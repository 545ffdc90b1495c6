package io.driftscope.source.file;

import static io.driftscope.source.file.FileSources.byKey;
import static io.driftscope.source.file.FileSources.keys;
import static io.driftscope.source.file.FileSources.load;
import static io.driftscope.source.file.FileSources.origins;
import static io.driftscope.source.file.FileSources.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.SourceState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSourceTest {

  /** The definition of cert-manager's Certificate, a namespaced kind. */
  private static final String CERTIFICATE_CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: certificates.cert-manager.io
      spec:
        group: cert-manager.io
        scope: Namespaced
        names: {kind: Certificate, plural: certificates}
      """;

  @TempDir Path dir;

  @Test
  void readsMultiDocumentYamlWithOriginsAndSkipsEmptyDocuments() throws Exception {
    write(
        dir.resolve("app.yaml"),
        """
        # the app
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        ---
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          namespace: ignored-for-cluster-scoped
        """);

    LoadResult result = load(dir, "app.yaml");

    assertEquals(
        """
        Deployment.apps/shop/web
        Service/default/web
        Namespace/shop""",
        keys(result));
    assertEquals(
        """
        app.yaml:3:1
        app.yaml:10:1
        app.yaml:15:1""",
        origins(result));
    assertEquals(List.of(), result.notices());
    Resource deployment = result.resources().get(0);
    assertEquals("apps/v1", deployment.apiVersion());
    assertEquals("v1", deployment.version());
    assertEquals("web", deployment.document().path("metadata").path("name").asText());
  }

  @Test
  void defaultNamespaceComesFromTheContext() throws Exception {
    write(dir.resolve("cm.yaml"), FileSources.configMap("settings", "x"));
    SourceContext context = new SourceContext("shop", dir, Clock.systemUTC(), Map.of());
    try (Source source = new FileSourceFactory().open(SourceSpec.parse("file:cm.yaml"), context)) {
      assertEquals("ConfigMap/shop/settings", keys(source.load()));
    }
  }

  @Test
  void unwrapsListKindsWithTheOriginOfEachItem() throws Exception {
    write(
        dir.resolve("list.json"),
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}
        ]}
        """);
    write(
        dir.resolve("deployments.yaml"),
        """
        apiVersion: apps/v1
        kind: DeploymentList
        metadata:
          resourceVersion: "12"
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
          -   apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: worker
        """);

    LoadResult list = load(dir, "list.json");
    assertEquals("ConfigMap/default/a\nConfigMap/default/b", keys(list));
    assertEquals("list.json:2:3\nlist.json:3:3", origins(list));

    LoadResult deployments = load(dir, "deployments.yaml");
    assertEquals("Deployment.apps/default/api\nDeployment.apps/default/worker", keys(deployments));
    assertEquals("deployments.yaml:6:5\ndeployments.yaml:10:7", origins(deployments));
  }

  @Test
  void aKindEndingInListWithANameIsAnObjectOfItsOwn() throws Exception {
    write(
        dir.resolve("allow.yaml"),
        """
        apiVersion: example.com/v1
        kind: AllowList
        metadata:
          name: office
          namespace: shop
        items: [a, b]
        """);
    assertEquals("AllowList.example.com/shop/office", keys(load(dir, "allow.yaml")));
  }

  @Test
  void readsAFolderRecursivelyInSortedOrderWithOneNoticePerSkippedThing() throws Exception {
    Path m = dir.resolve("manifests");
    write(m.resolve("b.yaml"), FileSources.deployment("b"));
    write(m.resolve("a.yml"), FileSources.deployment("a"));
    write(
        m.resolve("sub/c.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"c\"}}");
    write(m.resolve("sub/notes.txt"), "not read");
    write(m.resolve(".git/x.yaml"), FileSources.deployment("hidden-dir"));
    write(m.resolve(".hidden.yaml"), FileSources.deployment("hidden-file"));
    write(m.resolve("b.yaml.driftscope-bak"), FileSources.deployment("backup"));
    write(m.resolve("kustomization.yaml"), "resources: [b.yaml]\n");
    write(m.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: chart\n");
    write(m.resolve("chart/values.yaml"), "replicas: 2\n");
    write(m.resolve("empty.yaml"), "");
    write(m.resolve("comments.yaml"), "# nothing here\n---\n");
    write(
        m.resolve("mixed.yaml"),
        """
        settings:
          debug: true
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: mixed
        ---
        kind: ConfigMap
        metadata:
          name: no-api-version
        """);
    write(m.resolve("docker-compose.yml"), "services:\n  web:\n    image: nginx\n");

    LoadResult result = load(dir, "./manifests/");

    assertEquals(
        """
        Deployment.apps/default/a
        Deployment.apps/default/b
        ConfigMap/default/mixed
        Secret/default/c""",
        keys(result));
    assertEquals(
        """
        manifests/a.yml:1:1
        manifests/b.yaml:1:1
        manifests/mixed.yaml:4:1
        manifests/sub/c.json:1:1""",
        origins(result));
    assertEquals(
        List.of(
            "manifests/chart/Chart.yaml: skipped, a Helm chart file",
            "manifests/chart/values.yaml: skipped, Helm values",
            "manifests/comments.yaml: skipped, no documents (only comments or empty documents)",
            "manifests/docker-compose.yml:1:1: skipped, a compose file, not a Kubernetes manifest",
            "manifests/empty.yaml: skipped, empty file (0 bytes)",
            "manifests/kustomization.yaml: skipped, a kustomize file",
            "manifests/mixed.yaml:1:1: skipped, a document without apiVersion and kind",
            "manifests/mixed.yaml:9:1: skipped, a document without apiVersion"),
        result.notices());
  }

  @Test
  void crdsInTheSourceDecideTheScopeOfTheirKinds() throws Exception {
    write(
        dir.resolve("crds.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: clusterissuers.cert-manager.io
        spec:
          group: cert-manager.io
          scope: Cluster
          names: {kind: ClusterIssuer, plural: clusterissuers}
        ---
        """
            + CERTIFICATE_CRD);
    write(
        dir.resolve("objects.yaml"),
        """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {name: letsencrypt, namespace: stray}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: web-tls}
        ---
        apiVersion: example.com/v1
        kind: Unknown
        metadata: {name: keeps-its-own, namespace: shop}
        ---
        apiVersion: example.com/v1
        kind: Unknown
        metadata: {name: has-none}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin}
        """);

    Map<ResourceKey, Resource> resources = byKey(load(dir, "."));

    assertTrue(resources.containsKey(key("cert-manager.io", "ClusterIssuer", "", "letsencrypt")));
    assertTrue(resources.containsKey(key("cert-manager.io", "Certificate", "default", "web-tls")));
    assertTrue(resources.containsKey(key("example.com", "Unknown", "shop", "keeps-its-own")));
    assertTrue(resources.containsKey(key("example.com", "Unknown", "", "has-none")));
    assertTrue(resources.containsKey(key("rbac.authorization.k8s.io", "ClusterRole", "", "admin")));
    assertTrue(
        resources.containsKey(
            key(
                "apiextensions.k8s.io",
                "CustomResourceDefinition",
                "",
                "certificates.cert-manager.io")));
  }

  @Test
  void keepsScalarTypesAsWrittenAndResolvesAliasesAndMergeKeys() throws Exception {
    write(
        dir.resolve("svc.yaml"),
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels: &labels
            app: web
            tier: front
        spec:
          selector: *labels
          ports:
            - &http {name: http, port: 80, targetPort: "80"}
            - <<: *http
              name: alt
              port: 8080
          memory: 100Mi
          empty:
          quotedEmpty: ''
          ratio: 0.5
          enabled: true
        """);

    JsonNode doc = load(dir, "svc.yaml").resources().get(0).document();
    JsonNode spec = doc.path("spec");

    assertEquals("{\"app\":\"web\",\"tier\":\"front\"}", spec.path("selector").toString());
    assertTrue(spec.path("ports").get(0).path("port").isInt());
    assertTrue(spec.path("ports").get(0).path("targetPort").isTextual());
    assertEquals(
        "{\"name\":\"alt\",\"port\":8080,\"targetPort\":\"80\"}",
        spec.path("ports").get(1).toString());
    assertTrue(spec.path("memory").isTextual());
    assertTrue(spec.get("empty").isNull());
    assertEquals("", spec.get("quotedEmpty").textValue());
    assertTrue(spec.path("ratio").isDouble());
    assertTrue(spec.path("enabled").isBoolean());
  }

  @Test
  void jsonAndYamlOfTheSameObjectGiveEqualDocuments() throws Exception {
    write(
        dir.resolve("a/cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {n: \"1\"}\nbinaryData: {}\n"
            + "extra: {int: 1, big: 12345678901234567890, float: 1.5, bool: false, none: null}\n");
    write(
        dir.resolve("b/cm.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"},"
            + "\"data\":{\"n\":\"1\"},\"binaryData\":{},\"extra\":{\"int\":1,"
            + "\"big\":12345678901234567890,\"float\":1.5,\"bool\":false,\"none\":null}}");

    assertEquals(
        load(dir, "a").resources().get(0).document(), load(dir, "b").resources().get(0).document());
  }

  @Test
  void locatesTheDocumentOfAResourceForEditsInPlace() throws Exception {
    write(
        dir.resolve("two.yaml"),
        FileSources.configMap("first", "1") + "---\n" + FileSources.configMap("second", "2"));
    try (Source source = FileSources.open(dir, "two.yaml")) {
      source.load();
      DocumentLocation at =
          ((ManifestSource) source).locate(key("", "ConfigMap", "default", "second")).orElseThrow();
      assertEquals(dir.resolve("two.yaml"), at.file());
      assertEquals(1, at.document());
      assertEquals(-1, at.item());
      assertEquals(8, at.line());
      assertEquals(1, at.column());
      assertFalse(
          ((ManifestSource) source).locate(key("", "ConfigMap", "default", "x")).isPresent());
    }
  }

  @Test
  void declaresItselfDeclarativeAndWatchable() throws Exception {
    write(dir.resolve("cm.yaml"), FileSources.configMap("a", "1"));
    try (Source source = FileSources.open(dir, "cm.yaml")) {
      assertTrue(source.traits().declarative());
      assertFalse(source.traits().live());
      assertTrue(source.traits().watchable());
      assertEquals("file", source.traits().kind());
      assertEquals("cm.yaml", source.spec());
    }
  }

  /** What a source hands over while it loads, for {@link Source#load(SourceListener)}. */
  private static final class Handed implements SourceListener {
    final List<Resource> resources = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onChange(ResourceKey key, Resource resource) {
      assertEquals(key, resource.key());
      resources.add(resource);
    }

    @Override
    public void onReset(List<Resource> all) {
      throw new AssertionError("no reset while loading");
    }

    @Override
    public void onState(SourceState state) {}
  }

  @Test
  void handsEachResourceOverAsItIsReadWithTheDocumentItReturns() throws Exception {
    write(
        dir.resolve("live.json"),
        """
        {"apiVersion": "v1", "items": [
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "b", "namespace": "shop"}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "c"}}
        ], "kind": "List"}
        """);
    write(dir.resolve("two.yaml"), FileSources.configMap("d", "1"));

    for (String spec : List.of("live.json", "two.yaml")) {
      Handed handed = new Handed();
      LoadResult result;
      try (Source source = FileSources.open(dir, spec)) {
        result = source.load(handed);
      }
      // The same resources, each with the very document the load returns: what was done with
      // one early holds for the one returned.
      assertEquals(keys(result), keys(new LoadResult(handed.resources, List.of())), spec);
      for (int i = 0; i < result.resources().size(); i++) {
        Resource returned = result.resources().get(i);
        Resource early = handed.resources.get(i);
        assertSame(returned.document(), early.document(), spec);
        assertEquals(returned, early, spec);
      }
    }
  }

  @Test
  void aListsItemsAreHandedOverBeforeTheFileIsReadToTheEnd() throws Exception {
    write(
        dir.resolve("cut.json"),
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}},
        """);
    Handed handed = new Handed();
    try (Source source = FileSources.open(dir, "cut.json")) {
      SourceException e = assertThrows(SourceException.class, () -> source.load(handed));
      assertTrue(e.getMessage().startsWith("cut.json:4:"), e.getMessage());
    }
    assertEquals(
        "ConfigMap/default/a\nConfigMap/default/b",
        keys(new LoadResult(handed.resources, List.of())));
  }

  @Test
  void resourcesHandedOverEarlyAreAFirstLookOnly() throws Exception {
    // A folder's files are handed over file by file. A kind unknown until all files are read is
    // keyed as cluster-scoped, though a definition in a later file makes it namespaced.
    write(
        dir.resolve("a-certificate.yaml"),
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: web-tls}
        """);
    write(dir.resolve("b-crd.yaml"), CERTIFICATE_CRD);
    Handed handed = new Handed();
    LoadResult result;
    try (Source source = FileSources.open(dir, ".")) {
      result = source.load(handed);
    }
    ResourceKey early = key("cert-manager.io", "Certificate", "", "web-tls");
    ResourceKey returned = key("cert-manager.io", "Certificate", "default", "web-tls");
    assertTrue(handed.resources.stream().anyMatch(r -> r.key().equals(early)));
    assertTrue(byKey(result).containsKey(returned));
    assertFalse(byKey(result).containsKey(early));
  }

  private static ResourceKey key(String group, String kind, String namespace, String name) {
    return new ResourceKey(group, kind, namespace, name);
  }
}
