package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.container;
import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.load;
import static io.driftscope.diff.Fixtures.resource;
import static io.driftscope.diff.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.normalize.IgnoreRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-way rule of desired mode: live-only fields count only when applied before. */
class DesiredModeTest {

  private static final String GUESTBOOK = "/spec/template/spec/containers/name=guestbook-ui";

  private static boolean hasNote(ResourceDiff d, String path, Note.Kind kind) {
    return d.notes().stream()
        .anyMatch(n -> n.kind() == kind && n.path().equals(FieldPath.parse(path)));
  }

  @Test
  void liveOnlyFieldNeverAppliedIsNotListedButNoted() {
    ResourceDiff d =
        Fixtures.diff(Mode.DESIRED, load("deployment-config.json"), load("deployment-live.json"));
    assertEquals(List.of(), d.differences());
    assertTrue(hasNote(d, GUESTBOOK + "/env/name=VAR2", Note.Kind.LIVE_ONLY));
  }

  @Test
  void sameLiveOnlyFieldIsDriftInSymmetricMode() {
    ResourceDiff d =
        Fixtures.diff(Mode.SYMMETRIC, load("deployment-config.json"), load("deployment-live.json"));
    assertEquals(List.of(GUESTBOOK + "/env/name=VAR2"), driftPaths(d));
    assertEquals(DriftStatus.ONLY_RIGHT, d.differences().get(0).status());
  }

  @Test
  void emptyParentInLastAppliedIsNoEvidence() {
    // The last-applied annotation holds "annotations": {} — a live-only annotation is still not
    // drift.
    ObjectNode live = load("deployment-live.json");
    ((ObjectNode) live.at("/metadata/annotations")).put("injected-by", "a webhook");
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, load("deployment-config.json"), live);
    assertEquals(List.of(), driftPaths(d));
    assertTrue(hasNote(d, "/metadata/annotations/injected-by", Note.Kind.LIVE_ONLY));
  }

  @Test
  void droppedFieldInLastAppliedIsDrift() {
    ObjectNode desired = load("deployment-config.json");
    ((ObjectNode) desired.get("spec")).remove("revisionHistoryLimit");
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, desired, load("deployment-live.json"));
    assertEquals(List.of("/spec/revisionHistoryLimit"), driftPaths(d));
    assertEquals(DriftStatus.ONLY_RIGHT, d.differences().get(0).status());
    assertTrue(hasNote(d, "/spec/revisionHistoryLimit", Note.Kind.APPLIED_BEFORE));
  }

  @Test
  void droppedFieldThatEqualsTheDefaultIsNotDrift() {
    // replicas 1 is in last-applied, but 1 is also what the server gives when it is dropped.
    ObjectNode desired = load("deployment-config.json");
    ((ObjectNode) desired.get("spec")).remove("replicas");
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, desired, load("deployment-live.json"));
    assertEquals(List.of(), driftPaths(d));
    assertTrue(hasNote(d, "/spec/replicas", Note.Kind.DEFAULTED));
  }

  @Test
  void applyManagerOwnershipIsEvidence() {
    ObjectNode desired = load("smd-deploy-config.yaml");
    container(desired, "nginx").remove("livenessProbe");
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, desired, load("smd-deploy-live.yaml"));
    String probe = "/spec/template/spec/containers/name=nginx/livenessProbe";
    // The Apply manager owns exec.command, initialDelaySeconds and periodSeconds; the other
    // probe fields are defaults.
    assertEquals(
        List.of(probe + "/exec/command", probe + "/initialDelaySeconds", probe + "/periodSeconds"),
        driftPaths(d));
  }

  @Test
  void ignoredManagerNeverCountsAsApplier() {
    ObjectNode desired = load("smd-deploy-config.yaml");
    ((ObjectNode) desired.at("/metadata/labels")).remove("something-else");
    ResourceDiff withApplier = Fixtures.diff(Mode.DESIRED, desired, load("smd-deploy-live.yaml"));
    assertEquals(List.of("/metadata/labels/something-else"), driftPaths(withApplier));

    IgnoreRule rule =
        new IgnoreRule(
            null,
            "Deployment",
            null,
            null,
            List.of(),
            List.of(),
            List.of("argocd-controller"),
            "",
            "--ignore-manager argocd-controller");
    ResourceDiff ignored = Fixtures.diff(Mode.DESIRED, desired, load("smd-deploy-live.yaml"), rule);
    assertEquals(List.of(), ignored.differences());
    assertTrue(hasNote(ignored, "/metadata/labels/something-else", Note.Kind.LIVE_ONLY));
  }

  @Test
  void liveOnlyKeyedEntryOwnedByApplyManagerIsDrift() {
    ObjectNode desired = load("target-deployment.yaml");
    ObjectNode live = load("live-deployment.yaml");
    // Make the janitor own an env entry the desired side does not have.
    ((ArrayNode) container(live, "guestbook-ui").get("env"))
        .addObject()
        .put("name", "EXTRA")
        .put("value", "x");
    ((ObjectNode) live.at("/metadata/managedFields/0/fieldsV1"))
        .set(
            "f:spec",
            yaml(
                """
            f:template:
              f:spec:
                f:containers:
                  k:{"name":"guestbook-ui"}:
                    f:env:
                      k:{"name":"EXTRA"}:
                        .: {}
                        f:name: {}
                        f:value: {}
            """));
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, desired, live);
    assertTrue(driftPaths(d).contains(GUESTBOOK + "/env/name=EXTRA"), driftPaths(d)::toString);
  }

  @Test
  void liveOnlyResourceNeverAppliedIsIgnored() {
    ObjectNode live = load("smd-deploy-live.yaml");
    ((ObjectNode) live.get("metadata")).remove("managedFields");
    ResourceDiff d = Fixtures.differ(Mode.DESIRED).diff(null, resource(live));
    assertEquals(DriftStatus.ONLY_RIGHT, d.status());
    assertTrue(d.ignored());
    assertFalse(d.isDrift());
    assertTrue(d.reason().contains("never applied"), d.reason());
  }

  @Test
  void liveOnlyResourceAppliedBeforeIsDrift() {
    ResourceDiff byAnnotation =
        Fixtures.differ(Mode.DESIRED).diff(null, resource("deployment-live.json"));
    assertFalse(byAnnotation.ignored());
    assertTrue(byAnnotation.isDrift());
    ResourceDiff byManager =
        Fixtures.differ(Mode.DESIRED).diff(null, resource("smd-deploy-live.yaml"));
    assertTrue(byManager.isDrift());
    IgnoreRule rule =
        new IgnoreRule(
            "*", "*", null, null, List.of(), List.of(), List.of("argocd-controller"), "", "x");
    assertTrue(
        Fixtures.differ(Mode.DESIRED, rule).diff(null, resource("smd-deploy-live.yaml")).ignored());
  }

  @Test
  void oneSidedResourcesInSymmetricModeAreDrift() {
    ResourceDiff right =
        Fixtures.differ(Mode.SYMMETRIC).diff(null, resource("smd-deploy-live.yaml"));
    assertEquals(DriftStatus.ONLY_RIGHT, right.status());
    assertFalse(right.ignored());
    ResourceDiff left =
        Fixtures.differ(Mode.DESIRED).diff(resource("smd-deploy-config.yaml"), null);
    assertEquals(DriftStatus.ONLY_LEFT, left.status());
    assertTrue(left.isDrift());
    assertEquals("v1", left.version());
  }
}
