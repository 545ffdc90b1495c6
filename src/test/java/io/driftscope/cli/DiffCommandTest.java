package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code driftscope diff} end to end: files in, exit code and JSON/text out. */
class DiffCommandTest {

  @TempDir Path dir;

  static Stream<Arguments> fixturePairs() {
    return Stream.of(
        Arguments.of("deployment-config.json", "deployment-live.json", List.of(), true, List.of()),
        Arguments.of(
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            List.of("--namespace", "elasticsearch4"),
            true,
            List.of()),
        Arguments.of("smd-deploy-config.yaml", "smd-deploy-live.yaml", List.of(), true, List.of()),
        Arguments.of(
            "mutatingwebhookconfig-config.json",
            "mutatingwebhookconfig-live.json",
            List.of(),
            true,
            List.of()),
        Arguments.of(
            "smd-service-config.yaml",
            "smd-service-live.yaml",
            List.of(),
            false,
            List.of("/spec/ports/port=1935,protocol=TCP/targetPort")),
        Arguments.of(
            "target-deployment.yaml",
            "live-deployment.yaml",
            List.of(),
            false,
            List.of("/metadata/annotations/iksm-version", "/spec/replicas")),
        Arguments.of(
            "target-deployment.yaml",
            "live-deployment.yaml",
            List.of("--ignore-manager", "janitor"),
            false,
            List.of("/spec/replicas")));
  }

  @ParameterizedTest(name = "{0} vs {1} {2}")
  @MethodSource("fixturePairs")
  void fixtureVerdictsMatchUpstream(
      String desired, String live, List<String> extra, boolean inSync, List<String> paths)
      throws Exception {
    List<String> args =
        new ArrayList<>(List.of("diff", Fixtures.file(desired), Fixtures.file(live)));
    args.addAll(List.of("--mode", "desired", "--output", "json"));
    args.addAll(extra);
    CliRun r = CliRun.run(dir, args.toArray(String[]::new));
    assertEquals(inSync ? 0 : 1, r.code(), r.err());
    JsonNode out = Json.MAPPER.readTree(r.out());
    assertEquals(inSync, out.get("inSync").asBoolean());
    List<String> drifted = new ArrayList<>();
    for (JsonNode res : out.get("resources")) {
      for (JsonNode d : res.get("differences")) {
        if (!d.get("status").asText().equals("ignored")) {
          drifted.add(d.get("path").asText());
        }
      }
    }
    assertEquals(paths, drifted.stream().sorted().toList());
  }

  @Test
  void jsonContractHasKeysSummaryAndOmitsAbsentValues() throws Exception {
    Path left =
        Files.writeString(
            dir.resolve("left.yaml"),
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: flags}
        data: {a: "1", b: "2"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: only-left}
        """);
    Path right =
        Files.writeString(
            dir.resolve("right.yaml"),
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: flags}
        data: {a: "1", c: "3"}
        """);
    CliRun r = CliRun.run(dir, "diff", left.toString(), right.toString(), "-o", "json");
    assertEquals(1, r.code(), r.err());
    JsonNode out = Json.MAPPER.readTree(r.out());
    assertEquals("symmetric", out.get("mode").asText());
    assertFalse(out.get("inSync").asBoolean());
    JsonNode summary = out.get("summary");
    assertEquals(1, summary.get("changed").asInt());
    assertEquals(1, summary.get("onlyLeft").asInt());
    JsonNode flags = out.get("resources").get(0);
    assertEquals("", flags.get("key").get("group").asText());
    assertEquals("v1", flags.get("key").get("version").asText());
    assertEquals("default", flags.get("key").get("namespace").asText());
    JsonNode b = flags.get("differences").get(0);
    assertEquals("/data/b", b.get("path").asText());
    assertEquals("onlyLeft", b.get("status").asText());
    assertEquals("2", b.get("left").asText());
    assertFalse(b.has("right"));
  }

  @Test
  void textOutputGroupsByResourceWithASummary() throws Exception {
    CliRun r =
        CliRun.run(
            dir,
            "diff",
            Fixtures.file("smd-service-config.yaml"),
            Fixtures.file("smd-service-live.yaml"),
            "--color",
            "never");
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.out().contains("/spec/ports/port=1935,protocol=TCP/targetPort  1936  →  1935"), r.out());
    assertTrue(
        r.out().contains("1 resource: 0 same, 1 changed, 0 only left, 0 only right"), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour with --color never");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: ConfigMap\nmetadata: {name: [\n");
    CliRun r = CliRun.run(dir, "diff", bad.toString(), Fixtures.file("smd-service-live.yaml"));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("driftscope: "), r.err());
    assertTrue(r.err().contains("bad.yaml:"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());

    r = CliRun.run(dir, "diff", "nope.yaml", Fixtures.file("smd-service-live.yaml"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nope.yaml"), r.err());

    r = CliRun.run(dir, "diff", "ftp://x", Fixtures.file("smd-service-live.yaml"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown source scheme 'ftp:'"), r.err());

    r = CliRun.run(dir, "diff", "a.yaml");
    assertEquals(2, r.code());
  }

  @Test
  void badIgnoreRulesAreTroubleNamingTheRule() throws Exception {
    Path cfg =
        Files.writeString(
            dir.resolve("driftscope.yaml"),
            "ignore:\n  - kind: Deployment\n    jqPathExpressions: ['.spec[']\n");
    CliRun r =
        CliRun.run(
            dir,
            "diff",
            Fixtures.file("target-deployment.yaml"),
            Fixtures.file("live-deployment.yaml"),
            "--config",
            cfg.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("driftscope.yaml:2"), r.err());
  }
}
