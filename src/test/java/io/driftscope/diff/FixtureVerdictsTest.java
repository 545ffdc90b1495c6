package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.normalize.IgnoreRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdicts SOURCES.md states for every fixture pair, in desired mode (desired = left). */
class FixtureVerdictsTest {

  static Stream<Arguments> inSyncPairs() {
    return Stream.of(
        Arguments.of("deployment-config.json", "deployment-live.json"),
        Arguments.of("elasticsearch-config.json", "elasticsearch-live.json"),
        Arguments.of("smd-deploy-config.yaml", "smd-deploy-live.yaml"),
        Arguments.of("mutatingwebhookconfig-config.json", "mutatingwebhookconfig-live.json"));
  }

  @ParameterizedTest(name = "{0} vs {1} is in sync")
  @MethodSource("inSyncPairs")
  void notModifiedPairsAreSame(String desired, String live) {
    ResourceDiff d = Fixtures.diff(Mode.DESIRED, load(desired), load(live));
    assertEquals(List.of(), driftPaths(d), () -> "differences: " + d.differences());
    assertEquals(DriftStatus.SAME, d.status());
    assertFalse(d.isDrift());
  }

  @Test
  void smdServiceDiffersOnlyAtTheRtmpTargetPort() {
    ResourceDiff d =
        Fixtures.diff(Mode.DESIRED, load("smd-service-config.yaml"), load("smd-service-live.yaml"));
    assertEquals(List.of("/spec/ports/port=1935,protocol=TCP/targetPort"), driftPaths(d));
    Difference only = d.drifted().get(0);
    assertEquals(DriftStatus.CHANGED, only.status());
    assertEquals(1936, only.left().intValue());
    assertEquals(1935, only.right().intValue());
    assertEquals(DriftStatus.CHANGED, d.status());
  }

  @Test
  void targetDeploymentDiffersAtReplicasAndTheAnnotation() {
    ResourceDiff d =
        Fixtures.diff(Mode.DESIRED, load("target-deployment.yaml"), load("live-deployment.yaml"));
    assertEquals(List.of("/metadata/annotations/iksm-version", "/spec/replicas"), driftPaths(d));
    assertTrue(d.drifted().stream().allMatch(x -> x.status() == DriftStatus.CHANGED));
  }

  @Test
  void janitorRuleIgnoresTheAnnotationItOwns() {
    IgnoreRule janitor =
        new IgnoreRule(
            "*",
            "*",
            null,
            null,
            List.of(),
            List.of(),
            List.of("janitor"),
            "the janitor bumps it",
            "driftscope.yaml:3");
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED, load("target-deployment.yaml"), load("live-deployment.yaml"), janitor);
    assertEquals(List.of("/spec/replicas"), driftPaths(d));
    Difference annotation =
        d.differences().stream()
            .filter(x -> x.path().equals(FieldPath.parse("/metadata/annotations/iksm-version")))
            .findFirst()
            .orElseThrow();
    assertEquals(DriftStatus.IGNORED, annotation.status());
    assertEquals(DriftStatus.CHANGED, annotation.underlying());
    assertEquals(
        "ignored by rule 1 (driftscope.yaml:3): the janitor bumps it", annotation.reason());
    assertEquals(DriftStatus.CHANGED, d.status());
  }

  @Test
  void envVarsPairDriftsUnderEnv() {
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("target-deployment-env-vars.yaml"),
            load("live-deployment-env-vars.yaml"));
    String env = "/spec/template/spec/containers/name=guestbook-ui/env";
    // The live object of this pair also carries the janitor's iksm-version 2.0.
    assertEquals(
        List.of(
            "/metadata/annotations/iksm-version",
            "/spec/replicas",
            env + "/name=SOME_ENV_VAR/value",
            env + "/name=SOME_OTHER_ENV_VAR",
            env + "/name=YET_ANOTHER_ENV_VAR"),
        driftPaths(d));
    assertEquals(DriftStatus.CHANGED, d.drifted().get(2).status());
    assertEquals(DriftStatus.ONLY_LEFT, d.drifted().get(3).status());
    assertEquals("some_other_value", d.drifted().get(3).left().path("value").asText());
  }

  @Test
  void envVarsPairWithArgosJqRuleKeepsLivesValueForTheSelectedEntry() {
    IgnoreRule jq =
        new IgnoreRule(
            "apps",
            "Deployment",
            null,
            null,
            List.of(),
            List.of(".spec.template.spec.containers[].env[] | select(.name == \"SOME_ENV_VAR\")"),
            List.of(),
            "",
            "driftscope.yaml:7");
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("target-deployment-env-vars.yaml"),
            load("live-deployment-env-vars.yaml"),
            jq);
    String env = "/spec/template/spec/containers/name=guestbook-ui/env";
    assertEquals(
        List.of(
            "/metadata/annotations/iksm-version",
            "/spec/replicas",
            env + "/name=SOME_OTHER_ENV_VAR",
            env + "/name=YET_ANOTHER_ENV_VAR"),
        driftPaths(d));
    Difference value = d.differences().get(2);
    assertEquals(env + "/name=SOME_ENV_VAR/value", value.path().toString());
    assertEquals(DriftStatus.IGNORED, value.status());
    assertEquals("ignored by rule 1 (driftscope.yaml:7)", value.reason());
  }
}
