package io.driftscope.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.Json;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading must cost little more than parsing: a 30,000-resource JSON {@code List} file and a folder
 * of 3,000 YAML files, each against a plain Jackson parse of the same bytes. Best of three runs
 * after a warm-up; the bound is loose enough for a busy machine: it catches quadratic or per-file
 * setup work, not percents.
 */
class LoadSpeedTest {

  private static final int LIST_ITEMS = 30_000;
  private static final int FILES = 3_000;
  private static final ObjectMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  @Test
  void aLargeJsonListLoadsAboutAsFastAsItParses() throws Exception {
    StringBuilder json =
        new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n");
    for (int i = 0; i < LIST_ITEMS; i++) {
      json.append(i == 0 ? "" : ",\n").append(deploymentJson(i));
    }
    json.append("]}\n");
    Path file = Files.writeString(dir.resolve("all.json"), json);

    long parse =
        best(
            () -> {
              JsonNode tree = Json.MAPPER.readTree(Files.readAllBytes(file));
              return tree.get("items").size();
            });
    long load = best(() -> loadCount("all.json"));

    report("JSON List of " + LIST_ITEMS, parse, load);
    assertTrue(load < 5 * parse + 1000, "load " + load + " ms vs parse " + parse + " ms");
  }

  @Test
  void aFolderOfManyYamlFilesLoadsAboutAsFastAsItParses() throws Exception {
    Path folder = dir.resolve("m");
    for (int i = 0; i < FILES; i++) {
      Path sub = folder.resolve("team" + (i % 30));
      Files.createDirectories(sub);
      Files.writeString(sub.resolve("app" + i + ".yaml"), deploymentYaml(i));
    }
    List<Path> files;
    try (var walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }

    long parse =
        best(
            () -> {
              int n = 0;
              for (Path f : files) {
                try (MappingIterator<JsonNode> it =
                    YAML.readerFor(JsonNode.class).readValues(Files.readAllBytes(f))) {
                  while (it.hasNext()) {
                    it.next();
                    n++;
                  }
                }
              }
              return n;
            });
    long load = best(() -> loadCount("m"));

    report(FILES + " YAML files", parse, load);
    assertTrue(load < 5 * parse + 1000, "load " + load + " ms vs parse " + parse + " ms");
  }

  private int loadCount(String spec) {
    try (Source source = FileSources.open(dir, spec)) {
      LoadResult result = source.load();
      assertEquals(spec.endsWith(".json") ? LIST_ITEMS : FILES, result.resources().size());
      return result.resources().size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Run {
    int run() throws IOException;
  }

  /** The best of three runs, in milliseconds, after a warm-up run. */
  private static long best(Run run) {
    long best = Long.MAX_VALUE;
    try {
      for (int i = 0; i < 4; i++) {
        long start = System.nanoTime();
        run.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (i >= 1) {
          best = Math.min(best, ms);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return best;
  }

  private static void report(String what, long parse, long load) {
    System.out.printf("%s: parse %d ms, load %d ms%n", what, parse, load);
  }

  private static String deploymentJson(int i) {
    return ("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"app-%d\","
            + "\"namespace\":\"ns-%d\",\"labels\":{\"app\":\"app-%d\",\"team\":\"t%d\"}},"
            + "\"spec\":{\"replicas\":%d,\"selector\":{\"matchLabels\":{\"app\":\"app-%d\"}},"
            + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"app-%d\"}},\"spec\":{\"containers\":"
            + "[{\"name\":\"main\",\"image\":\"registry.example.com/app-%d:1.%d\","
            + "\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],"
            + "\"env\":[{\"name\":\"MODE\",\"value\":\"prod\"},{\"name\":\"LEVEL\",\"value\":\"%d\"}],"
            + "\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}}}]}}}}")
        .formatted(i, i % 10, i, i % 7, i % 5, i, i, i, i % 9, i);
  }

  private static String deploymentYaml(int i) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-%d
          namespace: ns-%d
          labels:
            app: app-%d
            team: t%d
        spec:
          replicas: %d
          selector:
            matchLabels:
              app: app-%d
          template:
            metadata:
              labels:
                app: app-%d
            spec:
              containers:
                - name: main
                  image: registry.example.com/app-%d:1.%d
                  ports:
                    - containerPort: 8080
                      protocol: TCP
                  env:
                    - name: MODE
                      value: prod
                    - name: LEVEL
                      value: "%d"
                  resources:
                    limits:
                      cpu: 500m
                      memory: 256Mi
        """
        .formatted(i, i % 10, i, i % 7, i % 5, i, i, i, i % 9, i);
  }
}
