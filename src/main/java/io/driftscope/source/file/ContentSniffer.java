package io.driftscope.source.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the format of a file by its content: a snapshot has a {@code driftscopeSnapshot} field, a
 * Score file an {@code apiVersion} of {@code score.dev/…}, a compose file top-level {@code
 * services} without {@code apiVersion}; anything else is taken for Kubernetes manifests. Only the
 * first document's top-level keys are looked at, so sniffing a large file costs little.
 */
public final class ContentSniffer {

  private ContentSniffer() {}

  /**
   * The format of a file. Never fails: a file that cannot be read or parsed is reported as {@link
   * ContentFormat#MANIFESTS}, and reading it as such then says what is wrong and where.
   */
  public static ContentFormat sniff(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(DocumentReader.HEAD);
    } catch (IOException e) {
      return ContentFormat.MANIFESTS;
    }
    if (head.length == 0 || DocumentReader.isBinary(head)) {
      return ContentFormat.MANIFESTS;
    }
    try (JsonParser parser = DocumentReader.parser(DocumentReader.syntaxOf(file, head), file)) {
      return sniff(parser);
    } catch (IOException | RuntimeException e) {
      return ContentFormat.MANIFESTS;
    }
  }

  private static ContentFormat sniff(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    // Skip leading empty YAML documents.
    while (token == JsonToken.VALUE_NULL
        || (token == JsonToken.VALUE_STRING && parser.getText().isEmpty())) {
      token = parser.nextToken();
    }
    if (token != JsonToken.START_OBJECT) {
      return ContentFormat.MANIFESTS;
    }
    boolean services = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case SnapshotFormat.VERSION_FIELD -> {
          return ContentFormat.SNAPSHOT;
        }
        case "apiVersion" -> {
          return value.isScalarValue() && isScore(parser.getText())
              ? ContentFormat.SCORE
              : ContentFormat.MANIFESTS;
        }
        case "services" -> services = value == JsonToken.START_OBJECT;
        default -> {}
      }
      parser.skipChildren();
    }
    return services ? ContentFormat.COMPOSE : ContentFormat.MANIFESTS;
  }

  /** The format of one parsed document, by the same rules. */
  public static ContentFormat classify(JsonNode document) {
    if (document == null || !document.isObject()) {
      return ContentFormat.MANIFESTS;
    }
    if (document.has(SnapshotFormat.VERSION_FIELD)) {
      return ContentFormat.SNAPSHOT;
    }
    JsonNode apiVersion = document.get("apiVersion");
    if (apiVersion != null) {
      return isScore(apiVersion.asText()) ? ContentFormat.SCORE : ContentFormat.MANIFESTS;
    }
    return document.path("services").isObject() ? ContentFormat.COMPOSE : ContentFormat.MANIFESTS;
  }

  private static boolean isScore(String apiVersion) {
    return apiVersion.startsWith("score.dev/");
  }
}
