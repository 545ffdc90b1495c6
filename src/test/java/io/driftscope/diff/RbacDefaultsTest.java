package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server gives a binding's User and Group subjects the RBAC API group. */
class RbacDefaultsTest {

  private static final String DESIRED =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: %s
      metadata: {name: readers, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects:
      - {kind: User, name: jane}
      - {kind: Group, name: auditors}
      - {kind: ServiceAccount, name: api, namespace: shop}
      """;

  private static final String LIVE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: %s
      metadata: {name: readers, namespace: shop, uid: 1f0c, resourceVersion: "7"}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}
      - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: auditors}
      - {kind: ServiceAccount, name: api, namespace: shop}
      """;

  @Test
  void theDefaultedSubjectGroupIsNotDrift() {
    for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
      for (Mode mode : Mode.values()) {
        ResourceDiff d =
            Fixtures.diff(mode, yaml(DESIRED.formatted(kind)), yaml(LIVE.formatted(kind)));
        assertEquals(List.of(), driftPaths(d), kind + " " + mode + ": " + d.differences());
      }
    }
  }

  @Test
  void anotherSubjectGroupIsDrift() {
    String live =
        LIVE.replace(
            "apiGroup: rbac.authorization.k8s.io, kind: User", "apiGroup: example.com, kind: User");
    assertEquals(List.of("/subjects/0/apiGroup"), roleBindingDrift(live));
  }

  @Test
  void aServiceAccountSubjectGetsNoGroup() {
    String live =
        LIVE.replace(
            "{kind: ServiceAccount", "{apiGroup: rbac.authorization.k8s.io, kind: ServiceAccount");
    assertEquals(List.of("/subjects/2/apiGroup"), roleBindingDrift(live));
  }

  /** The drifted paths of the desired RoleBinding against {@code live}, in symmetric mode. */
  private static List<String> roleBindingDrift(String live) {
    return driftPaths(
        Fixtures.diff(
            Mode.SYMMETRIC,
            yaml(DESIRED.formatted("RoleBinding")),
            yaml(live.formatted("RoleBinding"))));
  }
}
