package io.driftscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo API server answers as a real API server documents, over real HTTP. */
class ApiServerTest {

  static ApiServer server;
  static KubernetesClient client;
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() {
    server = ApiServer.start("test");
    client = server.newClient();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    client
        .configMaps()
        .inNamespace("shop")
        .resource(configMap("settings", Map.of("color", "blue", "size", "m")))
        .create();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .endMetadata()
        .withData(data)
        .build();
  }

  static HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void servesDiscoveryForBuiltInKindsAndCrds() throws Exception {
    assertTrue(
        client.getApiGroups().getGroups().stream().anyMatch(g -> g.getName().equals("apps")));
    List<String> apps =
        client.getApiResources("apps/v1").getResources().stream()
            .map(APIResource::getName)
            .toList();
    assertTrue(
        apps.containsAll(List.of("deployments", "statefulsets", "daemonsets", "replicasets")));
    JsonNode core = json(send("GET", "/api/v1", null, null));
    assertEquals("APIResourceList", core.path("kind").asText());
    JsonNode crd =
        Json.MAPPER.readTree(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced",
               "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
               "versions":[{"name":"v1","served":true,"storage":true,
                 "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """);
    assertEquals(
        201,
        send(
                "POST",
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                "application/json",
                crd.toString())
            .statusCode());
    JsonNode widgets = json(send("GET", "/apis/example.com/v1", null, null));
    assertEquals("Widget", widgets.path("resources").get(0).path("kind").asText());
    assertEquals(404, send("GET", "/apis/nothing.example.com/v1", null, null).statusCode());
    JsonNode openapi = json(send("GET", "/openapi/v3", null, null));
    assertTrue(openapi.path("paths").has("apis/apps/v1"));
    JsonNode appsDoc = json(send("GET", "/openapi/v3/apis/apps/v1?hash=driftscope", null, null));
    assertEquals(
        "fieldValidation",
        appsDoc
            .path("paths")
            .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
            .path("patch")
            .path("parameters")
            .get(0)
            .path("name")
            .asText());
  }

  @Test
  void dryRunAnswersWithoutWriting() throws Exception {
    String path = "/api/v1/namespaces/shop/configmaps";
    String body = Json.MAPPER.writeValueAsString(configMap("dry", Map.of("a", "1")));
    HttpResponse<String> created = send("POST", path + "?dryRun=All", "application/json", body);
    assertEquals(201, created.statusCode());
    assertEquals("1", json(created).path("data").path("a").asText());
    assertNull(client.configMaps().inNamespace("shop").withName("dry").get());

    String rv =
        client
            .configMaps()
            .inNamespace("shop")
            .withName("settings")
            .get()
            .getMetadata()
            .getResourceVersion();
    HttpResponse<String> patched =
        send(
            "PATCH",
            path + "/settings?dryRun=All",
            "application/merge-patch+json",
            "{\"data\":{\"color\":\"red\",\"size\":null}}");
    assertEquals(200, patched.statusCode());
    assertEquals("red", json(patched).path("data").path("color").asText());
    assertFalse(json(patched).path("data").has("size"));
    ConfigMap after = client.configMaps().inNamespace("shop").withName("settings").get();
    assertEquals("blue", after.getData().get("color"));
    assertEquals(rv, after.getMetadata().getResourceVersion());

    assertEquals(200, send("DELETE", path + "/settings?dryRun=All", null, null).statusCode());
    assertNotNull(client.configMaps().inNamespace("shop").withName("settings").get());
  }

  @Test
  void failedJsonPatchIs422WithStatus() throws Exception {
    String path = "/api/v1/namespaces/shop/configmaps/settings";
    HttpResponse<String> r =
        send(
            "PATCH",
            path,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/data/color\",\"value\":\"green\"},"
                + "{\"op\":\"replace\",\"path\":\"/data/color\",\"value\":\"red\"}]");
    assertEquals(422, r.statusCode());
    JsonNode status = json(r);
    assertEquals("Status", status.path("kind").asText());
    assertEquals("Invalid", status.path("reason").asText());
    assertEquals(422, status.path("code").asInt());
    assertTrue(r.body().contains("testing value /data/color failed"), r.body());

    HttpResponse<String> badOp =
        send(
            "PATCH",
            path,
            "application/json-patch+json",
            "[{\"op\":\"frobnicate\",\"path\":\"/data\"}]");
    assertEquals(422, badOp.statusCode());
    HttpResponse<String> missing =
        send(
            "PATCH",
            path,
            "application/json-patch+json",
            "[{\"op\":\"replace\",\"path\":\"/data/nope\",\"value\":\"x\"}]");
    assertEquals(422, missing.statusCode());
    assertEquals(
        "blue",
        client.configMaps().inNamespace("shop").withName("settings").get().getData().get("color"));

    HttpResponse<String> ok =
        send(
            "PATCH",
            path,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/data/size\",\"value\":\"m\"},"
                + "{\"op\":\"replace\",\"path\":\"/data/size\",\"value\":\"l\"}]");
    assertEquals(200, ok.statusCode());
    assertEquals(
        "l",
        client.configMaps().inNamespace("shop").withName("settings").get().getData().get("size"));
  }

  @Test
  void staleResourceVersionAndDeletePreconditionsAre409() throws Exception {
    client
        .configMaps()
        .inNamespace("shop")
        .resource(configMap("locked", Map.of("k", "v")))
        .create();
    String path = "/api/v1/namespaces/shop/configmaps/locked";
    HttpResponse<String> r =
        send(
            "PATCH",
            path,
            "application/merge-patch+json",
            "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"k\":\"w\"}}");
    assertEquals(409, r.statusCode());
    HttpResponse<String> d =
        send("DELETE", path, "application/json", "{\"preconditions\":{\"uid\":\"not-the-uid\"}}");
    assertEquals(409, d.statusCode());
    assertTrue(
        d.body().contains("Precondition failed: UID in precondition: not-the-uid"), d.body());
    assertNotNull(client.configMaps().inNamespace("shop").withName("locked").get());
  }

  @Test
  void listsInPages() throws Exception {
    for (int i = 0; i < 7; i++) {
      client.configMaps().inNamespace("shop").resource(configMap("page-" + i, Map.of())).create();
    }
    int total = client.configMaps().inNamespace("shop").list().getItems().size();
    String token = "";
    int seen = 0;
    int pages = 0;
    do {
      JsonNode page =
          json(
              send(
                  "GET",
                  "/api/v1/namespaces/shop/configmaps?limit=3"
                      + (token.isEmpty() ? "" : "&continue=" + token),
                  null,
                  null));
      seen += page.path("items").size();
      token = page.path("metadata").path("continue").asText("");
      pages++;
    } while (!token.isEmpty());
    assertEquals(total, seen);
    assertEquals((total + 2) / 3, pages);
  }

  @Test
  void refusesObjectsInMissingNamespace() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/namespaces/nope/configmaps",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}");
    assertEquals(404, r.statusCode());
    assertEquals("namespaces \"nope\" not found", json(r).path("message").asText());
  }

