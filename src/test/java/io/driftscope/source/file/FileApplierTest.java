package io.driftscope.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.Applied;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import io.driftscope.source.PatchOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileApplierTest {

  static final String DEPLOY =
      """
      # API deployment
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        labels:
          app: api   # the app
      spec:
        replicas: 5 # scaled for the sale
        template:
          spec:
            containers:
              - name: web
                image: "nginx:1.25"
                ports:
                  - containerPort: 80
              - name: sidecar
                image: envoy:1.0
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      spec:
        ports: [{port: 80}]
      """;

  static final ResourceKey DEPLOYMENT = new ResourceKey("apps", "Deployment", "shop", "api");
  static final ResourceKey SERVICE = new ResourceKey("", "Service", "shop", "api");

  @TempDir Path dir;
  Path file;
  FileApplier applier;

  @BeforeEach
  void setUp() throws Exception {
    file = dir.resolve("deploy.yaml");
    Files.writeString(file, DEPLOY);
    applier = new FileApplier(dir, "manifests", true);
  }

  Resource resource(ResourceKey key) throws Exception {
    return TestManifests.load(dir, "manifests", "shop").stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void replacesScalarsKeepingCommentsQuotingAndOrder() throws Exception {
    Change c =
        new Change.Patch(
            resource(DEPLOYMENT),
            List.of(
                PatchOp.test("/spec/replicas", json("5")),
                PatchOp.replace("/spec/replicas", json("2")),
                PatchOp.test("/spec/template/spec/containers/0/name", json("\"web\"")),
                PatchOp.replace("/spec/template/spec/containers/0/image", json("\"nginx:1.27\""))));
    Applied dry = applier.dryRun(c);
    assertEquals(DEPLOY, Files.readString(file), "a dry run writes nothing");
    assertTrue(dry.exactChange().contains("-  replicas: 5 # scaled for the sale"));
    assertTrue(dry.exactChange().contains("+  replicas: 2 # scaled for the sale"));
    Applied done = applier.apply(c, "1");
    assertEquals(
        DEPLOY
            .replace("replicas: 5 #", "replicas: 2 #")
            .replace("\"nginx:1.25\"", "\"nginx:1.27\""),
        Files.readString(file));
    assertEquals(2, done.after().document().at("/spec/replicas").asInt());
    assertEquals("manifests/deploy.yaml.driftscope-bak", done.backup());
    assertEquals(DEPLOY, Files.readString(dir.resolve("deploy.yaml.driftscope-bak")));
  }

  @Test
  void addsKeysAndListEntriesAsIndentedLines() throws Exception {
    Change c =
        new Change.Patch(
            resource(DEPLOYMENT),
            List.of(
                PatchOp.add("/metadata/labels/tier", json("\"web\"")),
                PatchOp.add(
                    "/spec/template/spec/containers/-",
                    json(
                        "{\"name\":\"cache\",\"image\":\"redis:7\",\"args\":[\"--save\",\"60\"]}")),
                PatchOp.add("/spec/paused", json("false"))));
    applier.apply(c, "1");
    String expected =
        DEPLOY
            .replace("    app: api   # the app\n", "    app: api   # the app\n    tier: web\n")
            .replace(
                "          image: envoy:1.0\n",
                "          image: envoy:1.0\n"
                    + "        - name: cache\n"
                    + "          image: redis:7\n"
                    + "          args:\n"
                    + "            - \"--save\"\n"
                    + "            - \"60\"\n"
                    + "  paused: false\n");
    assertEquals(expected, Files.readString(file));
  }

  @Test
  void removesKeysAndEntriesWithTheirLines() throws Exception {
    Change c =
        new Change.Patch(
            resource(DEPLOYMENT),
            List.of(
                PatchOp.remove("/spec/template/spec/containers/1"),
                PatchOp.remove("/spec/template/spec/containers/0/ports"),
                PatchOp.remove("/metadata/labels/app")));
    applier.apply(c, "1");
    String expected =
        DEPLOY
            .replace("  labels:\n    app: api   # the app\n", "  labels: {}   # the app\n")
            .replace("          ports:\n            - containerPort: 80\n", "")
            .replace("        - name: sidecar\n          image: envoy:1.0\n", "");
    assertEquals(expected, Files.readString(file));
  }

  @Test
  void replacesAWholeMapByEditingOnlyWhatDiffers() throws Exception {
    Resource r = resource(DEPLOYMENT);
    ObjectNode wanted = r.document().deepCopy();
    ((ObjectNode) wanted.at("/metadata/labels")).put("app", "api2");
    applier.apply(new Change.Replace(r, wanted), "1");
    assertEquals(DEPLOY.replace("app: api   #", "app: api2   #"), Files.readString(file));
  }

  @Test
  void editsFlowCollections() throws Exception {
    Change c =
        new Change.Patch(
            resource(SERVICE),
            List.of(
                PatchOp.replace("/spec/ports/0/port", json("8080")),
                PatchOp.add("/spec/ports/0/protocol", json("\"TCP\""))));
    applier.apply(c, "1");
    assertEquals(
        DEPLOY.replace("ports: [{port: 80}]", "ports: [{port: 8080, protocol: TCP}]"),
        Files.readString(file));
  }

  @Test
  void deletesADocumentAndItsSeparator() throws Exception {
    applier.apply(new Change.Delete(resource(SERVICE)), "1");
    assertEquals(DEPLOY.substring(0, DEPLOY.indexOf("---\n")), Files.readString(file));
  }

  @Test
  void deletesTheFirstDocumentAndTheFileWhenNothingIsLeft() throws Exception {
    applier.apply(new Change.Delete(resource(DEPLOYMENT)), "1");
    assertEquals(DEPLOY.substring(DEPLOY.indexOf("---\n") + 4), Files.readString(file));
    Applied last = applier.apply(new Change.Delete(resource(SERVICE)), "2");
    assertFalse(Files.exists(file));
    assertTrue(last.exactChange().contains("is removed"));
    assertTrue(Files.exists(dir.resolve("deploy.yaml.driftscope-bak")));
  }

  @Test
  void createsAMissingResourceInItsOwnFile() throws Exception {
    ObjectNode doc =
        (ObjectNode)
            json(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"},"
                    + "\"data\":{\"mode\":\"on\",\"level\":\"3\"}}");
    ResourceKey key = new ResourceKey("", "ConfigMap", "shop", "settings");
    Applied a = applier.apply(new Change.Create(key, doc), "1");
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: "on"
          level: "3"
        """,
        Files.readString(dir.resolve("configmap-settings.yaml")));
    assertEquals("manifests/configmap-settings.yaml", a.after().origin().location());
    ApplyException again =
        assertThrows(ApplyException.class, () -> applier.dryRun(new Change.Create(key, doc)));
    assertEquals(ApplyException.Kind.CHANGED_SINCE, again.kind());
  }

  @Test
  void refusesWhenTheDocumentChangedSinceItWasRead() throws Exception {
    Resource seen = resource(DEPLOYMENT);
    Files.writeString(file, DEPLOY.replace("replicas: 5", "replicas: 3"));
    Change c =
        new Change.Patch(
            seen,
            List.of(
                PatchOp.test("/spec/replicas", json("5")),
                PatchOp.replace("/spec/replicas", json("2"))));
    ApplyException e = assertThrows(ApplyException.class, () -> applier.apply(c, "1"));
    assertEquals(ApplyException.Kind.CHANGED_SINCE, e.kind());
    assertTrue(e.getMessage().contains("changed since you looked"), e.getMessage());
    assertTrue(e.getMessage().contains("/spec/replicas"), e.getMessage());
    assertEquals(DEPLOY.replace("replicas: 5", "replicas: 3"), Files.readString(file));
  }

  @Test
  void anEditOfAnotherDocumentInTheFileDoesNotCount() throws Exception {
    Resource seen = resource(DEPLOYMENT);
    Files.writeString(file, DEPLOY.replace("port: 80}", "port: 81}"));
    applier.apply(
        new Change.Patch(seen, List.of(PatchOp.replace("/spec/replicas", json("2")))), "1");
    assertTrue(Files.readString(file).contains("replicas: 2 #"));
    assertTrue(Files.readString(file).contains("port: 81}"));
  }

  @Test
  void rejectsWhatCannotBeEditedInPlace() throws Exception {
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shared
        data: &common
          a: "1"
        """);
    Resource r = resource(new ResourceKey("", "ConfigMap", "shop", "shared"));
    ApplyException e =
        assertThrows(
            ApplyException.class,
            () ->
                applier.dryRun(
                    new Change.Patch(r, List.of(PatchOp.replace("/data/a", json("\"2\""))))));
    assertEquals(ApplyException.Kind.REJECTED, e.kind());
    assertTrue(e.getMessage().contains("anchor"), e.getMessage());
  }

  @Test
  void editsJsonFilesAsJson() throws Exception {
    Files.delete(file);
    Path j = dir.resolve("cm.json");
    String text =
        """
        {
          "apiVersion": "v1",
          "kind": "ConfigMap",
          "metadata": { "name": "cm" },
          "data": {
            "a": "1"
          }
        }
        """;
    Files.writeString(j, text);
    Resource r = resource(new ResourceKey("", "ConfigMap", "shop", "cm"));
    applier.apply(
        new Change.Patch(
            r,
            List.of(
                PatchOp.replace("/data/a", json("\"2\"")), PatchOp.add("/data/b", json("\"x\"")))),
        "1");
    assertEquals(
        text.replace("\"a\": \"1\"", "\"a\": \"2\",\n    \"b\": \"x\""), Files.readString(j));
  }

  @Test
  void fillsAnEmptyValueAndHandlesSeparatorsAroundDocuments() throws Exception {
    String text =
        """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          labels:
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b
        ---
        """;
    Files.writeString(file, text);
    Resource a = resource(new ResourceKey("", "ConfigMap", "shop", "a"));
    applier.apply(
        new Change.Patch(
            a,
            List.of(
                PatchOp.test("/metadata/labels", json("null")),
                PatchOp.replace("/metadata/labels", json("{\"tier\":\"web\"}")))),
        "1");
    String labelled = text.replace("  labels:\n", "  labels:\n    tier: web\n");
    assertEquals(labelled, Files.readString(file));
    applier.apply(new Change.Delete(resource(new ResourceKey("", "ConfigMap", "shop", "b"))), "1");
    assertEquals(
        labelled.replace("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n", ""),
        Files.readString(file));
  }
}
