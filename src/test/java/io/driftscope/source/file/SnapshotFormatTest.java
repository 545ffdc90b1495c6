package io.driftscope.source.file;

import static io.driftscope.source.file.FileSources.byKey;
import static io.driftscope.source.file.FileSources.load;
import static io.driftscope.source.file.FileSources.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.SecretDigest;
import io.driftscope.core.Snapshot;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceSpec;
import io.driftscope.source.SourceState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFormatTest {

  private static final Instant TAKEN = Instant.parse("2025-06-01T10:15:30Z");
  private static final byte[] SALT = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  @TempDir Path dir;

  @Test
  void aSnapshotOfAFolderLoadsBackEqualToTheFolder() throws Exception {
    write(
        dir.resolve("m/app.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  ports: [{containerPort: 80}]
                  resources: {limits: {memory: 100Mi, cpu: 0.5}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{port: 80, targetPort: "80"}]
          big: 12345678901234567890
          ratio: 1.25
          off: false
          nothing: null
        """);
    write(
        dir.resolve("m/cluster.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
    LoadResult folder = load(dir, "m");

    Path file = dir.resolve("snap.json");
    SnapshotFormat.write(
        new Snapshot(Snapshot.CURRENT_FORMAT, "m", TAKEN, folder.resources()),
        file,
        SnapshotFormat.WriteOptions.masked());

    for (String spec : List.of("snapshot:snap.json", "snap.json", "file:snap.json")) {
      try (Source source = FileSources.open(dir, spec)) {
        assertTrue(source instanceof SnapshotSource, spec);
        LoadResult snapshot = source.load();
        assertEquals(byKey(folder).keySet(), byKey(snapshot).keySet());
        for (Resource r : folder.resources()) {
          Resource back = byKey(snapshot).get(r.key());
          assertEquals(r.document(), back.document(), r.key().toString());
          assertEquals(r.apiVersion(), back.apiVersion());
        }
      }
    }
    JsonNode service =
        byKey(load(dir, "snap.json")).get(key("", "Service", "shop", "web")).document();
    assertTrue(service.at("/spec/ports/0/targetPort").isTextual());
    assertTrue(service.at("/spec/ports/0/port").isInt());
    assertTrue(service.at("/spec/big").isBigInteger());
    assertTrue(service.at("/spec/ratio").isDouble());
  }

  @Test
  void writesTheDocumentedVersionedFormat() throws Exception {
    Resource cm =
        resource(
            key("", "ConfigMap", "shop", "settings"),
            "v1",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},\"data\":{\"a\":\"1\"}}",
            new io.driftscope.core.Origin("m/cm.yaml", 4, 1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotFormat.write(
        new Snapshot(Snapshot.CURRENT_FORMAT, "k8s://prod/shop", TAKEN, List.of(cm)),
        out,
        SnapshotFormat.WriteOptions.writeOptions(false, SALT));

    JsonNode written = Json.MAPPER.readTree(out.toByteArray());
    assertEquals(
        List.of("driftscopeSnapshot", "source", "takenAt", "secrets", "namespaces", "resources"),
        iterableToList(written.fieldNames()));
    assertEquals(1, written.get("driftscopeSnapshot").intValue());
    assertEquals("k8s://prod/shop", written.get("source").textValue());
    assertEquals("2025-06-01T10:15:30Z", written.get("takenAt").textValue());
    assertEquals(
        "{\"values\":\"digest\",\"salt\":\"00112233445566778899aabbccddeeff\"}",
        written.get("secrets").toString());
    assertEquals("[\"shop\"]", written.get("namespaces").toString());
    assertEquals(
        "{\"key\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"ConfigMap\",\"namespace\":\"shop\","
            + "\"name\":\"settings\"},\"apiVersion\":\"v1\","
            + "\"origin\":{\"location\":\"m/cm.yaml\",\"line\":4,\"column\":1},"
            + "\"document\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\"},\"data\":{\"a\":\"1\"}}}",
        written.get("resources").get(0).toString());
  }

  @Test
  void secretValuesAreDigestedWithTheSaltKeptInTheFile() throws Exception {
    String lastApplied =
        "{\\\"apiVersion\\\":\\\"v1\\\",\\\"data\\\":{\\\"password\\\":\\\"aHVudGVyMg==\\\"},"
            + "\\\"kind\\\":\\\"Secret\\\"}";
    Resource secret =
        resource(
            key("", "Secret", "shop", "db"),
            "v1",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\","
                + "\"namespace\":\"shop\",\"annotations\":{"
                + "\"kubectl.kubernetes.io/last-applied-configuration\":\""
                + lastApplied
                + "\"}},"
                + "\"data\":{\"password\":\"aHVudGVyMg==\"},\"stringData\":{\"user\":\"admin\"}}",
            null);
    Path file = dir.resolve("snap.json");
    SnapshotFormat.write(
        new Snapshot(1, "k8s://prod/shop", TAKEN, List.of(secret)),
        file,
        SnapshotFormat.WriteOptions.writeOptions(false, SALT));

    String text = Files.readString(file);
    assertFalse(text.contains("aHVudGVyMg=="), text);
    assertFalse(text.contains("admin"), text);
    SecretDigest digest = SecretDigest.withSalt(SALT);
    try (Source source = FileSources.open(dir, "snap.json")) {
      assertEquals(Optional.of(digest.saltHex()), source.secretDigest().map(SecretDigest::saltHex));
      JsonNode doc = source.load().resources().get(0).document();
      String password = doc.at("/data/password").textValue();
      assertTrue(SecretDigest.isDigest(password), password);
      // The same secret gives the same digest, whether in data (base64) or in stringData.
      assertEquals(digest.digestString("hunter2"), password);
      assertEquals(digest.digestString("admin"), doc.at("/stringData/user").textValue());
      JsonNode applied =
          Json.MAPPER.readTree(
              doc.at("/metadata/annotations")
                  .get("kubectl.kubernetes.io/last-applied-configuration")
                  .textValue());
      assertEquals(password, applied.at("/data/password").textValue());
    }
    // The original document was not touched.
    assertEquals("aHVudGVyMg==", secret.document().at("/data/password").textValue());
  }

  @Test
  void includedSecretsAreKeptAndTheFileIsOwnerOnly() throws Exception {
    Resource secret =
        resource(
            key("", "Secret", "shop", "db"),
            "v1",
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"},"
                + "\"data\":{\"password\":\"aHVudGVyMg==\"}}",
            null);
    Path file = write(dir.resolve("snap.json"), "old content, world-readable");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    SnapshotFormat.write(
        new Snapshot(1, "k8s://prod/shop", TAKEN, List.of(secret)),
        file,
        SnapshotFormat.WriteOptions.writeOptions(true, SALT));

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Source source = FileSources.open(dir, "snap.json")) {
      assertEquals(Optional.empty(), source.secretDigest());
      assertEquals(
          "aHVudGVyMg==",
          source.load().resources().get(0).document().at("/data/password").asText());
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void aSnapshotIsLiveStateAndNotWatched() throws Exception {
    writeSnapshot("snap.json", List.of());
    try (Source source = FileSources.open(dir, "snapshot:snap.json")) {
      assertTrue(source.traits().live());
      assertFalse(source.traits().declarative());
      assertFalse(source.traits().watchable());
      assertEquals("snapshot", source.traits().kind());
    }
  }

  @Test
  void aDefaultedNamespaceFollowsTheReadersDefaultAndAnOwnNamespaceIsSingle() throws Exception {
    write(dir.resolve("m/cm.yaml"), FileSources.configMap("plain", "1"));
    write(
        dir.resolve("m/own.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: shop}\n");
    LoadResult folder = load(dir, "m");
    SnapshotFormat.write(
        new Snapshot(1, "m", TAKEN, folder.resources()),
        dir.resolve("snap.json"),
        SnapshotFormat.WriteOptions.masked());

    SourceContext elsewhere = new SourceContext("staging", dir, Clock.systemUTC(), Map.of());
    try (Source source = new FileSourceFactory().open(SourceSpec.parse("snap.json"), elsewhere)) {
      assertEquals(Optional.of("shop"), source.singleNamespace());
      assertEquals("ConfigMap/staging/plain\nConfigMap/shop/own", FileSources.keys(source.load()));
    }
  }

  @Test
  void loadingHandsEachResourceOverAsItIsReadKeyedAsTheLoadReturnsIt() throws Exception {
    write(dir.resolve("m/cm.yaml"), FileSources.configMap("plain", "1"));
    write(
        dir.resolve("m/own.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own, namespace: shop}\n");
    SnapshotFormat.write(
        new Snapshot(1, "m", TAKEN, load(dir, "m").resources()),
        dir.resolve("snap.json"),
        SnapshotFormat.WriteOptions.masked());

    List<Resource> handed = new ArrayList<>();
    SourceContext elsewhere = new SourceContext("staging", dir, Clock.systemUTC(), Map.of());
    try (Source source = new FileSourceFactory().open(SourceSpec.parse("snap.json"), elsewhere)) {
      LoadResult result =
          source.load(
              new SourceListener() {
                @Override
                public void onChange(ResourceKey key, Resource resource) {
                  handed.add(resource);
                }

                @Override
                public void onReset(List<Resource> resources) {}

                @Override
                public void onState(SourceState state) {}
              });
      assertEquals(result.resources(), handed);
      assertEquals("ConfigMap/staging/plain\nConfigMap/shop/own", FileSources.keys(result));
      for (int i = 0; i < handed.size(); i++) {
        assertSame(result.resources().get(i).document(), handed.get(i).document());
      }
    }
  }

  @Test
  void aSnapshotInsideAFolderOfManifestsIsSkippedWithANotice() throws Exception {
    write(dir.resolve("m/cm.yaml"), FileSources.configMap("a", "1"));
    SnapshotFormat.write(
        new Snapshot(1, "m", TAKEN, load(dir, "m").resources()),
        dir.resolve("m/snap.json"),
        SnapshotFormat.WriteOptions.masked());
    LoadResult result = load(dir, "m");
    assertEquals("ConfigMap/default/a", FileSources.keys(result));
    assertEquals(
        List.of("m/snap.json:1:1: skipped, a Driftscope snapshot, not a Kubernetes manifest"),
        result.notices());
  }

  @Test
  void originsPointIntoTheSnapshotFile() throws Exception {
    write(dir.resolve("m/cm.yaml"), FileSources.configMap("a", "1"));
    SnapshotFormat.write(
        new Snapshot(1, "m", TAKEN, load(dir, "m").resources()),
        dir.resolve("snap.json"),
        SnapshotFormat.WriteOptions.masked());
    String origin = load(dir, "snap.json").resources().get(0).origin().toString();
    assertEquals("snap.json:11:5", origin);
  }

  @Test
  void readingRefusesWhatIsNotASnapshotThisBuildReads() {
    write(dir.resolve("newer.json"), "{\"driftscopeSnapshot\": 2, \"resources\": []}");
    write(dir.resolve("words.json"), "{\"driftscopeSnapshot\": \"one\", \"resources\": []}");
    write(dir.resolve("plain.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}");
    write(
        dir.resolve("noresources.json"),
        "{\"driftscopeSnapshot\": 1, \"source\": \"x\", \"takenAt\": \"2025-06-01T10:15:30Z\"}");
    write(
        dir.resolve("badtime.json"),
        "{\"driftscopeSnapshot\": 1, \"takenAt\": \"yesterday\", \"resources\": []}");
    write(
        dir.resolve("badentry.json"),
        "{\"driftscopeSnapshot\": 1, \"takenAt\": \"2025-06-01T10:15:30Z\",\n"
            + " \"resources\": [\n  {\"key\": {\"kind\": \"ConfigMap\"}, \"document\": {}}]}");

    assertEquals(
        "newer.json: snapshot format version 2 is newer than this Driftscope reads (1);"
            + " upgrade Driftscope",
        message("snapshot:newer.json"));
    assertEquals(
        "newer.json: snapshot format version 2 is newer than this Driftscope reads (1);"
            + " upgrade Driftscope",
        message("newer.json"));
    assertEquals(
        "words.json: \"driftscopeSnapshot\" must be a format version number, not \"one\"",
        message("words.json"));
    assertEquals(
        "plain.json: not a Driftscope snapshot (no \"driftscopeSnapshot\" field)",
        message("snapshot:plain.json"));
    assertEquals(
        "noresources.json: snapshot has no \"resources\" list", message("noresources.json"));
    assertEquals(
        "badtime.json: \"takenAt\" is not an ISO-8601 instant: \"yesterday\"",
        message("badtime.json"));
    assertEquals(
        "badentry.json:3:3: snapshot resource 1 has no key.kind or key.name",
        message("badentry.json"));
  }

  private String message(String spec) {
    return assertThrows(SourceException.class, () -> load(dir, spec)).getMessage();
  }

  private void writeSnapshot(String name, List<Resource> resources) throws Exception {
    SnapshotFormat.write(
        new Snapshot(1, "test", TAKEN, resources),
        dir.resolve(name),
        SnapshotFormat.WriteOptions.masked());
  }

  private static Resource resource(
      ResourceKey key, String apiVersion, String json, io.driftscope.core.Origin origin)
      throws Exception {
    return new Resource(
        key,
        apiVersion,
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8)),
        origin);
  }

  private static ResourceKey key(String group, String kind, String namespace, String name) {
    return new ResourceKey(group, kind, namespace, name);
  }

  private static List<String> iterableToList(java.util.Iterator<String> it) {
    List<String> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
