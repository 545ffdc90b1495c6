package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftscope apply} end to end on real folders: printed plan, files and exit codes. */
class ApplyCommandTest {

  static final String STAGING =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
      """;

  static final String PROD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 5  # sale
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.25
      """;

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("staging"));
    Files.createDirectories(dir.resolve("prod"));
    Files.writeString(dir.resolve("staging/api.yaml"), STAGING);
    Files.writeString(dir.resolve("prod/api.yaml"), PROD);
  }

  CliRun run(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "apply";
    System.arraycopy(args, 0, line, 1, args.length);
    return CliRun.run(dir, Map.of("USER", "tester"), line);
  }

  String prod() throws Exception {
    return Files.readString(dir.resolve("prod/api.yaml"));
  }

  @Test
  void appliesOneFieldWithYes() throws Exception {
    CliRun r =
        run(
            "staging",
            "prod",
            "--path",
            "Deployment.apps/api:/spec/template/spec/containers/name=web/image",
            "--yes",
            "--wait",
            "5");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "replace /spec/template/spec/containers/name=web/image nginx:1.25 → nginx:1.27"),
        r.out());
    assertTrue(r.out().contains("in sync: prod"), r.out());
    assertEquals(PROD.replace("nginx:1.25", "nginx:1.27"), prod());
    assertTrue(Files.exists(dir.resolve(".state/driftscope/journal.jsonl")));
  }

  @Test
  void dryRunChangesNothing() throws Exception {
    CliRun r =
        run("staging", "prod", "--resource", "Deployment/api", "--dry-run", "--show-changes");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("warning: Deployment/shop/api: replicas go down from 5 to 2")
            || r.out().contains("replicas go down from 5 to 2"),
        r.out());
    assertTrue(r.out().contains("+  replicas: 2  # sale"), r.out());
    assertEquals(PROD, prod());
    assertFalse(Files.exists(dir.resolve(".state/driftscope/journal.jsonl")));
  }

  @Test
  void refusesWithoutYesOnANonInteractiveStdin() throws Exception {
    CliRun r = run("staging", "prod");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("replace /spec/replicas 5 → 2"), r.out());
    assertTrue(r.err().contains("--yes"), r.err());
    assertEquals(PROD, prod());
  }

  @Test
  void nothingToDoExitsOne() throws Exception {
    Files.writeString(dir.resolve("prod/api.yaml"), STAGING);
    CliRun r = run("staging", "prod", "--yes");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("nothing to apply"), r.out());
  }

  @Test
  void readOnlyRefuses() throws Exception {
    CliRun r = run("staging", "prod", "--yes", "--read-only");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("read-only"), r.err());
    assertEquals(PROD, prod());
  }

  @Test
  void protectedTargetsNeedTheirNameAndRightToLeftWorks() throws Exception {
    Files.writeString(
        dir.resolve("driftscope.yaml"),
        """
        environments:
          staging: staging
          prod: { source: prod, protected: true }
        """);
    CliRun refused = run("staging", "prod", "--yes");
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("protected"), refused.err());
    assertEquals(PROD, prod());
    CliRun ok = run("staging", "prod", "--yes", "--confirm", "prod", "--wait", "0");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertEquals(
        PROD.replace("nginx:1.25", "nginx:1.27").replace("replicas: 5", "replicas: 2"), prod());
    CliRun back =
        run(
            "staging",
            "prod",
            "--direction",
            "right-to-left",
            "--resource",
            "Deployment/api",
            "--yes",
            "--wait",
            "0");
    assertEquals(1, back.code(), back.out() + back.err());
  }

  @Test
  void aFailedDryRunExitsTwo() throws Exception {
    Files.writeString(
        dir.resolve("prod/api.yaml"), PROD.replace("spec:\n  replicas", "spec: &s\n  replicas"));
    CliRun r = run("staging", "prod", "--yes");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("✗ dry run"), r.out());
    assertTrue(r.err().contains("dry run failed"), r.err());
  }

  @Test
  void anUnknownResourceIsBadInput() {
    CliRun r = run("staging", "prod", "--resource", "Deployment/nope", "--yes");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no resource Deployment/nope"), r.err());
  }
}
