package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.normalize.IgnoreRuleParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes say why each equal-after-rule field is equal, and the explainer turns them into lines. */
class ExplainTest {

  private static final SecretMask MASK = new SecretMask(new byte[] {1, 2, 3});
  private static final String NGINX = "/spec/template/spec/containers/name=nginx";

  private static ResourceDiff smdDeploy() {
    return Fixtures.diff(
        Mode.DESIRED, load("smd-deploy-config.yaml"), load("smd-deploy-live.yaml"));
  }

  private static Note note(ResourceDiff d, String path, Note.Kind kind) {
    return d.notes().stream()
        .filter(n -> n.kind() == kind && n.path().equals(FieldPath.parse(path)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " note at " + path + ": " + d.notes()));
  }

  @Test
  void notesCoverEveryKindOfEvidence() {
    ResourceDiff d = smdDeploy();
    assertTrue(note(d, "/status", Note.Kind.SERVER_OWNED).text().contains("status"));
    assertTrue(note(d, "/metadata/uid", Note.Kind.SERVER_OWNED).text().contains("uid"));
    assertTrue(
        note(d, "/metadata/annotations/deployment.kubernetes.io~1revision", Note.Kind.SERVER_OWNED)
            .text()
            .contains("deployment controller"));
    assertTrue(
        note(d, "/spec/revisionHistoryLimit", Note.Kind.DEFAULTED)
            .text()
            .contains("defaults table DeploymentSpec.revisionHistoryLimit"));
    assertTrue(
        note(d, NGINX + "/livenessProbe/timeoutSeconds", Note.Kind.DEFAULTED)
            .text()
            .contains("Probe.timeoutSeconds"));
    assertTrue(
        note(d, NGINX + "/ports/containerPort=80,protocol=TCP/protocol", Note.Kind.DEFAULTED)
            .text()
            .startsWith("TCP on the right side"));
    note(d, "/spec/template/spec/securityContext", Note.Kind.EMPTY);
    assertEquals(
        "applied by argocd-controller (Apply) on the right side",
        note(d, "/spec/replicas", Note.Kind.MANAGER).text());
    assertEquals(
        "owned by kube-controller-manager (Update, subresource status) on the right side",
        note(d, "/status/replicas", Note.Kind.MANAGER).text());
    ResourceDiff target =
        Fixtures.diff(Mode.DESIRED, load("target-deployment.yaml"), load("live-deployment.yaml"));
    assertTrue(
        note(
                target,
                "/spec/template/spec/containers/name=guestbook-ui/imagePullPolicy",
                Note.Kind.DEFAULTED)
            .text()
            .contains("else IfNotPresent"));
  }

