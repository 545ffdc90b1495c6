package io.driftscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindScopesTest {

  private final KindScopes builtIn = KindScopes.builtIn();

  @ParameterizedTest(name = "{1}.{0} is {2}")
  @CsvSource({
    "'', Namespace, CLUSTER",
    "'', Node, CLUSTER",
    "'', PersistentVolume, CLUSTER",
    "rbac.authorization.k8s.io, ClusterRole, CLUSTER",
    "rbac.authorization.k8s.io, ClusterRoleBinding, CLUSTER",
    "storage.k8s.io, StorageClass, CLUSTER",
    "storage.k8s.io, CSIDriver, CLUSTER",
    "storage.k8s.io, CSINode, CLUSTER",
    "storage.k8s.io, VolumeAttachment, CLUSTER",
    "apiextensions.k8s.io, CustomResourceDefinition, CLUSTER",
    "admissionregistration.k8s.io, MutatingWebhookConfiguration, CLUSTER",
    "admissionregistration.k8s.io, ValidatingWebhookConfiguration, CLUSTER",
    "admissionregistration.k8s.io, ValidatingAdmissionPolicy, CLUSTER",
    "admissionregistration.k8s.io, ValidatingAdmissionPolicyBinding, CLUSTER",
    "scheduling.k8s.io, PriorityClass, CLUSTER",
    "networking.k8s.io, IngressClass, CLUSTER",
    "node.k8s.io, RuntimeClass, CLUSTER",
    "apiregistration.k8s.io, APIService, CLUSTER",
    "'', Pod, NAMESPACED",
    "'', ConfigMap, NAMESPACED",
    "'', Secret, NAMESPACED",
    "'', Service, NAMESPACED",
    "apps, Deployment, NAMESPACED",
    "apps, StatefulSet, NAMESPACED",
    "batch, CronJob, NAMESPACED",
    "networking.k8s.io, Ingress, NAMESPACED",
    "rbac.authorization.k8s.io, Role, NAMESPACED",
    "autoscaling, HorizontalPodAutoscaler, NAMESPACED",
  })
  void knowsTheBuiltInKinds(String group, String kind, KindScopes.Scope scope) {
    assertEquals(Optional.of(scope), builtIn.scopeOf(group, kind));
  }

  @Test
  void theGroupIsPartOfTheKind() {
    assertEquals(Optional.empty(), builtIn.scopeOf("example.com", "Namespace"));
    assertEquals(Optional.empty(), builtIn.scopeOf("", "Deployment"));
  }

  @Test
  void namespaceForFollowsTheScope() {
    assertEquals("", builtIn.namespaceFor("", "Namespace", "stray", "default"));
    assertEquals("shop", builtIn.namespaceFor("apps", "Deployment", "shop", "default"));
    assertEquals("default", builtIn.namespaceFor("apps", "Deployment", null, "default"));
    assertEquals("default", builtIn.namespaceFor("apps", "Deployment", "", "default"));
    assertEquals("shop", builtIn.namespaceFor("example.com", "Widget", "shop", "default"));
    assertEquals("", builtIn.namespaceFor("example.com", "Widget", null, "default"));
  }

  @Test
  void crdsExtendTheTable() throws Exception {
    JsonNode crd =
        Json.MAPPER.readTree(
            """
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
             "metadata": {"name": "widgets.example.com"},
             "spec": {"group": "example.com", "scope": "Cluster",
                      "names": {"kind": "Widget", "plural": "widgets"}}}
            """);
    JsonNode other = Json.MAPPER.readTree("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}");

    KindScopes extended = builtIn.withDefinitions(List.of(crd, other));

    assertTrue(extended.isClusterScoped("example.com", "Widget"));
    assertEquals("", extended.namespaceFor("example.com", "Widget", "shop", "default"));
    assertFalse(
        builtIn.isClusterScoped("example.com", "Widget"), "the built-in table is unchanged");
    assertSame(builtIn, builtIn.withDefinitions(List.of(other)));
    assertEquals(
        Optional.of(KindScopes.Scope.NAMESPACED),
        extended
            .with("example.com", "Widget", KindScopes.Scope.NAMESPACED)
            .scopeOf("example.com", "Widget"));
  }
}
