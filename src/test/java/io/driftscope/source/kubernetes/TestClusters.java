package io.driftscope.source.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.Json;
import io.driftscope.demo.ApiServer;
import io.driftscope.demo.DemoClusters;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two demo API servers, {@code staging} and {@code prod}, with namespace {@code shop}, seeded with
 * the shared live fixtures, and a kubeconfig with a context for each.
 */
final class TestClusters implements AutoCloseable {

  static final List<String> FIXTURES =
      List.of(
          "deployment-live.json",
          "live-deployment.yaml",
          "smd-service-live.yaml",
          "smd-deploy-live.yaml");

  final ApiServer staging = ApiServer.start("staging");
  final ApiServer prod = ApiServer.start("prod");
  final KubernetesClient stagingClient = staging.newClient();
  final KubernetesClient prodClient = prod.newClient();
  final Path kubeconfig;

  TestClusters(Path dir) throws IOException {
    for (KubernetesClient c : List.of(stagingClient, prodClient)) {
      c.namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
          .create();
      for (String f : FIXTURES) {
        c.resource(fixture(f)).create();
      }
    }
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfig(List.of(staging, prod), "staging"));
  }

  static String kubeconfig(List<ApiServer> servers, String current) {
    return DemoClusters.kubeconfigText(servers, current);
  }

  /** A fixture as an object ready to create in {@code shop}: server-owned fields removed. */
  static GenericKubernetesResource fixture(String name) throws IOException {
    try (InputStream in = TestClusters.class.getResourceAsStream("/source/kubernetes/" + name)) {
      JsonNode node =
          name.endsWith(".json") ? Json.MAPPER.readTree(in) : new YAMLMapper().readTree(in);
      ObjectNode o = (ObjectNode) node;
      ObjectNode meta = (ObjectNode) o.get("metadata");
      for (String f :
          List.of(
              "uid",
              "resourceVersion",
              "creationTimestamp",
              "managedFields",
              "generation",
              "selfLink")) {
        meta.remove(f);
      }
      meta.put("namespace", "shop");
      o.remove("status");
      return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
          o.toString(), GenericKubernetesResource.class);
    }
  }

  @Override
  public void close() {
    stagingClient.close();
    prodClient.close();
    staging.close();
    prod.close();
  }
}
