package io.driftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import io.driftscope.demo.DemoClusters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftscope watch} against the demo's two API servers, changed from outside. */
class WatchCommandTest {

  @TempDir Path dir;

  @Test
  void printsDriftThenEachChangeOfVerdictUntilInterrupted() throws Exception {
    try (DemoClusters demo = DemoClusters.start(null, 7, null, line -> {})) {
      PipedInputStream in = new PipedInputStream(1 << 16);
      PrintStream out = new PrintStream(new PipedOutputStream(in), true, StandardCharsets.UTF_8);
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                  for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                  }
                } catch (java.io.IOException e) {
                  // the pipe closes when the test ends
                }
              });
      reader.setDaemon(true);
      reader.start();
      Terminal t =
          new Terminal(
              out, System.err, Map.of("HOME", dir.toString()), dir, Clock.systemUTC(), false);
      Thread[] runner = new Thread[1];
      CompletableFuture<Integer> code = new CompletableFuture<>();
      runner[0] =
          new Thread(
              () ->
                  code.complete(
                      Main.run(
                          t,
                          "watch",
                          "--kubeconfig",
                          demo.kubeconfigPath().toString(),
                          DemoClusters.STAGING_SPEC,
                          DemoClusters.PROD_SPEC,
                          "-o",
                          "json")));
      runner[0].start();

      // First one line per drifted resource, with no previous verdict.
      Set<String> drifted = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertNotNull(line, "an initial line per drifted resource");
        JsonNode o = Json.MAPPER.readTree(line);
        assertTrue(o.get("from").isNull(), line);
        drifted.add(o.get("key").asText());
      }
      assertTrue(drifted.contains("Deployment.apps/shop/api"), drifted.toString());
      assertTrue(drifted.contains("ConfigMap/shop/feature-flags"), drifted.toString());

      // Then a line when someone changes prod and a verdict or its paths change.
      JsonNode change = null;
      for (int step = 0; step < 12 && change == null; step++) {
        demo.actor().orElseThrow().step();
        String line = lines.poll(10, TimeUnit.SECONDS);
        while (line != null) {
          JsonNode o = Json.MAPPER.readTree(line);
          if (o.has("key") && !o.get("from").isNull()) {
            change = o;
            break;
          }
          line = lines.poll(1, TimeUnit.SECONDS);
        }
      }
      assertNotNull(change, "a change of verdict was reported");
      assertTrue(
          change.has("time") && change.has("to") && change.has("differences"), change.toString());

      runner[0].interrupt();
      assertEquals(0, code.get(30, TimeUnit.SECONDS), "interrupted: exit 0");
    }
  }
}
