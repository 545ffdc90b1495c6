package io.driftscope.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesSchemaTest {

  private static final KubernetesSchema SCHEMA = KubernetesSchema.standard();

  private static JsonNode yaml(String text) throws Exception {
    return new YAMLMapper().readTree(text);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "apps/v1, Deployment, Deployment",
    "apps/v1beta1, Deployment, DeploymentAppsV1beta1",
    "extensions/v1beta1, Deployment, DeploymentExtensionsV1beta1",
    "apps/v1beta1, StatefulSet, StatefulSetAppsV1beta1",
    "apps/v9, StatefulSet, StatefulSet",
    "v1, Service, Service",
    "argoproj.io/v1alpha1, Rollout, Object",
    "autoscaling/v2, HorizontalPodAutoscaler, HorizontalPodAutoscalerV2",
  })
  void rootTypes(String apiVersion, String kind, String type) {
    assertEquals(type, SCHEMA.rootType(apiVersion, kind).name());
  }

  @ParameterizedTest(name = "{0}.{1} = {2}")
  @CsvSource({
    "DeploymentSpec, revisionHistoryLimit, 10",
    "DeploymentSpecAppsV1beta1, revisionHistoryLimit, 2",
    "DeploymentSpecAppsV1beta1, progressDeadlineSeconds, 600",
    "StatefulSetUpdateStrategy, type, RollingUpdate",
    "StatefulSetUpdateStrategyAppsV1beta1, type, OnDelete",
    "JobSpec, backoffLimit, 6",
    "CronJobSpec, successfulJobsHistoryLimit, 3",
    "Probe, failureThreshold, 3",
    "ContainerPort, protocol, TCP",
    "ResourceFieldSelector, divisor, 0",
  })
  void staticDefaults(String type, String field, String value) {
    JsonNode d = SCHEMA.type(type).field(field, null, null).defaultFor(null, null);
    assertEquals(value, d.asText());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "nginx:1.25, IfNotPresent",
    "registry:5000/team/app, Always",
    "registry:5000/team/app:2, IfNotPresent",
    "app@sha256:abc, IfNotPresent",
    "app:latest@sha256:abc, Always",
  })
  void imagePullPolicyRule(String image, String policy) {
    FieldSpec f = SCHEMA.type("Container").field("imagePullPolicy", null, null);
    assertEquals(policy, f.defaultFor(Json.NODES.objectNode().put("image", image), null).asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/template/spec/containers/name=app/ports/containerPort=80,protocol=TCP/name| http",
        "/spec/template/spec/containers/name=app/ports/containerPort=53,protocol=UDP/name| dns",
        "/spec/template/spec/containers/name=app/env/name=B/value| 2",
      })
  void resolvesKeyedPathsWithKeyDefaults(String path, String value) throws Exception {
    JsonNode doc =
        yaml(
            """
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      env: [{name: A, value: "1"}, {name: B, value: "2"}]
                      ports: [{containerPort: 53, protocol: UDP, name: dns},
                              {containerPort: 80, name: http}]
            """);
    JsonNode v = DocumentPaths.resolve(doc, SCHEMA.type("Deployment"), FieldPath.parse(path));
    assertEquals(value, v.asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.template.spec.containers.0.ports.1.name"
            + "| /spec/template/spec/containers/name=app/ports/containerPort=80,protocol=TCP/name",
        "spec.template.spec.containers.0.command.1| /spec/template/spec/containers/name=app/command",
        "spec.replicas| /spec/replicas",
      })
  void rawLocationsBecomeKeyedPaths(String dotted, String expected) throws Exception {
    JsonNode doc =
        yaml(
            """
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      command: [sh, -c]
                      ports: [{containerPort: 53, protocol: UDP}, {containerPort: 80, name: http}]
            """);
    List<Object> tokens = List.of((Object[]) dotted.split("\\."));
    assertEquals(
        expected, DocumentPaths.toFieldPath(doc, SCHEMA.type("Deployment"), tokens).toString());
  }

  @org.junit.jupiter.api.Test
  void tablesAreCheckedWhenLoaded() throws Exception {
    JsonNode schema = yaml("types: {A: {fields: {b: Missing}}}");
    JsonNode empty = yaml("{}");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new KubernetesSchema(schema, empty, empty));
    assertTrue(e.getMessage().contains("unknown type Missing"), e.getMessage());
    JsonNode ok = yaml("types: {Object: {}, A: {}}");
    IllegalStateException rule =
        assertThrows(
            IllegalStateException.class,
            () -> new KubernetesSchema(ok, yaml("A: {x: {rule: nope}}"), empty));
    assertTrue(rule.getMessage().contains("unknown rule nope"), rule.getMessage());
    assertSame(KubernetesSchema.standard(), KubernetesSchema.standard());
  }
}
