package io.driftscope.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IgnoreRuleParserTest {

  private static JsonNode node(String yaml) throws Exception {
    return new YAMLMapper().readTree(yaml);
  }

  @Test
  void readsAnArgoShapedRuleWithItsOrigin() throws Exception {
    JsonNode rule =
        node(
            """
            group: apps
            kind: Deployment
            name: web
            jsonPointers: [/spec/replicas]
            jqPathExpressions: ['.spec.template.spec.containers[] | select(.name == "x")']
            managedFieldsManagers: [kube-controller-manager]
            reason: replicas are managed by the HPA
            """);
    List<IgnoreRule> rules =
        IgnoreRuleParser.fromConfig(
            List.of(new IgnoreRuleParser.Located(rule, 14)), "driftscope.yaml");
    IgnoreRule r = rules.get(0);
    assertEquals("apps", r.group());
    assertEquals("Deployment", r.kind());
    assertEquals("web", r.name());
    assertNull(r.namespace());
    assertEquals(List.of("/spec/replicas"), r.jsonPointers());
    assertEquals(List.of("kube-controller-manager"), r.managedFieldsManagers());
    assertEquals("replicas are managed by the HPA", r.reason());
    assertEquals("driftscope.yaml:14", r.origin());
  }

  static Stream<Arguments> badRules() {
    return Stream.of(
        Arguments.of(
            "kind: Deployment\njqPathExpressions: ['.spec[']",
            "driftscope.yaml:14: jqPathExpressions[0]: cannot parse '.spec[': "),
        Arguments.of(
            "kind: Deployment\njsonPointers: [spec/replicas]",
            "driftscope.yaml:14: jsonPointers[0]: 'spec/replicas' is not a JSON pointer"),
        Arguments.of(
            "kind: Deployment\njsonPointers: ['/a~2b']",
            "driftscope.yaml:14: jsonPointers[0]: '/a~2b' has a bad escape"),
        Arguments.of(
            "kind: Deployment\njsonPointer: [/spec]",
            "driftscope.yaml:14: unknown key 'jsonPointer' in an ignore rule"),
        Arguments.of("kind: Deployment", "driftscope.yaml:14: the rule ignores nothing"),
        Arguments.of(
            "kind: Deployment\njsonPointers: /spec/replicas",
            "driftscope.yaml:14: jsonPointers: expected a list"),
        Arguments.of("[a, b]", "driftscope.yaml:14: an ignore rule is a map"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRules")
  void badRulesSayWhatAndWhere(String yaml, String message) throws Exception {
    JsonNode rule = node(yaml);
    IgnoreRuleException e =
        assertThrows(
            IgnoreRuleException.class,
            () -> IgnoreRuleParser.fromConfig(rule, "driftscope.yaml", 14));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals("driftscope.yaml:14", e.location());
  }

  @Test
  void ignoreFlagForEveryKind() {
    IgnoreRule r = IgnoreRuleParser.fromFlag("/spec/replicas");
    assertEquals("*", r.group());
    assertEquals("*", r.kind());
    assertEquals(List.of("/spec/replicas"), r.jsonPointers());
    assertEquals("--ignore /spec/replicas", r.origin());
  }

  @Test
  void ignoreFlagForOneKindWithAndWithoutGroup() {
    IgnoreRule any = IgnoreRuleParser.fromFlag("Deployment:/spec/replicas");
    assertEquals("*", any.group());
    assertEquals("Deployment", any.kind());
    IgnoreRule apps = IgnoreRuleParser.fromFlag("apps/Deployment:/spec/replicas");
    assertEquals("apps", apps.group());
    assertEquals("Deployment", apps.kind());
  }

  @Test
  void badFlagsAreClearErrors() {
    IgnoreRuleException e =
        assertThrows(IgnoreRuleException.class, () -> IgnoreRuleParser.fromFlag("spec.replicas"));
    assertTrue(e.getMessage().startsWith("--ignore spec.replicas: expected POINTER"));
    assertThrows(IgnoreRuleException.class, () -> IgnoreRuleParser.fromFlag("Deployment:spec"));
    assertThrows(IgnoreRuleException.class, () -> IgnoreRuleParser.fromManagerFlag(" "));
  }

  @Test
  void managerFlag() {
    IgnoreRule r = IgnoreRuleParser.fromManagerFlag("janitor");
    assertEquals(List.of("janitor"), r.managedFieldsManagers());
    assertEquals("*", r.kind());
    assertEquals("--ignore-manager janitor", r.origin());
  }
}
