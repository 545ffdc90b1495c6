package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.driftscope.core.Json;
import io.driftscope.demo.ApiRequest;
import io.driftscope.demo.ApiServer;
import io.driftscope.tui.DeltaScreen;
import io.driftscope.tui.Trace;
import io.driftscope.tui.TuiApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftscope apply --server-side [--force-conflicts]}, and the explorer with the same flags,
 * against the demo API server.
 */
class ApplyServerSideCommandTest {

  static final String DESIRED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        replicas: 2
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
              - name: web
                image: nginx:1.27
      """;

  static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/shop/deployments";

  @TempDir Path dir;
  ApiServer prod;
  Path kubeconfig;

  @BeforeEach
  void setUp() throws Exception {
    prod = ApiServer.start("prod");
    send("POST", "/api/v1/namespaces", "application/json", namespace());
    String live = DESIRED.replace("replicas: 2", "replicas: 5").replace("1.27", "1.25");
    send("POST", DEPLOYMENTS, "application/json", Json.MAPPER.writeValueAsString(yaml(live)));
    Files.createDirectories(dir.resolve("desired"));
    Files.writeString(dir.resolve("desired/api.yaml"), DESIRED);
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: prod\nclusters:\n- name: prod\n"
            + "  cluster:\n    server: "
            + prod.url()
            + "\ncontexts:\n- name: prod\n  context:\n    cluster: prod\n    user: prod\n"
            + "    namespace: shop\nusers:\n- name: prod\n  user:\n    token: demo-prod\n");
  }

  @AfterEach
  void tearDown() {
    prod.close();
  }

  static String namespace() {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}";
  }

  static Object yaml(String text) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(text);
  }

  HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(prod.url() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> resp =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertTrue(resp.statusCode() < 300, resp.statusCode() + " " + resp.body());
    return resp;
  }

  int liveReplicas() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(prod.url() + DEPLOYMENTS + "/api")).build(),
                HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(r.body()).path("spec").path("replicas").asInt();
  }

  List<ApiRequest> applyPatches() {
    return prod.requests().stream()
        .filter(r -> r.contentType().startsWith("application/apply-patch+yaml"))
        .toList();
  }

  CliRun run(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "desired",
                "k8s://prod/shop",
                "--kubeconfig",
                kubeconfig.toString(),
                "--resource",
                "Deployment/shop/api",
                "--wait",
                "0"));
    args.addAll(List.of(extra));
    args.add(0, "apply");
    return CliRun.run(dir, Map.of("USER", "tester"), args.toArray(String[]::new));
  }

  @Test
  void serverSideAppliesTheWholeResource() throws Exception {
    CliRun r = run("--server-side", "--yes", "--show-changes");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("by server-side apply (field manager driftscope)"), r.out());
    assertTrue(r.out().contains("  apply Deployment/shop/api"), r.out());
    assertTrue(r.out().contains("PATCH " + DEPLOYMENTS + "/api?fieldManager=driftscope"), r.out());
    List<ApiRequest> sent = applyPatches();
    assertEquals(2, sent.size(), sent.toString());
    assertTrue(sent.get(0).path().contains("dryRun=All"), sent.get(0).path());
    assertTrue(!sent.get(1).path().contains("force"), sent.get(1).path());
    assertEquals(2, liveReplicas());
  }

  @Test
  void aConflictFailsTheDryRunUntilForced() throws Exception {
    send(
        "PATCH",
        DEPLOYMENTS + "/api?fieldManager=kube-controller-manager",
        "application/apply-patch+yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 5\n");
    CliRun refused = run("--server-side", "--yes");
    assertEquals(2, refused.code(), refused.out() + refused.err());
    assertTrue(
        refused
            .out()
            .contains(
                "conflict: .spec.replicas is owned by kube-controller-manager;"
                    + " re-run with --force-conflicts to take it over"),
        refused.out());
    assertTrue(refused.err().contains("the dry run failed; nothing was applied"), refused.err());
    assertEquals(5, liveReplicas());

    CliRun forced = run("--server-side", "--force-conflicts", "--yes");
    assertEquals(0, forced.code(), forced.out() + forced.err());
    assertTrue(forced.out().contains("forcing conflicts"), forced.out());
    List<ApiRequest> sent = applyPatches();
    assertTrue(sent.get(sent.size() - 1).path().contains("force=true"), sent.toString());
    assertEquals(2, liveReplicas());
  }

  @Test
  void forceConflictsNeedsServerSide() {
    CliRun r = run("--force-conflicts", "--yes");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--force-conflicts needs --server-side"), r.err());
  }

  @Test
  void theExplorerWithServerSidePlansWholeResourcesByServerSideApply() throws Exception {
    Terminal terminal = terminal();
    RootCommand root = new RootCommand(terminal);
    new picocli.CommandLine(root)
        .parseArgs(
            "--server-side", "--kubeconfig", kubeconfig.toString(), "desired", "k8s://prod/shop");
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(120, 40));
    java.util.concurrent.atomic.AtomicReference<TuiApp> app =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Exception> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread explorer =
        new Thread(
            () -> {
              try {
                TuiLauncher.run(terminal, root, () -> new DeltaScreen(vt), Trace.NONE, app::set);
              } catch (Exception e) {
                failure.set(e);
              }
            });
    explorer.start();
    try {
      awaitScreen(vt, "● live", failure);
      for (char c : "/api".toCharArray()) {
        vt.addInput(new KeyStroke(c, false, false));
      }
      vt.addInput(new KeyStroke(KeyType.Enter));
      vt.addInput(new KeyStroke('>', false, false));
      String dialog = awaitScreen(vt, "Dry run on the server", failure);
      assertTrue(dialog.contains("By server-side apply (field manager driftscope):"), dialog);
      assertTrue(dialog.contains("apply Deployment/shop/api in k8s://prod/shop"), dialog);
      assertEquals(5, liveReplicas(), "nothing applied before confirming");
    } finally {
      TuiApp a = app.get();
      if (a != null) {
        a.stop();
      }
      explorer.join(10_000);
    }
  }

  @Test
  void forceConflictsAloneIsRefusedBeforeTheExplorerOpens() {
    CliRun r =
        CliRun.run(
            dir,
            "--force-conflicts",
            "--kubeconfig",
            kubeconfig.toString(),
            "desired",
            "k8s://prod/shop");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--force-conflicts needs --server-side"), r.err());
  }

  private Terminal terminal() {
    return new Terminal(
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
        Map.of(
            "HOME",
            dir.toString(),
            "XDG_STATE_HOME",
            dir.resolve(".state").toString(),
            "LANG",
            "C.UTF-8"),
        dir,
        java.time.Clock.systemUTC(),
        false);
  }

  /** The screen's text once it shows {@code text} (within 15 s). */
  private static String awaitScreen(
      DefaultVirtualTerminal vt,
      String text,
      java.util.concurrent.atomic.AtomicReference<Exception> failure)
      throws Exception {
    long until = System.nanoTime() + 15_000_000_000L;
    String screen = "";
    while (System.nanoTime() < until) {
      StringBuilder sb = new StringBuilder();
      TerminalSize size = vt.getTerminalSize();
      for (int row = 0; row < size.getRows(); row++) {
        for (int col = 0; col < size.getColumns(); col++) {
          sb.append(vt.getCharacter(col, row).getCharacterString());
        }
        sb.append('\n');
      }
      screen = sb.toString();
      if (screen.contains(text)) {
        return screen;
      }
      if (failure.get() != null) {
        throw new AssertionError("the explorer failed", failure.get());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + text + "' on the screen:\n" + screen);
  }
}
