package io.driftscope.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.FieldPath;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedFieldsTest {

  private static ManagedFields managed;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        ManagedFieldsTest.class.getResourceAsStream(
            "/fixtures/kubernetes-live-vs-desired/smd-deploy-live.yaml")) {
      JsonNode doc = new YAMLMapper().readTree(in);
      managed = ManagedFields.of(doc);
    }
  }

  @ParameterizedTest(name = "{0} owns {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "argocd-controller| /spec/replicas| true",
        "argocd-controller| /spec/selector/matchLabels/app| true",
        "argocd-controller| /spec/template/spec/containers/name=nginx| true",
        "argocd-controller| /spec/template/spec/containers/name=nginx/image| true",
        "argocd-controller| /spec/template/spec/containers/name=nginx/ports/containerPort=80,protocol=TCP| true",
        "argocd-controller| /spec/template/spec/containers/name=nginx/ports/containerPort=80,protocol=TCP/protocol| false",
        "argocd-controller| /spec/template/spec/containers/name=nginx/livenessProbe/exec/command| true",
        "argocd-controller| /spec/template/spec/containers/name=nginx/livenessProbe/timeoutSeconds| false",
        "argocd-controller| /metadata/labels| false",
        "argocd-controller| /spec/strategy| false",
        "kube-controller-manager| /metadata/annotations/deployment.kubernetes.io~1revision| true",
        "kube-controller-manager| /status/conditions/type=Available/message| true",
        "kube-controller-manager| /spec/replicas| false",
      })
  void ownership(String manager, String path, boolean owns) {
    ManagedFields.Entry entry =
        managed.entries().stream().filter(e -> e.manager().equals(manager)).findFirst().get();
    assertEquals(owns, entry.owns(FieldPath.parse(path)));
  }

  @Test
  void entriesAndOwnedPaths() {
    assertEquals(2, managed.entries().size());
    ManagedFields.Entry apply = managed.entries().get(0);
    assertTrue(apply.isApply());
    assertEquals("argocd-controller (Apply)", apply.describe());
    assertEquals(
        "kube-controller-manager (Update, subresource status)",
        managed.entries().get(1).describe());
    List<String> owned = new ArrayList<>();
    ManagedFields.forEachOwned(apply, (p, leaf) -> owned.add(p + (leaf ? "" : " (entry)")));
    assertTrue(owned.contains("/spec/replicas"), owned::toString);
    assertTrue(
        owned.contains("/spec/template/spec/containers/name=nginx (entry)"), owned::toString);
    assertTrue(ManagedFields.of(new YAMLMapper().createObjectNode()).isEmpty());
  }
}
