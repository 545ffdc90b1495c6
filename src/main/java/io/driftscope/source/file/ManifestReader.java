package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one file of Kubernetes manifests: multi-document YAML or JSON, {@code List} kinds
 * unwrapped, empty documents skipped. A file named directly must hold only manifests; in a folder,
 * what is not a manifest is skipped with one notice each. A document with a {@code kind} but no
 * {@code metadata.name} is bad input either way.
 */
final class ManifestReader {

  private static final String ITEMS = "items";

  private ManifestReader() {}

  /**
   * Reads a file.
   *
   * @param named whether the user named this file directly (strict) rather than its folder
   */
  static FileManifests read(Path file, String display, boolean named) throws SourceException {
    return read(file, display, named, new TextValues());
  }

  /**
   * Reads a file, sharing repeated string values with the other files of the load through {@code
   * texts}.
   *
   * @param named whether the user named this file directly (strict) rather than its folder
   */
  static FileManifests read(Path file, String display, boolean named, TextValues texts)
      throws SourceException {
    return read(file, display, named, texts, null);
  }

  /**
   * Reads a file, sharing repeated string values with the other files of the load through {@code
   * texts}, and handing each manifest to {@code early} as soon as it is read: a list's items one by
   * one while the file is still being parsed, other documents once it is. What {@code early} sees
   * is a first look: the file may still turn out bad, and a document that looked like a list item
   * may not be one.
   *
   * @param named whether the user named this file directly (strict) rather than its folder
   * @param early receives the manifests as they are read, or {@code null}
   */
  static FileManifests read(
      Path file, String display, boolean named, TextValues texts, Consumer<ManifestDocument> early)
      throws SourceException {
    // Stamped before reading, so that a write during the read shows as a change afterwards.
    FileStamp stamp = FileStamp.of(file);
    List<String> notices = new ArrayList<>();
    List<ManifestDocument> documents = new ArrayList<>();
    List<RawDocument> raw;
    try (DocumentReader.Content content = DocumentReader.open(file, display)) {
      byte[] head = content.head();
      if (content.isEmpty()) {
        skipOrFail(named, display, "empty file (0 bytes)", notices);
        return new FileManifests(file, documents, notices, stamp);
      }
      if (DocumentReader.isBinary(head)) {
        throw new SourceException(display + ": binary file, not YAML or JSON");
      }
      DocumentReader.ElementSink sink =
          early == null
              ? null
              : (at, node) -> {
                if (looksLikeManifest(node)) {
                  early.accept(new ManifestDocument((ObjectNode) node, at));
                }
              };
      raw =
          DocumentReader.parse(
              content, DocumentReader.syntaxOf(file, head), file, display, ITEMS, texts, sink);
    } catch (java.io.IOException e) {
      throw new SourceException(
          "unreadable file: " + display + " (" + DocumentReader.reason(e) + ")");
    }
    if (raw.isEmpty()) {
      skipOrFail(named, display, "no documents (only comments or empty documents)", notices);
    }
    for (RawDocument doc : raw) {
      if (isList(doc.node())) {
        JsonNode items = doc.node().get(ITEMS);
        for (int i = 0; i < items.size(); i++) {
          accept(items.get(i), doc.elements().get(i), true, named, documents, notices);
        }
      } else if (accept(doc.node(), doc.location(), false, named, documents, notices)
          && early != null) {
        early.accept(documents.get(documents.size() - 1));
      }
    }
    return new FileManifests(file, documents, notices, stamp);
  }

  private static boolean looksLikeManifest(JsonNode node) {
    return node instanceof ObjectNode
        && !text(node.get("kind")).isEmpty()
        && !text(node.get("apiVersion")).isEmpty()
        && !text(node.path("metadata").get("name")).isEmpty();
  }

  /** {@code kind: List}, or a {@code *List} kind holding {@code items} and naming no object. */
  static boolean isList(JsonNode node) {
    if (!node.isObject() || !node.path(ITEMS).isArray()) {
      return false;
    }
    String kind = node.path("kind").asText("");
    return kind.equals("List") || (kind.endsWith("List") && !node.path("metadata").has("name"));
  }

  /** Adds a manifest to {@code documents}; returns whether it did. */
  private static boolean accept(
      JsonNode node,
      DocumentLocation at,
      boolean item,
      boolean named,
      List<ManifestDocument> documents,
      List<String> notices)
      throws SourceException {
    String what = item ? "list item" : "document";
    if (!(node instanceof ObjectNode object)) {
      String why = what + " is not a mapping but " + describe(node);
      if (named) {
        throw new SourceException(at + ": " + why);
      }
      notices.add(at + ": skipped, " + why);
      return false;
    }
    String kind = text(object.get("kind"));
    String apiVersion = text(object.get("apiVersion"));
    if (!kind.isEmpty() && text(object.path("metadata").get("name")).isEmpty()) {
      JsonNode name = object.path("metadata").get("name");
      String problem =
          name == null || name.isNull() || name.asText().isEmpty()
              ? "has no metadata.name"
              : "has a metadata.name that is not a string (" + name + ")";
      throw new SourceException(at + ": " + what + " of kind " + kind + " " + problem);
    }
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      String missing =
          kind.isEmpty() && apiVersion.isEmpty()
              ? "apiVersion and kind"
              : kind.isEmpty() ? "kind" : "apiVersion";
      ContentFormat format = ContentSniffer.classify(object);
      if (named) {
        String hint =
            format == ContentFormat.MANIFESTS
                ? ""
                : " (it looks like " + format.description() + ")";
        throw new SourceException(at + ": " + what + " has no " + missing + hint);
      }
      notices.add(
          at
              + ": skipped, "
              + (format == ContentFormat.MANIFESTS
                  ? "a " + what + " without " + missing
                  : format.description() + ", not a Kubernetes manifest"));
      return false;
    }
    documents.add(new ManifestDocument(object, at));
    return true;
  }

  private static void skipOrFail(boolean named, String display, String why, List<String> notices)
      throws SourceException {
    if (named) {
      throw new SourceException(display + ": " + why);
    }
    notices.add(display + ": skipped, " + why);
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue().strip() : "";
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "the text '" + abbreviate(node.textValue()) + "'";
    }
    return "the value " + abbreviate(node.toString());
  }

  private static String abbreviate(String s) {
    String line = s.replaceAll("\\s+", " ");
    return line.length() > 40 ? line.substring(0, 37) + "..." : line;
  }
}
