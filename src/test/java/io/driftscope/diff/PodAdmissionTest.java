package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.diff;
import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bare Pod as the API server stores it: requests defaulted from limits, the service account token
 * volume and the default tolerations added by admission. None of that is drift, in either mode and
 * between two clusters; a real change next to it still is, at its path.
 */
class PodAdmissionTest {

  static final String DESIRED =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers:
        - name: web
          image: nginx:1.27
          resources:
            limits: {cpu: 500m, memory: 128Mi}
        initContainers:
        - name: init
          image: busybox:1.36
          resources:
            limits: {memory: 64Mi}
            requests: {cpu: 50m}
      """;

  /**
   * {@link #DESIRED} as a cluster returns it, its token volume named {@code kube-api-access-ID}.
   */
  static String live(String id) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          uid: 7c4e2a8e-1111-2222-3333-444455556666
          resourceVersion: "1234"
          creationTimestamp: "2025-01-06T10:03:20Z"
        spec:
          containers:
          - name: web
            image: nginx:1.27
            imagePullPolicy: IfNotPresent
            resources:
              limits: {cpu: 500m, memory: 128Mi}
              requests: {cpu: 500m, memory: 128Mi}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
            volumeMounts:
            - {mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: kube-api-access-ID, readOnly: true}
          initContainers:
          - name: init
            image: busybox:1.36
            imagePullPolicy: IfNotPresent
            resources:
              limits: {memory: 64Mi}
              requests: {cpu: 50m, memory: 64Mi}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
            volumeMounts:
            - {mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: kube-api-access-ID, readOnly: true}
          dnsPolicy: ClusterFirst
          enableServiceLinks: true
          nodeName: node-ID
          preemptionPolicy: PreemptLowerPriority
          priority: 0
          restartPolicy: Always
          schedulerName: default-scheduler
          securityContext: {}
          serviceAccount: default
          serviceAccountName: default
          terminationGracePeriodSeconds: 30
          tolerations:
          - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
          - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}
          volumes:
          - name: kube-api-access-ID
            projected:
              defaultMode: 420
              sources:
              - serviceAccountToken: {expirationSeconds: 3607, path: token}
              - configMap:
                  name: kube-root-ca.crt
                  items: [{key: ca.crt, path: ca.crt}]
              - downwardAPI:
                  items:
                  - fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}
                    path: namespace
        status:
          phase: Running
        """
        .replace("ID", id);
  }

  @Test
  void whatCreationAddsToAPodIsNotDrift() {
    for (Mode mode : Mode.values()) {
      ResourceDiff d = diff(mode, yaml(DESIRED), yaml(live("x7k2p")));
      assertEquals(DriftStatus.SAME, d.status(), mode + ": " + d.differences());
    }
  }

  @Test
  void twoClustersPodsDifferOnlyInWhatAdmissionNamedAtRandom() {
    ResourceDiff d = diff(Mode.SYMMETRIC, yaml(live("x7k2p")), yaml(live("q9z4m")));
    assertEquals(DriftStatus.SAME, d.status(), d.differences().toString());
  }

  @Test
  void realChangesBesideThemAreDriftAtTheirPaths() {
    ObjectNode live = yaml(live("x7k2p"));
    ObjectNode web = (ObjectNode) live.at("/spec/containers/0");
    ((ObjectNode) web.get("resources").get("requests")).put("cpu", "250m");
    ((ObjectNode) live.at("/spec/tolerations/0")).put("tolerationSeconds", 60);
    ((com.fasterxml.jackson.databind.node.ArrayNode) web.get("volumeMounts"))
        .addObject()
        .put("name", "cache")
        .put("mountPath", "/cache");
    ((com.fasterxml.jackson.databind.node.ArrayNode) live.get("spec").get("volumes"))
        .addObject()
        .put("name", "cache")
        .putObject("emptyDir");
    for (Mode mode : Mode.values()) {
      ResourceDiff d = diff(mode, yaml(DESIRED), live);
      List<String> paths = driftPaths(d);
      assertTrue(
          paths.contains("/spec/containers/name=web/resources/requests/cpu"), mode + " " + paths);
      // Desired mode: what the manifest never wrote (tolerations, volumes) is the live side's.
      if (mode == Mode.SYMMETRIC) {
        assertTrue(paths.contains("/spec/tolerations"), mode + " " + paths);
        assertTrue(
            paths.contains("/spec/containers/name=web/volumeMounts/mountPath=~1cache"),
            mode + " " + paths);
        assertTrue(paths.contains("/spec/volumes/name=cache"), mode + " " + paths);
      }
    }
  }

  @Test
  void aWorkloadsPodTemplateKeepsWhatWasWritten() {
    // Requests are defaulted from limits on Pods only: in a Deployment's template, a request the
    // live side has and the manifest does not was set by someone.
    String desired =
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
                image: nginx:1.27
                resources:
                  limits: {cpu: 500m}
        """;
    String live =
        desired
            .replace("limits: {cpu: 500m}", "{limits: {cpu: 500m}, requests: {cpu: 500m}}")
            .replace("resources:\n                  {", "resources: {");
    ResourceDiff d = diff(Mode.SYMMETRIC, yaml(desired), yaml(live));
    assertEquals(
        List.of("/spec/template/spec/containers/name=web/resources/requests/cpu"), driftPaths(d));
  }
}
