package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.DriftStatus;
import io.driftscope.normalize.IgnoreRule;
import io.driftscope.normalize.IgnoreRuleParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ignore rules keep differences listed, marked ignored with the rule's origin and reason. */
class IgnoreRulesTest {

  private static final String ENV = "/spec/template/spec/containers/name=guestbook-ui/env";

  private static IgnoreRule pointers(String group, String kind, String... p) {
    return new IgnoreRule(group, kind, null, null, List.of(p), List.of(), List.of(), "", "test");
  }

  private static ResourceDiff targetVsLive(IgnoreRule... rules) {
    return Fixtures.diff(
        Mode.DESIRED, load("target-deployment.yaml"), load("live-deployment.yaml"), rules);
  }

  static Stream<Arguments> rulesAndRemainingDrift() {
    return Stream.of(
        Arguments.of(
            "no rule", List.of(), List.of("/metadata/annotations/iksm-version", "/spec/replicas")),
        Arguments.of(
            "pointer, any kind",
            List.of(IgnoreRuleParser.fromFlag("/spec/replicas")),
            List.of("/metadata/annotations/iksm-version")),
        Arguments.of(
            "pointer, kind in any group",
            List.of(IgnoreRuleParser.fromFlag("Deployment:/spec/replicas")),
            List.of("/metadata/annotations/iksm-version")),
        Arguments.of(
            "pointer, group and kind",
            List.of(IgnoreRuleParser.fromFlag("apps/Deployment:/spec/replicas")),
            List.of("/metadata/annotations/iksm-version")),
        Arguments.of(
            "pointer, other kind",
            List.of(pointers(null, "Service", "/spec/replicas")),
            List.of("/metadata/annotations/iksm-version", "/spec/replicas")),
        Arguments.of(
            "pointer, core group does not match apps",
            List.of(pointers("", "Deployment", "/spec/replicas")),
            List.of("/metadata/annotations/iksm-version", "/spec/replicas")),
        Arguments.of(
            "escaped pointer to an annotation",
            List.of(pointers("*", "*", "/metadata/annotations/iksm-version")),
            List.of("/spec/replicas")),
        Arguments.of(
            "an ancestor ignores everything below",
            List.of(pointers("*", "*", "/metadata"), pointers("*", "*", "/spec")),
            List.of()),
        Arguments.of(
            "manager flag",
            List.of(IgnoreRuleParser.fromManagerFlag("janitor")),
            List.of("/spec/replicas")),
        Arguments.of(
            "name and namespace must match",
            List.of(
                new IgnoreRule(
                    null,
                    "Deployment",
                    "other",
                    "kustomize-guestbook-ui",
                    List.of("/spec/replicas"),
                    List.of(),
                    List.of(),
                    "",
                    "t")),
            List.of("/metadata/annotations/iksm-version", "/spec/replicas")),
        Arguments.of(
            "jq on a scalar",
            List.of(
                new IgnoreRule(
                    null,
                    null,
                    "default",
                    "kustomize-guestbook-ui",
                    List.of(),
                    List.of(".spec.replicas"),
                    List.of(),
                    "",
                    "t")),
            List.of("/metadata/annotations/iksm-version")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAndRemainingDrift")
  void ignoresWhatTheRuleSelects(String name, List<IgnoreRule> rules, List<String> drift) {
    ResourceDiff d = targetVsLive(rules.toArray(IgnoreRule[]::new));
    assertEquals(drift, driftPaths(d));
    assertEquals(2, d.differences().size(), "ignored differences stay listed");
    assertEquals(drift.isEmpty() ? DriftStatus.SAME : DriftStatus.CHANGED, d.status());
  }

  @Test
  void reasonNamesRuleNumberOriginAndReason() {
    IgnoreRule first = IgnoreRuleParser.fromFlag("Service:/spec/ports");
    IgnoreRule second =
        new IgnoreRule(
            null,
            "Deployment",
            null,
            null,
            List.of("/spec/replicas"),
            List.of(),
            List.of(),
            "replicas are managed by the HPA",
            "driftscope.yaml:14");
    ResourceDiff d = targetVsLive(first, second);
    Difference replicas = d.differences().get(1);
    assertEquals(DriftStatus.IGNORED, replicas.status());
    assertEquals(DriftStatus.CHANGED, replicas.underlying());
    assertEquals(
        "ignored by rule 2 (driftscope.yaml:14): replicas are managed by the HPA",
        replicas.reason());
    assertTrue(
        d.notes().stream()
            .anyMatch(
                n ->
                    n.kind() == Note.Kind.IGNORED && n.path().toString().equals("/spec/replicas")));
  }

  @Test
  void numericPointerSegmentsMapToTheEntrysKey() {
    // Index 2 of the desired env list is SOME_ENV_VAR; the live list has no index 2.
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("target-deployment-env-vars.yaml"),
            load("live-deployment-env-vars.yaml"),
            pointers("apps", "Deployment", "/spec/template/spec/containers/0/env/2"));
    Difference value =
        d.differences().stream()
            .filter(x -> x.path().toString().equals(ENV + "/name=SOME_ENV_VAR/value"))
            .findFirst()
            .orElseThrow();
    assertEquals(DriftStatus.IGNORED, value.status());
    assertTrue(driftPaths(d).contains(ENV + "/name=SOME_OTHER_ENV_VAR"));
  }

  @Test
  void keyedPointerAsPrintedByDiff() {
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("smd-service-config.yaml"),
            load("smd-service-live.yaml"),
            IgnoreRuleParser.fromFlag("Service:/spec/ports/port=1935,protocol=TCP/targetPort"));
    assertEquals(List.of(), driftPaths(d));
    assertEquals(DriftStatus.SAME, d.status());
    assertEquals(1, d.differences().size());
  }

  @Test
  void jqSelectingAListEntryIgnoresTheEntry() {
    IgnoreRule jq =
        new IgnoreRule(
            null,
            "Deployment",
            null,
            null,
            List.of(),
            List.of(".spec.template.spec.containers[] | select(.name == \"guestbook-ui\") | .env"),
            List.of(),
            "",
            "t");
    ResourceDiff d =
        Fixtures.diff(
            Mode.DESIRED,
            load("target-deployment-env-vars.yaml"),
            load("live-deployment-env-vars.yaml"),
            jq);
    assertEquals(List.of("/metadata/annotations/iksm-version", "/spec/replicas"), driftPaths(d));
  }

  @Test
  void badJqInARuleBuiltByHandFailsWhenTheDifferIsBuilt() {
    IgnoreRule bad =
        new IgnoreRule(null, null, null, null, List.of(), List.of(".spec["), List.of(), "", "x:1");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fixtures.differ(Mode.DESIRED, bad));
    assertTrue(e.getMessage().startsWith("x:1: cannot parse '.spec['"), e.getMessage());
  }
}