  @Test
  void quantityAndKeyedListNotes() {
    ObjectNode live = load("deployment-live.json");
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, load("deployment-config.json"), live);
    note(d, "/spec/template/spec/containers/name=guestbook-ui/env", Note.Kind.KEYED_LIST);
    ObjectNode desired = load("elasticsearch-config.json");
    ((ObjectNode) desired.at("/spec/volumeClaimTemplates/0/spec/resources/requests"))
        .put("storage", "30720Mi");
    ResourceDiff es = Fixtures.diff(Mode.DESIRED, desired, load("elasticsearch-live.json"));
    assertEquals(
        "30720Mi and 30Gi are the same quantity",
        note(es, "/spec/volumeClaimTemplates/0/spec/resources/requests/storage", Note.Kind.QUANTITY)
            .text());
  }

  @Test
  void noNotesWhenNotAsked() {
    ResourceDiff d =
        new StructuralDiffer(DiffOptions.defaults().withMode(Mode.DESIRED))
            .diff(
                Fixtures.resource("smd-deploy-config.yaml"),
                Fixtures.resource("smd-deploy-live.yaml"));
    assertEquals(List.of(), d.notes());
  }

  @Test
  void explainsADefaultedField() {
    List<String> lines =
        new Explainer(MASK)
            .explain(smdDeploy(), FieldPath.parse(NGINX + "/livenessProbe/failureThreshold"));
    assertEquals(
        "Deployment.apps/default/nginx-deployment:"
            + NGINX
            + "/livenessProbe/failureThreshold: no drift",
        lines.get(0));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains(
                        "equal after defaults: 3 on the right side"
                            + " is the API server's default (defaults table Probe.failureThreshold)")),
        lines::toString);
  }

  @Test
  void explainsAnIgnoredAndAChangedField() {
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("target-deployment.yaml"),
            load("live-deployment.yaml"),
            IgnoreRuleParser.fromManagerFlag("janitor"));
    Explainer explainer = new Explainer(MASK);
    List<String> ignored =
        explainer.explain(d, FieldPath.parse("/metadata/annotations/iksm-version"));
    assertTrue(
        ignored.get(0).endsWith(": no drift (the differences are ignored)"), ignored::toString);
    assertTrue(
        ignored
            .get(1)
            .contains(
                "changed from 1.0 (left) to 2.0 (right); not drift,"
                    + " ignored by rule 1 (--ignore-manager janitor)"),
        ignored::toString);
    assertTrue(ignored.stream().anyMatch(l -> l.contains("manager: applied by janitor (Apply)")));
    List<String> replicas = explainer.explain(d, FieldPath.parse("/spec/replicas"));
    assertTrue(replicas.get(0).endsWith("/spec/replicas: drift"));
    assertTrue(replicas.get(1).contains("changed from 1 (left) to 4 (right); drift"));
    List<String> whole = explainer.explain(d, FieldPath.ROOT);
    assertEquals("Deployment.apps/default/kustomize-guestbook-ui: changed: drift", whole.get(0));
  }

  @Test
  void explainsALiveOnlyFieldAndAPlainEqualOne() {
    ResourceDiff d =
        Fixtures.diff(Mode.DESIRED, load("deployment-config.json"), load("deployment-live.json"));
    List<String> lines =
        new Explainer(MASK)
            .explain(
                d,
                FieldPath.parse("/spec/template/spec/containers/name=guestbook-ui/env/name=VAR2"));
    assertTrue(lines.stream().anyMatch(l -> l.contains("live-only, not drift")), lines::toString);
    List<String> image =
        new Explainer(MASK)
            .explain(d, FieldPath.parse("/spec/template/spec/containers/name=guestbook-ui/image"));
    assertEquals(
        "  /spec/template/spec/containers/name=guestbook-ui/image: equal on both sides:"
            + " gcr.io/heptio-images/ks-guestbook-demo:0.2",
        image.get(1));
  }

  @Test
  void secretValuesAreMaskedInExplanations() {
    ObjectNode left =
        Fixtures.yaml(
            "{apiVersion: v1, kind: Secret, metadata: {name: db}, data: {password: czNjcmV0}}");
    ObjectNode right =
        Fixtures.yaml(
            "{apiVersion: v1, kind: Secret, metadata: {name: db}, data: {password: b3RoZXI=}}");
    ResourceDiff d = Fixtures.diff(Mode.SYMMETRIC, left, right);
    List<String> lines = new Explainer(MASK).explain(d, FieldPath.parse("/data/password"));
    String all = String.join("\n", lines);
    assertFalse(all.contains("czNjcmV0") || all.contains("b3RoZXI="), all);
    assertTrue(all.contains(MASK.mask("czNjcmV0")), all);
  }

  @Test
  void secretMask() {
    SecretMask a = new SecretMask(new byte[] {1});
    assertEquals(a.mask("x"), a.mask("x"));
    assertNotEquals(a.mask("x"), a.mask("y"));
    assertNotEquals(a.mask("x"), new SecretMask(new byte[] {2}).mask("x"));
    assertTrue(a.mask("x").matches("sha256:[0-9a-f]{12}"));
    ResourceKey secret = new ResourceKey("", "Secret", "shop", "db");
    assertTrue(SecretMask.isSecretValue(secret, FieldPath.parse("/data/password")));
    assertTrue(SecretMask.isSecretValue(secret, FieldPath.parse("/stringData/password")));
    assertFalse(SecretMask.isSecretValue(secret, FieldPath.parse("/metadata/name")));
    assertFalse(
        SecretMask.isSecretValue(
            new ResourceKey("", "ConfigMap", "shop", "db"), FieldPath.parse("/data/password")));
    assertEquals(7 + 12, SecretMask.withRandomSalt().mask("v").length());
  }
}
