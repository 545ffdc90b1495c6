package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes tables at work: per-version defaults, server-owned rows, structural types. */
class KubernetesRulesTest {

  private static final String WEB_POD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: nginx
                volumeMounts:
                  - {name: data, mountPath: /data}
      """;

  @Test
  void pathEscapingInKeyedSegments() {
    ObjectNode right = yaml(WEB_POD);
    ((ObjectNode) right.at("/spec/template/spec/containers/0/volumeMounts/0"))
        .put("readOnly", true);
    ResourceDiff d = Fixtures.diff(Mode.SYMMETRIC, yaml(WEB_POD), right);
    assertEquals(
        List.of("/spec/template/spec/containers/name=web/volumeMounts/mountPath=~1data/readOnly"),
        driftPaths(d));
    assertEquals(
        d.differences().get(0).path(),
        FieldPath.parse(
            "/spec/template/spec/containers/name=web/volumeMounts/mountPath=~1data/readOnly"));
  }

  @Test
  void untaggedImageDefaultsToAlwaysPull() {
    ObjectNode live = yaml(WEB_POD);
    ((ObjectNode) live.at("/spec/template/spec/containers/0")).put("imagePullPolicy", "Always");
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(WEB_POD), live)));
    ((ObjectNode) live.at("/spec/template/spec/containers/0"))
        .put("imagePullPolicy", "IfNotPresent");
    assertEquals(
        List.of("/spec/template/spec/containers/name=web/imagePullPolicy"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(WEB_POD), live)));
  }

  @Test
  void appsV1beta1AndAppsV1DefaultDifferently() {
    String v1beta1 = WEB_POD.replace("apps/v1", "apps/v1beta1");
    ObjectNode live2 = yaml(v1beta1);
    ((ObjectNode) live2.get("spec")).put("revisionHistoryLimit", 2);
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(v1beta1), live2)));
    ObjectNode live10 = yaml(WEB_POD);
    ((ObjectNode) live10.get("spec")).put("revisionHistoryLimit", 10);
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(WEB_POD), live10)));
    ((ObjectNode) live2.get("spec")).put("revisionHistoryLimit", 10);
    assertEquals(
        List.of("/spec/revisionHistoryLimit"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(v1beta1), live2)));
  }

  @Test
  void statefulSetUpdateStrategyDefaultsPerVersion() {
    String sts =
        """
        apiVersion: apps/VERSION
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          template: {spec: {containers: [{name: db, image: "postgres:16"}]}}
        """;
    ObjectNode v1Live = yaml(sts.replace("VERSION", "v1"));
    ((ObjectNode) v1Live.get("spec"))
        .set("updateStrategy", yaml("{type: RollingUpdate, rollingUpdate: {partition: 0}}"));
    assertEquals(
        List.of(),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(sts.replace("VERSION", "v1")), v1Live)));
    ObjectNode betaLive = yaml(sts.replace("VERSION", "v1beta1"));
    ((ObjectNode) betaLive.get("spec")).set("updateStrategy", yaml("{type: OnDelete}"));
    assertEquals(
        List.of(),
        driftPaths(
            Fixtures.diff(Mode.SYMMETRIC, yaml(sts.replace("VERSION", "v1beta1")), betaLive)));
    assertEquals(
        List.of("/spec/updateStrategy/type"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(sts.replace("VERSION", "v1")), betaLive)));
  }

  @Test
  void customResourcePodTemplateIsRecognisedStructurally() {
    String rollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          strategy: {canary: {steps: [{setWeight: 20}]}}
          template:
            spec:
              containers:
                - {name: web, image: "nginx:1.25", ports: [{containerPort: 80}]}
                - {name: proxy, image: "envoy:1.30"}
        """;
    ObjectNode live = yaml(rollout);
    BenignRewritesTest.reverse(
        (com.fasterxml.jackson.databind.node.ArrayNode) live.at("/spec/template/spec/containers"));
    ((ObjectNode) live.at("/spec/template/spec/containers/1"))
        .put("imagePullPolicy", "IfNotPresent")
        .put("terminationMessagePath", "/dev/termination-log");
    ((ObjectNode) live.at("/spec/template/spec/containers/1/ports/0")).put("protocol", "TCP");
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(rollout), live)));
    ((ObjectNode) live.at("/spec/template/spec/containers/1")).put("image", "nginx:1.26");
    assertEquals(
        List.of("/spec/template/spec/containers/name=web/image"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(rollout), live)));
    // Lists without a merge key in a custom resource compare by position.
    ((ObjectNode) live.at("/spec/strategy/canary/steps/0")).put("setWeight", 30);
    assertTrue(
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(rollout), live))
            .contains("/spec/strategy/canary/steps/0/setWeight"));
  }

  @Test
  void headlessServiceClusterIpIsCompared() {
    String svc =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec:
          clusterIP: CLUSTER_IP
          ports: [{port: 5432}]
        """;
    ObjectNode headless = yaml(svc.replace("CLUSTER_IP", "None"));
    ObjectNode allocated = yaml(svc.replace("CLUSTER_IP", "10.0.0.12"));
    assertEquals(
        List.of("/spec/clusterIP"), driftPaths(Fixtures.diff(Mode.SYMMETRIC, headless, allocated)));
    ObjectNode other = yaml(svc.replace("CLUSTER_IP", "10.9.9.9"));
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, allocated, other)));
    // In desired mode a chosen clusterIP that differs is drift.
    assertEquals(
        List.of("/spec/clusterIP"), driftPaths(Fixtures.diff(Mode.DESIRED, other, allocated)));
  }

  @Test
  void aggregatedClusterRoleRulesAreServerOwned() {
    String role =
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: monitoring}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}}]
        rules: []
        """;
    ObjectNode live = yaml(role);
    live.set(
        "rules", Fixtures.yamlValue("[{apiGroups: [''], resources: [pods], verbs: [get, list]}]"));
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(role), live)));
    ObjectNode plain = yaml(role);
    plain.remove("aggregationRule");
    ObjectNode plainLive = live.deepCopy();
    plainLive.remove("aggregationRule");
    assertEquals(List.of("/rules/0"), driftPaths(Fixtures.diff(Mode.SYMMETRIC, plain, plainLive)));
  }

  @Test
  void secretStringDataIsFoldedIntoData() {
    ObjectNode desired =
        yaml(
            "{apiVersion: v1, kind: Secret, metadata: {name: db}, stringData: {password: s3cret}}");
    ObjectNode live =
        yaml(
            "{apiVersion: v1, kind: Secret, metadata: {name: db}, type: Opaque,"
                + " data: {password: czNjcmV0}}");
    ResourceDiff same = Fixtures.diff(Mode.DESIRED, desired, live);
    assertEquals(List.of(), driftPaths(same));
    assertTrue(same.notes().stream().noneMatch(n -> n.text().contains("s3cret")));
    ((ObjectNode) live.get("data")).put("password", "b3RoZXI=");
    ResourceDiff changed = Fixtures.diff(Mode.DESIRED, desired, live);
    assertEquals(List.of("/data/password"), driftPaths(changed));
    assertTrue(
        changed.notes().stream()
            .noneMatch(n -> n.text().contains("s3cret") || n.text().contains("czNjcmV0")));
  }

  @Test
  void jobSelectorAndControllerLabelsAreAllocated() {
    String job =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: "app:1"}]
        """;
    ObjectNode live = yaml(job);
    ObjectNode spec = (ObjectNode) live.get("spec");
    spec.put("backoffLimit", 6)
        .put("completions", 1)
        .put("parallelism", 1)
        .put("completionMode", "NonIndexed")
        .put("suspend", false);
    spec.set("selector", yaml("{matchLabels: {batch.kubernetes.io/controller-uid: abc}}"));
    ((ObjectNode) spec.get("template"))
        .set(
            "metadata",
            yaml(
                "{labels: {batch.kubernetes.io/controller-uid: abc, job-name: migrate,"
                    + " controller-uid: abc, batch.kubernetes.io/job-name: migrate}}"));
    ObjectNode other = live.deepCopy();
    ((ObjectNode) other.at("/spec/selector/matchLabels"))
        .put("batch.kubernetes.io/controller-uid", "def");
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(job), live)));
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, live, other)));
  }

  @Test
  void hpaV2DefaultsIncludingBehavior() {
    String hpa =
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          behavior: {scaleDown: {stabilizationWindowSeconds: 60}}
        """;
    ObjectNode live = yaml(hpa);
    ObjectNode spec = (ObjectNode) live.get("spec");
    spec.put("minReplicas", 1);
    spec.set(
        "metrics",
        Fixtures.yamlValue(
            "[{type: Resource, resource: {name: cpu,"
                + " target: {type: Utilization, averageUtilization: 80}}}]"));
    spec.set(
        "behavior",
        yaml(
            """
        scaleDown:
          stabilizationWindowSeconds: 60
          selectPolicy: Max
          policies: [{type: Percent, value: 100, periodSeconds: 15}]
        scaleUp:
          stabilizationWindowSeconds: 0
          selectPolicy: Max
          policies:
            - {type: Pods, value: 4, periodSeconds: 15}
            - {type: Percent, value: 100, periodSeconds: 15}
        """));
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(hpa), live)));
    ((ObjectNode) live.at("/spec/behavior/scaleUp")).put("selectPolicy", "Min");
    assertEquals(
        List.of("/spec/behavior/scaleUp/selectPolicy"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(hpa), live)));
  }

  @Test
  void webhookV1DefaultsDifferFromV1beta1() {
    String hook =
        """
        apiVersion: admissionregistration.k8s.io/VERSION
        kind: ValidatingWebhookConfiguration
        metadata: {name: policy}
        webhooks:
          - name: policy.example.com
            clientConfig: {service: {name: policy, namespace: system}}
            sideEffects: None
            admissionReviewVersions: [v1]
        """;
    ObjectNode v1Live = yaml(hook.replace("VERSION", "v1"));
    ((ObjectNode) v1Live.at("/webhooks/0"))
        .put("failurePolicy", "Fail")
        .put("matchPolicy", "Equivalent")
        .put("timeoutSeconds", 10);
    ((ObjectNode) v1Live.at("/webhooks/0/clientConfig/service")).put("port", 443);
    assertEquals(
        List.of(),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, yaml(hook.replace("VERSION", "v1")), v1Live)));
    ObjectNode betaDesired = yaml(hook.replace("VERSION", "v1beta1"));
    ObjectNode betaLive = v1Live.deepCopy();
    betaLive.put("apiVersion", "admissionregistration.k8s.io/v1beta1");
    assertEquals(
        List.of(
            "/webhooks/name=policy.example.com/failurePolicy",
            "/webhooks/name=policy.example.com/matchPolicy",
            "/webhooks/name=policy.example.com/timeoutSeconds"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, betaDesired, betaLive)));
  }

  @Test
  void namespaceIsNotCompared() {
    ObjectNode other = yaml(WEB_POD);
    ((ObjectNode) other.get("metadata")).put("namespace", "shop-prod");
    ResourceDiff d = Fixtures.diff(Mode.SYMMETRIC, yaml(WEB_POD), other);
    assertEquals(DriftStatus.SAME, d.status());
    assertEquals(List.of(), d.differences());
  }

  @Test
  void longKeyedListsPairByKey() {
    ObjectNode left = yaml(WEB_POD);
    ObjectNode right = yaml(WEB_POD);
    com.fasterxml.jackson.databind.node.ArrayNode le =
        ((ObjectNode) left.at("/spec/template/spec/containers/0")).putArray("env");
    com.fasterxml.jackson.databind.node.ArrayNode re =
        ((ObjectNode) right.at("/spec/template/spec/containers/0")).putArray("env");
    for (int i = 0; i < 40; i++) {
      le.addObject().put("name", "V" + i).put("value", "x" + i);
      re.insert(0, Json.NODES.objectNode().put("name", "V" + i).put("value", "x" + i));
    }
    assertEquals(List.of(), driftPaths(Fixtures.diff(Mode.SYMMETRIC, left, right)));
    ((ObjectNode) re.get(3)).put("value", "changed");
    assertEquals(
        List.of("/spec/template/spec/containers/name=web/env/name=V36/value"),
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, left, right)));
    re.add(Json.NODES.objectNode().put("name", "V1").put("value", "dup"));
    // A repeated key cannot pair by key: the list compares by position instead.
    assertTrue(
        driftPaths(Fixtures.diff(Mode.SYMMETRIC, left, right))
            .get(0)
            .startsWith("/spec/template/spec/containers/name=web/env/"));
  }
}