  @Test
  void serverSideApplyMergesOwnsAndReportsConflicts() throws Exception {
    String path = "/api/v1/namespaces/shop/configmaps/applied";
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: applied
        data:
          owner: alice
          shared: one
        """;
    HttpResponse<String> created =
        send("PATCH", path + "?fieldManager=alice", "application/apply-patch+yaml", yaml);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "alice",
        json(created).path("metadata").path("managedFields").get(0).path("manager").asText());
    String bob = yaml.replace("owner: alice", "owner: bob");
    HttpResponse<String> conflict =
        send("PATCH", path + "?fieldManager=bob", "application/apply-patch+yaml", bob);
    assertEquals(409, conflict.statusCode());
    JsonNode status = json(conflict);
    assertEquals("Conflict", status.path("reason").asText());
    assertEquals(
        ".data.owner", status.path("details").path("causes").get(0).path("field").asText());
    assertTrue(status.path("message").asText().contains("conflict with \"alice\""));
    HttpResponse<String> forced =
        send("PATCH", path + "?fieldManager=bob&force=true", "application/apply-patch+yaml", bob);
    assertEquals(200, forced.statusCode(), forced.body());
    assertEquals(
        "bob",
        client.configMaps().inNamespace("shop").withName("applied").get().getData().get("owner"));
    // alice stops applying "shared": bob applied the same value, so bob still owns it and it stays
    HttpResponse<String> dropped =
        send(
            "PATCH",
            path + "?fieldManager=alice",
            "application/apply-patch+yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata: {}\n");
    assertEquals(200, dropped.statusCode(), dropped.body());
    assertEquals(
        "one",
        client.configMaps().inNamespace("shop").withName("applied").get().getData().get("shared"));
  }

  @Test
  void logsRequests() throws Exception {
    server.clearRequests();
    send("GET", "/api/v1/namespaces/shop/configmaps/settings", null, null);
    List<ApiRequest> log = server.requests();
    assertEquals(1, log.size());
    assertEquals("GET", log.get(0).method());
    assertEquals(200, log.get(0).status());
  }
}
