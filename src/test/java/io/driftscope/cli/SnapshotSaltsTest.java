package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two snapshots taken without secrets in separate runs hold Secret values as digests with different
 * salts: equal values must not show as drift, and a Secret key present on one side only still does.
 */
class SnapshotSaltsTest {

  @TempDir Path dir;

  private static final String SECRET =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
        namespace: shop
      data:
        password: aHVudGVyMg==
      %s""";

  private Path snapshot(String name, String extraData) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("secret.yaml"), SECRET.formatted(extraData));
    Path file = dir.resolve(name + ".json");
    CliRun r = CliRun.run(dir, "snapshot", folder.toString(), "-o", file.toString());
    assertEquals(0, r.code(), r.err());
    return file;
  }

  private JsonNode diff(Path left, Path right, int expectedCode) throws Exception {
    CliRun r = CliRun.run(dir, "diff", "snapshot:" + left, "snapshot:" + right, "--output", "json");
    assertEquals(expectedCode, r.code(), r.out() + r.err());
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void equalSecretsInSnapshotsOfSeparateRunsAreNotDrift() throws Exception {
    Path a = snapshot("a", "");
    Path b = snapshot("b", "");
    assertTrue(!Files.readString(a).contains("aHVudGVyMg=="), "the snapshot holds a digest only");
    JsonNode report = diff(a, b, ExitCodes.OK);
    String text = report.toString();
    assertTrue(text.contains("cannot be compared"), text);
  }

  @Test
  void aSecretKeyOnOneSideOnlyIsStillDrift() throws Exception {
    Path a = snapshot("a", "");
    Path b = snapshot("b", "  user: YWRtaW4=\n");
    JsonNode report = diff(a, b, ExitCodes.DRIFT);
    String text = report.toString();
    assertTrue(text.contains("/data/user"), text);
  }
}
