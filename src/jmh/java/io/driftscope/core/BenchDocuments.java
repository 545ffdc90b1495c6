package io.driftscope.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The realistic documents the micro-benchmarks run on (from {@code src/jmh/resources/bench}). */
public final class BenchDocuments {

  private BenchDocuments() {}

  /** The raw text of {@code bench/NAME}. */
  public static String text(String name) {
    try (InputStream in = BenchDocuments.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("benchmark document bench/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document {@code bench/NAME} parsed. */
  public static ObjectNode document(String name) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document {@code bench/NAME} as a resource, keyed as a file source would key it. */
  public static Resource resource(String name) {
    ObjectNode doc = document(name);
    String apiVersion = doc.path("apiVersion").asText();
    ObjectNode meta = (ObjectNode) doc.get("metadata");
    ResourceKey key =
        new ResourceKey(
            ResourceKey.groupOf(apiVersion),
            doc.path("kind").asText(),
            meta.path("namespace").asText(""),
            meta.path("name").asText());
    return new Resource(key, apiVersion, doc, Origin.of("bench/" + name));
  }
}
