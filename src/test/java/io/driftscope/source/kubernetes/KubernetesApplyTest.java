package io.driftscope.source.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.apply.Confirmation;
import io.driftscope.apply.Direction;
import io.driftscope.apply.Executor;
import io.driftscope.apply.Journal;
import io.driftscope.apply.Outcome;
import io.driftscope.apply.Plan;
import io.driftscope.apply.PlanText;
import io.driftscope.apply.Planner;
import io.driftscope.apply.Prepared;
import io.driftscope.apply.Selection;
import io.driftscope.apply.SyncCheck;
import io.driftscope.apply.Target;
import io.driftscope.apply.Undo;
import io.driftscope.compare.Comparison;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Side;
import io.driftscope.demo.ApiRequest;
import io.driftscope.demo.ApiServer;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.Mode;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.file.FileSourceFactory;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying manifests to a live namespace on the demo API server (real HTTP; the dispatcher answers
 * dry runs without writing, failed patch tests with 422 and stale versions with 409).
 */
class KubernetesApplyTest {

  static final String MANIFEST =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        replicas: 2
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
              - name: sidecar
                image: envoy:1.30
              - name: web
                image: nginx:1.27
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        mode: fast
      """;

  static final ResourceKey API = new ResourceKey("apps", "Deployment", "shop", "api");
  static final FieldPath IMAGE = FieldPath.parse("/spec/template/spec/containers/name=web/image");

  @TempDir Path dir;
  ApiServer prod;
  KubernetesClient actor;
  Source left;
  Source right;
  Comparison comparison;
  Journal journal;

  @BeforeEach
  void setUp() throws Exception {
    prod = ApiServer.start("prod");
    actor = prod.newClient();
    actor
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    actor.apps().deployments().inNamespace("shop").resource(deployment("nginx:1.25", 5)).create();
    actor
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("legacy")
                .endMetadata()
                .addToData("old", "yes")
                .build())
        .create();
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, TestClusters.kubeconfig(List.of(prod), "prod"));
    Files.createDirectories(dir.resolve("desired"));
    Files.writeString(dir.resolve("desired/app.yaml"), MANIFEST);
    SourceContext ctx =
        new SourceContext(
            "shop", dir, Clock.systemUTC(), Map.of("kubeconfig", kubeconfig.toString()));
    left = new FileSourceFactory().open(SourceSpec.parse("desired"), ctx);
    right = new KubernetesSourceFactory().open(SourceSpec.parse("k8s://prod/shop"), ctx);
    comparison =
        new Comparison(
            left,
            "desired",
            right,
            "prod",
            new StructuralDiffer(DiffOptions.defaults().withMode(Mode.DESIRED)),
            Pairing.plain(),
            Mode.DESIRED,
            Clock.systemUTC());
    comparison.load();
    comparison.watch();
    journal = new Journal(dir.resolve("journal.jsonl"), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    comparison.close();
    left.close();
    right.close();
    actor.close();
    prod.close();
  }

  static Deployment deployment(String image, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("api")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "api")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "api")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage(image)
        .endContainer()
        .addNewContainer()
        .withName("sidecar")
        .withImage("envoy:1.30")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  Target target() {
    return new Target(Side.RIGHT, "prod", "k8s://prod/shop", false, false);
  }

  Executor executor() {
    return new Executor(right.applier(), journal, "tester");
  }

  /** The plan to apply {@code selection} from left to right. */
  Plan plan(Selection selection) {
    return new Planner().plan(comparison.view(), Direction.LEFT_TO_RIGHT, selection, target());
  }

  /** The api Deployment on the cluster, as another client sees it. */
  RollableScalableResource<Deployment> liveApi() {
    return actor.apps().deployments().inNamespace("shop").withName("api");
  }

  String liveImage(String container) {
    return liveApi().get().getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(container))
        .findFirst()
        .orElseThrow()
        .getImage();
  }

  @Test
  void appliesAFieldWithAGuardedJsonPatchAndSeesItInSync() throws Exception {
    Plan plan = plan(Selection.field(API, IMAGE));
    Executor ex = executor();
    Prepared prepared = ex.prepare(plan);
    assertTrue(prepared.ok(), prepared.failures().toString());
    assertEquals("nginx:1.25", liveImage("web"), "the server dry run wrote nothing");
    String exact = prepared.previews().get(0).exactChange();
    assertTrue(exact.startsWith("PATCH /apis/apps/v1/namespaces/shop/deployments/api"), exact);
    assertTrue(exact.contains("\"path\":\"/metadata/resourceVersion\""), exact);
    assertTrue(
        exact.contains(
            "{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/name\",\"value\":\"web\"}"),
        exact);
    Outcome out = ex.execute(prepared, Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    assertEquals("nginx:1.27", liveImage("web"));
    assertEquals(5, liveReplicas());
    SyncCheck.Report report =
        SyncCheck.await(comparison, out, Direction.LEFT_TO_RIGHT, Duration.ofSeconds(10));
    assertTrue(report.inSync(), report.stillDifferent().toString());
  }

  @Test
  void reportsAValueAControllerChangedBack() throws Exception {
    Plan plan = plan(Selection.field(API, IMAGE));
    Executor ex = executor();
    Outcome out = ex.execute(ex.prepare(plan), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    // A "controller" puts the old image back right away.
    actor.apps().deployments().inNamespace("shop").resource(deployment("nginx:1.25", 5)).update();
    Thread.sleep(300);
    SyncCheck.Report report =
        SyncCheck.await(comparison, out, Direction.LEFT_TO_RIGHT, Duration.ofMillis(500));
    assertFalse(report.inSync());
    assertTrue(
        report.stillDifferent().get(0).contains("is nginx:1.25 again (applied nginx:1.27)"),
        report.stillDifferent().toString());
  }

  @Test
  void aChangeBetweenDryRunAndApplyIsRefusedAsChangedSince() throws Exception {
    Plan plan = plan(Selection.field(API, IMAGE));
    Executor ex = executor();
    Prepared prepared = ex.prepare(plan);
    assertTrue(prepared.ok(), prepared.failures().toString());
    liveApi()
        .edit(
            d -> {
              d.getSpec().setReplicas(7);
              return d;
            });
    Outcome out = ex.execute(prepared, Confirmation.yes());
    assertEquals(Outcome.Status.FAILED, out.status());
    ApplyException e = out.results().get(0).failure();
    assertEquals(ApplyException.Kind.CHANGED_SINCE, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("changed since you looked"), e.getMessage());
    assertEquals("nginx:1.25", liveImage("web"));
    assertEquals(Journal.Status.FAILED, journal.last().orElseThrow().changes().get(0).status());
  }

  @Test
  void createsDeletesAndUndoes() throws Exception {
    ResourceKey settings = new ResourceKey("", "ConfigMap", "shop", "settings");
    ResourceKey legacy = new ResourceKey("", "ConfigMap", "shop", "legacy");
    Plan plan =
        new Planner()
            .plan(
                comparison.view(),
                Direction.LEFT_TO_RIGHT,
                Selection.resource(settings)
                    .plus(Selection.resource(legacy))
                    .plus(Selection.resource(API)),
                target());
    assertEquals(
        List.of("create", "patch", "delete"),
        plan.changes().stream().map(c -> c.change().verb()).toList());
    Executor ex = executor();
    Outcome out = ex.execute(ex.prepare(plan), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    assertNotNull(actor.configMaps().inNamespace("shop").withName("settings").get());
    assertNull(actor.configMaps().inNamespace("shop").withName("legacy").get());
    assertEquals(2, liveReplicas());

    Plan undo = Undo.plan(journal.last().orElseThrow(), target());
    Outcome undone = ex.execute(ex.prepare(undo), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, undone.status(), undone.message());
    assertNull(actor.configMaps().inNamespace("shop").withName("settings").get());
    assertEquals(
        "yes",
        actor.configMaps().inNamespace("shop").withName("legacy").get().getData().get("old"));
    assertEquals(5, liveReplicas());
    assertEquals("nginx:1.25", liveImage("web"));
  }

  @Test
  void undoRefusesAfterAnOutsideChange() throws Exception {
    Plan plan = plan(Selection.resource(API));
    Executor ex = executor();
    assertEquals(Outcome.Status.APPLIED, ex.execute(ex.prepare(plan), Confirmation.yes()).status());
    liveApi()
        .edit(
            d -> {
              d.getSpec().setReplicas(9);
              return d;
            });
    Prepared undo = ex.prepare(Undo.plan(journal.last().orElseThrow(), target()));
    assertTrue(undo.changedSince(), undo.failures().toString());
    assertEquals(Outcome.Status.REFUSED, ex.execute(undo, Confirmation.yes()).status());
    assertEquals(9, liveReplicas());
  }

  @Test
  void undoIgnoresWhatTheClusterMaintainsItself() throws Exception {
    Plan plan = plan(Selection.resource(API));
    Executor ex = executor();
    assertEquals(Outcome.Status.APPLIED, ex.execute(ex.prepare(plan), Confirmation.yes()).status());
    // The deployment controller bumps the revision annotation: a new resourceVersion, same spec.
    liveApi()
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "2");
              return d;
            });
    Outcome undone =
        ex.execute(
            ex.prepare(Undo.plan(journal.last().orElseThrow(), target())), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, undone.status(), undone.message());
    assertEquals(5, liveReplicas());
  }

  @Test
  void aRefusedDryRunStopsTheApply() throws Exception {
    prod.forbid("apps", "deployments");
    Plan plan = plan(Selection.resource(API));
    Executor ex = executor();
    Prepared prepared = ex.prepare(plan);
    assertFalse(prepared.ok());
    assertEquals(ApplyException.Kind.REJECTED, prepared.previews().get(0).failure().kind());
    assertTrue(
        prepared.failures().get(0).contains("the dry run was refused by k8s://prod/shop"),
        prepared.failures().toString());
    assertEquals(Outcome.Status.REFUSED, ex.execute(prepared, Confirmation.yes()).status());
  }

  int liveReplicas() {
    return liveApi().get().getSpec().getReplicas();
  }

  /** A server-side apply of {@code yaml} to the deployment as another field manager. */
  HttpResponse<String> applyAs(String manager, String yaml) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    prod.url()
                        + "/apis/apps/v1/namespaces/shop/deployments/api?fieldManager="
                        + manager))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/apply-patch+yaml")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(yaml))
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }

  List<ApiRequest> applyPatches() {
    return prod.requests().stream()
        .filter(r -> r.method().equals("PATCH"))
        .filter(r -> r.contentType().startsWith("application/apply-patch+yaml"))
        .toList();
  }

  @Test
  void serverSideApplySendsTheWholeSourceDocumentAsDriftscope() throws Exception {
    Plan plan =
        new Planner(true, false)
            .plan(comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(API), target());
    Change.Apply apply = assertInstanceOf(Change.Apply.class, plan.changes().get(0).change());
    assertFalse(apply.force());
    prod.clearRequests();
    Executor ex = executor();
    Prepared prepared = ex.prepare(plan);
    assertTrue(prepared.ok(), prepared.failures().toString());
    assertTrue(
        PlanText.lines(prepared, true)
            .contains("  by server-side apply (field manager driftscope)"),
        PlanText.lines(prepared, true).toString());
    assertEquals(5, liveReplicas(), "the dry run wrote nothing");
    List<ApiRequest> sent = applyPatches();
    assertEquals(1, sent.size(), prod.requests().toString());
    ApiRequest dry = sent.get(0);
    assertTrue(dry.path().startsWith("/apis/apps/v1/namespaces/shop/deployments/api?"), dry.path());
    assertTrue(dry.path().contains("fieldManager=driftscope"), dry.path());
    assertTrue(dry.path().contains("dryRun=All"), dry.path());
    assertFalse(dry.path().contains("force"), dry.path());
    assertTrue(
        prepared
            .previews()
            .get(0)
            .exactChange()
            .startsWith(
                "PATCH /apis/apps/v1/namespaces/shop/deployments/api?fieldManager=driftscope\n"),
        prepared.previews().get(0).exactChange());

    Outcome out = ex.execute(prepared, Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    sent = applyPatches();
    assertEquals(2, sent.size(), prod.requests().toString());
    ApiRequest real = sent.get(1);
    assertFalse(real.path().contains("dryRun"), real.path());
    assertFalse(real.path().contains("force"), real.path());
    JsonNode body = Json.MAPPER.readTree(real.body());
    assertEquals("Deployment", body.path("kind").asText());
    assertEquals(2, body.path("spec").path("replicas").asInt());
    assertFalse(body.has("status"), real.body());
    for (String f : List.of("managedFields", "resourceVersion", "uid", "creationTimestamp")) {
      assertFalse(body.path("metadata").has(f), f + " in " + real.body());
    }
    assertEquals(2, liveReplicas());
    assertEquals("nginx:1.27", liveImage("web"));
    Deployment live = liveApi().get();
    assertTrue(
        live.getMetadata().getManagedFields().stream()
            .anyMatch(m -> m.getManager().equals("driftscope")),
        live.getMetadata().getManagedFields().toString());

    // The prior state was journaled as for a JSON Patch: undo puts it back.
    Outcome undone =
        ex.execute(
            ex.prepare(Undo.plan(journal.last().orElseThrow(), target())), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, undone.status(), undone.message());
    assertEquals(5, liveReplicas());
    assertEquals("nginx:1.25", liveImage("web"));
  }

  @Test
  void serverSideApplyReportsAConflictAndForcesOnlyWhenAsked() throws Exception {
    HttpResponse<String> owned =
        applyAs(
            "kube-controller-manager",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
                + "  namespace: shop\nspec:\n  replicas: 5\n");
    assertEquals(200, owned.statusCode(), owned.body());
    Plan plan =
        new Planner(true, false)
            .plan(comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(API), target());
    Executor ex = executor();
    prod.clearRequests();
    Prepared prepared = ex.prepare(plan);
    assertFalse(prepared.ok());
    ApplyException e = prepared.previews().get(0).failure();
    assertEquals(ApplyException.Kind.CONFLICT, e.kind(), e.getMessage());
    assertEquals(
        "Deployment/shop/api: conflict: .spec.replicas is owned by kube-controller-manager;"
            + " re-run with --force-conflicts to take it over",
        e.getMessage());
    assertEquals(409, applyPatches().get(0).status());
    assertEquals(Outcome.Status.REFUSED, ex.execute(prepared, Confirmation.yes()).status());
    assertEquals(5, liveReplicas());
    assertEquals("nginx:1.25", liveImage("web"));

    Plan forced =
        new Planner(true, true)
            .plan(comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(API), target());
    Prepared again = ex.prepare(forced);
    assertTrue(again.ok(), again.failures().toString());
    assertTrue(
        PlanText.lines(again, false)
            .contains("  by server-side apply (field manager driftscope, forcing conflicts)"));
    Outcome out = ex.execute(again, Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    List<ApiRequest> sent = applyPatches();
    assertTrue(sent.get(sent.size() - 1).path().contains("force=true"), sent.toString());
    assertEquals(2, liveReplicas());
  }

  @Test
  void serverSideApplyCreatesAMissingResource() throws Exception {
    ResourceKey settings = new ResourceKey("", "ConfigMap", "shop", "settings");
    Plan plan =
        new Planner(true, false)
            .plan(
                comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(settings), target());
    Change.Apply apply = assertInstanceOf(Change.Apply.class, plan.changes().get(0).change());
    assertNull(apply.current());
    Executor ex = executor();
    Prepared prepared = ex.prepare(plan);
    assertTrue(prepared.ok(), prepared.failures().toString());
    assertNull(actor.configMaps().inNamespace("shop").withName("settings").get());
    Outcome out = ex.execute(prepared, Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
    assertEquals(
        "fast",
        actor.configMaps().inNamespace("shop").withName("settings").get().getData().get("mode"));
    Outcome undone =
        ex.execute(
            ex.prepare(Undo.plan(journal.last().orElseThrow(), target())), Confirmation.yes());
    assertEquals(Outcome.Status.APPLIED, undone.status(), undone.message());
    assertNull(actor.configMaps().inNamespace("shop").withName("settings").get());
  }
}
