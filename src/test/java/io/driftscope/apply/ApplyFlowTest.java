package io.driftscope.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Side;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.normalize.IgnoreRuleParser;
import io.driftscope.normalize.IgnoreRules;
import io.driftscope.source.ApplyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyFlowTest {

  static final String STAGING_API =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        labels:
          app: api
          tier: web
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
              - name: sidecar
                image: envoy:1.30
      """;

  static final String PROD_API =
      """
      # prod API: keep replicas high during the sale
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        labels:
          app: api      # owner: shop team
      spec:
        replicas: 5
        template:
          spec:
            containers:
              - name: sidecar
                image: envoy:1.30
              - name: web
                image: 'nginx:1.25'
                resources: {limits: {memory: 1Gi}}
      """;

  static final String STAGING_CONFIG =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: fast
      """;

  static final String PROD_EXTRA =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: legacy
      data:
        old: "yes"
      """;

  static final ResourceKey API = ResourceKey.parse("Deployment/api");
  static final FieldPath IMAGE = FieldPath.parse("/spec/template/spec/containers/name=web/image");

  @TempDir Path dir;

  Envs envs() throws Exception {
    return new Envs(
        dir,
        Map.of("api.yaml", STAGING_API, "settings.yaml", STAGING_CONFIG),
        Map.of("api.yaml", PROD_API, "legacy.yaml", PROD_EXTRA));
  }

  Journal journal() {
    return new Journal(dir.resolve("state/driftscope/journal.jsonl"), Clock.systemUTC());
  }

  Plan plan(Envs e, Direction d, Selection s) {
    return new Planner().plan(e.comparison.view(), d, s, e.target(d));
  }

  @Test
  void appliesOneFieldLeftToRightAndJournalsIt() throws Exception {
    try (Envs e = envs()) {
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.field(API, IMAGE));
      assertEquals(1, plan.changes().size());
      assertEquals(
          List.of("replace /spec/template/spec/containers/name=web/image nginx:1.25 → nginx:1.27"),
          plan.changes().get(0).steps().stream().map(Step::words).toList());
      // The keyed entry is addressed by its position in prod (1), guarded by a test on its name.
      assertTrue(
          plan.changes()
              .get(0)
              .exactChange()
              .contains(
                  "{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/1/name\",\"value\":\"web\"}"),
          plan.changes().get(0).exactChange());
      Journal journal = journal();
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal);
      Prepared prepared = ex.prepare(plan);
      assertTrue(prepared.ok(), prepared.failures().toString());
      assertTrue(
          prepared.previews().get(0).exactChange().contains("+          image: 'nginx:1.27'"));
      assertFalse(Files.exists(journal.file()), "a dry run journals nothing");
      Outcome out = ex.execute(prepared, Confirmation.yes());
      assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
      assertEquals(
          PROD_API.replace("'nginx:1.25'", "'nginx:1.27'"),
          Files.readString(e.right.resolve("api.yaml")));
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
      List<String> lines = Files.readAllLines(journal.file());
      assertEquals(3, lines.size());
      assertTrue(lines.get(0).startsWith("{\"type\":\"begin\",\"id\":1,"), lines.get(0));
      assertTrue(lines.get(0).contains("\"prior\":{"), "the prior state is recorded first");
      assertTrue(lines.get(1).contains("\"type\":\"done\"") && lines.get(1).contains("applied"));
      assertTrue(lines.get(2).contains("\"type\":\"end\""));
      Journal.Entry entry = journal.last().orElseThrow();
      assertEquals("prod", entry.targetLabel());
      assertEquals("prod/api.yaml.driftscope-bak", entry.changes().get(0).backup());
      e.reload();
      ResourceDiff d = find(e, API);
      assertTrue(d.differences().stream().noneMatch(x -> x.path().equals(IMAGE)));
    }
  }

  @Test
  void appliesAWholeResourceRightToLeft() throws Exception {
    try (Envs e = envs()) {
      Plan plan = plan(e, Direction.RIGHT_TO_LEFT, Selection.resource(API));
      Outcome out = run(e, Direction.RIGHT_TO_LEFT, plan);
      assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
      assertEquals(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: api
            labels:
              app: api
          spec:
            replicas: 5
            template:
              spec:
                containers:
                  - name: web
                    image: nginx:1.25
                    resources:
                      limits:
                        memory: 1Gi
                  - name: sidecar
                    image: envoy:1.30
          """,
          Files.readString(e.left.resolve("api.yaml")));
      assertTrue(plan.warnings().contains("Deployment/shop/api: replicas go up from 2 to 5"));
      e.reload();
      assertFalse(find(e, API).isDrift());
    }
  }

  @Test
  void aSubtreeCreatesAndDeletes() throws Exception {
    try (Envs e = envs()) {
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.kind(null, "ConfigMap"));
      assertEquals(
          List.of(
              "create ConfigMap/shop/settings on prod", "delete ConfigMap/shop/legacy from prod"),
          plan.changes().stream().map(c -> c.steps().get(0).words()).toList());
      assertTrue(plan.warnings().contains("deletes ConfigMap/shop/legacy from prod"));
      Outcome out = run(e, Direction.LEFT_TO_RIGHT, plan);
      assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
      assertEquals(STAGING_CONFIG, Files.readString(e.right.resolve("configmap-settings.yaml")));
      assertFalse(Files.exists(e.right.resolve("legacy.yaml")));
      assertTrue(Files.exists(e.right.resolve("legacy.yaml.driftscope-bak")));
      e.reload();
      assertTrue(
          e.comparison.view().resources().stream()
              .filter(d -> d.key().kind().equals("ConfigMap"))
              .noneMatch(ResourceDiff::isDrift));
    }
  }

  @Test
  void refusesWhenTheTargetChangedSinceItWasDiffed() throws Exception {
    try (Envs e = envs()) {
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.field(API, IMAGE));
      Path prod = e.right.resolve("api.yaml");
      String edited = Files.readString(prod).replace("'nginx:1.25'", "'nginx:1.26'");
      Files.writeString(prod, edited);
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal());
      Prepared prepared = ex.prepare(plan);
      assertTrue(prepared.changedSince());
      Outcome out = ex.execute(prepared, Confirmation.yes());
      assertEquals(Outcome.Status.REFUSED, out.status());
      assertTrue(out.message().contains("changed since you looked"), out.message());
      assertEquals(edited, Files.readString(prod));
    }
  }

  @Test
  void aPartialFailureReportsBothAndUndoCoversOnlyWhatWasApplied() throws Exception {
    try (Envs e = envs()) {
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.all());
      Journal journal = journal();
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal);
      Prepared prepared = ex.prepare(plan);
      assertTrue(prepared.ok(), prepared.failures().toString());
      // Someone edits prod's Deployment between the dry run and the apply.
      Path prod = e.right.resolve("api.yaml");
      Files.writeString(prod, Files.readString(prod).replace("replicas: 5", "replicas: 6"));
      Outcome out = ex.execute(prepared, Confirmation.yes());
      assertEquals(Outcome.Status.PARTIAL, out.status(), out.message());
      Outcome.Result failed = out.results().stream().filter(r -> !r.ok()).findFirst().orElseThrow();
      assertEquals(ApplyException.Kind.CHANGED_SINCE, failed.failure().kind());
      assertEquals(2, out.results().stream().filter(Outcome.Result::ok).count());

      Journal.Entry entry = journal.last().orElseThrow();
      assertEquals(2, entry.applied().size());
      Plan undo = Undo.plan(entry, e.target(Direction.LEFT_TO_RIGHT));
      assertEquals(2, undo.changes().size());
      assertTrue(
          undo.notes().get(0).startsWith("not undone Deployment/shop/api"),
          undo.notes().toString());
      Outcome undone = ex.execute(ex.prepare(undo), Confirmation.yes());
      assertEquals(Outcome.Status.APPLIED, undone.status(), undone.message());
      assertEquals(PROD_EXTRA, Files.readString(e.right.resolve("legacy.yaml")));
      assertFalse(Files.exists(e.right.resolve("configmap-settings.yaml")));
      assertEquals(1, journal.last().orElseThrow().undoOf());
    }
  }

  @Test
  void undoRestoresThePriorTextAndRefusesAfterAnOutsideChange() throws Exception {
    try (Envs e = envs()) {
      Journal journal = journal();
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal);
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.resource(API));
      assertEquals(
          Outcome.Status.APPLIED, ex.execute(ex.prepare(plan), Confirmation.yes()).status());
      Path prod = e.right.resolve("api.yaml");
      assertFalse(PROD_API.equals(Files.readString(prod)));

      Plan undo = Undo.plan(journal.last().orElseThrow(), e.target(Direction.LEFT_TO_RIGHT));
      Outcome out = ex.execute(ex.prepare(undo), Confirmation.yes());
      assertEquals(Outcome.Status.APPLIED, out.status(), out.message());
      assertEquals(PROD_API, Files.readString(prod));

      // Apply again, then someone edits the file: undo must refuse.
      e.reload();
      Plan again = plan(e, Direction.LEFT_TO_RIGHT, Selection.resource(API));
      assertEquals(
          Outcome.Status.APPLIED, ex.execute(ex.prepare(again), Confirmation.yes()).status());
      String outside = Files.readString(prod).replace("replicas: 2", "replicas: 3");
      Files.writeString(prod, outside);
      Plan undo2 = Undo.plan(journal.last().orElseThrow(), e.target(Direction.LEFT_TO_RIGHT));
      Prepared p2 = ex.prepare(undo2);
      assertTrue(p2.changedSince());
      Outcome refused = ex.execute(p2, Confirmation.yes());
      assertEquals(Outcome.Status.REFUSED, refused.status());
      assertTrue(refused.message().contains("changed since you looked"), refused.message());
      assertEquals(outside, Files.readString(prod));
    }
  }

  @Test
  void readOnlyAndProtectedTargets() throws Exception {
    try (Envs e = envs()) {
      Journal journal = journal();
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal);
      Target ro = e.target(Direction.LEFT_TO_RIGHT).asReadOnly();
      Plan plan =
          new Planner()
              .plan(e.comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(API), ro);
      Outcome out = ex.execute(ex.prepare(plan), Confirmation.yes());
      assertEquals(Outcome.Status.REFUSED, out.status());
      assertTrue(out.message().contains("read-only"), out.message());
      assertEquals(PROD_API, Files.readString(e.right.resolve("api.yaml")));
      assertFalse(Files.exists(journal.file()));

      Target prot = new Target(Side.RIGHT, "prod", "prod", true, false);
      Plan p =
          new Planner()
              .plan(e.comparison.view(), Direction.LEFT_TO_RIGHT, Selection.resource(API), prot);
      assertTrue(p.warnings().contains("prod is protected: type its name to confirm"));
      Prepared prepared = ex.prepare(p);
      assertEquals(Outcome.Status.REFUSED, ex.execute(prepared, Confirmation.yes()).status());
      assertEquals(
          Outcome.Status.REFUSED, ex.execute(prepared, Confirmation.typed("prd")).status());
      assertEquals(
          Outcome.Status.APPLIED, ex.execute(prepared, Confirmation.typed("prod")).status());
    }
  }

  @Test
  void aDryRunRejectionStopsTheApply() throws Exception {
    String anchored =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data: &shared
          mode: slow
        """;
    try (Envs e = new Envs(dir, Map.of("s.yaml", STAGING_CONFIG), Map.of("s.yaml", anchored))) {
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal());
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.all());
      Prepared prepared = ex.prepare(plan);
      assertFalse(prepared.ok());
      assertEquals(ApplyException.Kind.REJECTED, prepared.previews().get(0).failure().kind());
      Outcome out = ex.execute(prepared, Confirmation.yes());
      assertEquals(Outcome.Status.REFUSED, out.status());
      assertTrue(out.message().startsWith("the dry run failed: "), out.message());
      assertTrue(out.message().contains("anchor"), out.message());
    }
  }

  @Test
  void ignoredDifferencesNeedToBeChosenExplicitly() throws Exception {
    IgnoreRules rules = new IgnoreRules(List.of(IgnoreRuleParser.fromFlag("/spec/replicas")));
    try (Envs e =
        new Envs(dir, Map.of("api.yaml", STAGING_API), Map.of("api.yaml", PROD_API), rules)) {
      Plan whole = plan(e, Direction.LEFT_TO_RIGHT, Selection.resource(API));
      assertTrue(
          whole.changes().get(0).steps().stream()
              .noneMatch(s -> s.path().toString().equals("/spec/replicas")));
      assertTrue(
          whole.notes().stream().anyMatch(n -> n.contains("ignored difference")),
          whole.notes().toString());
      Plan explicit =
          plan(e, Direction.LEFT_TO_RIGHT, Selection.field(API, FieldPath.parse("/spec/replicas")));
      assertEquals(
          "replace /spec/replicas 5 → 2", explicit.changes().get(0).steps().get(0).words());
      assertTrue(explicit.warnings().contains("Deployment/shop/api: replicas go down from 5 to 2"));
      assertTrue(explicit.warnings().stream().anyMatch(w -> w.contains("is ignored")));
    }
  }

  @Test
  void secretValuesAreAppliedButNeverShown() throws Exception {
    String left =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        data:
          password: c2VjcmV0LW5ldw==
        """;
    String right = left.replace("c2VjcmV0LW5ldw==", "c2VjcmV0LW9sZA==");
    try (Envs e = new Envs(dir, Map.of("db.yaml", left), Map.of("db.yaml", right))) {
      Plan plan = plan(e, Direction.LEFT_TO_RIGHT, Selection.all());
      PlannedChange c = plan.changes().get(0);
      String shown = c.steps().get(0).words() + c.exactChange();
      assertFalse(shown.contains("c2VjcmV0"), shown);
      assertTrue(
          plan.warnings().contains("Secret/shop/db: secret values are applied but not shown"));
      Executor ex = e.executor(Direction.LEFT_TO_RIGHT, journal());
      Prepared prepared = ex.prepare(plan);
      assertFalse(prepared.previews().get(0).exactChange().contains("c2VjcmV0"));
      assertEquals(Outcome.Status.APPLIED, ex.execute(prepared, Confirmation.yes()).status());
      assertEquals(left, Files.readString(e.right.resolve("db.yaml")));
    }
  }

  @Test
  void aSessionPlansAppliesAndUndoesTheLastApply() throws Exception {
    try (Envs e = envs()) {
      ApplySession session =
          new ApplySession(
              e.target(Direction.RIGHT_TO_LEFT),
              e.leftSource.applier(),
              e.target(Direction.LEFT_TO_RIGHT),
              e.rightSource.applier(),
              journal(),
              "tester",
              new Planner());
      Prepared p =
          session.plan(e.comparison.view(), Direction.LEFT_TO_RIGHT, Selection.field(API, IMAGE));
      assertTrue(session.refusal(p, Confirmation.no()).isPresent());
      assertEquals(Outcome.Status.APPLIED, session.apply(p, Confirmation.yes()).status());
      Prepared undo = session.undo(0);
      assertEquals(1, undo.plan().undoOf());
      assertTrue(
          PlanText.lines(undo, false).get(0).startsWith("Undo apply #1 on prod"),
          PlanText.lines(undo, false).toString());
      assertEquals(Outcome.Status.APPLIED, session.apply(undo, Confirmation.yes()).status());
      assertEquals(PROD_API, Files.readString(e.right.resolve("api.yaml")));
    }
  }

  private Outcome run(Envs e, Direction d, Plan plan) {
    Executor ex = e.executor(d, journal());
    Prepared prepared = ex.prepare(plan);
    assertTrue(prepared.ok(), prepared.failures().toString());
    return ex.execute(prepared, Confirmation.yes());
  }

  private static ResourceDiff find(Envs e, ResourceKey key) {
    return e.comparison.view().resources().stream()
        .filter(d -> key.matches(d.key()))
        .findFirst()
        .orElseThrow();
  }
}
