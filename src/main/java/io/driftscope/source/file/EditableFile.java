package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.Json;
import io.driftscope.core.ResourceKey;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The text of one manifest file, parsed twice: by SnakeYAML's composer, for the position of every
 * node (to edit only the characters of a value), and by Jackson, for the values as the loader reads
 * them. JSON files are read as YAML for positions (JSON is YAML's flow style).
 */
final class EditableFile {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** One document: its node tree, its value, and the text range it owns. */
  record Doc(Node node, JsonNode value, int start, int end) {}

  final String text;
  final boolean json;
  final List<Doc> docs;
  private final int[] charOfCodePoint;

  private EditableFile(String text, boolean json, List<Doc> docs, int[] charOfCodePoint) {
    this.text = text;
    this.json = json;
    this.docs = docs;
    this.charOfCodePoint = charOfCodePoint;
  }

  /** Parses a file's text; throws with the parser's message when it does not parse. */
  static EditableFile parse(String text, boolean json) throws IOException {
    int[] map = codePointMap(text);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(1000);
    List<Node> nodes = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    try {
      for (Node n : new Yaml(options).composeAll(new StringReader(text))) {
        nodes.add(n);
      }
      for (Event e : new Yaml(options).parse(new StringReader(text))) {
        if (e instanceof DocumentStartEvent) {
          starts.add(lineStart(text, charAt(map, e.getStartMark().getIndex())));
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(firstLine(e.getMessage()), e);
    }
    List<JsonNode> values = new ArrayList<>();
    if (json) {
      values.add(Json.MAPPER.readTree(text));
    } else {
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
        while (it.hasNextValue()) {
          values.add(it.nextValue());
        }
      }
    }
    List<Doc> docs = new ArrayList<>();
    int n = Math.min(nodes.size(), values.size());
    for (int i = 0; i < n; i++) {
      int start = i < starts.size() ? starts.get(i) : 0;
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      if (i == 0) {
        start = 0;
      }
      docs.add(new Doc(nodes.get(i), values.get(i), start, end));
    }
    return new EditableFile(text, json, docs, map);
  }

  /** The character offset of a SnakeYAML mark index (which counts code points). */
  int offset(int markIndex) {
    return charAt(charOfCodePoint, markIndex);
  }

  int start(Node n) {
    return offset(n.getStartMark().getIndex());
  }

  int end(Node n) {
    return offset(n.getEndMark().getIndex());
  }

  /** The documents whose value is the resource with this key (namespace unchecked when absent). */
  List<Integer> find(ResourceKey key) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      if (isResource(docs.get(i).value(), key)) {
        out.add(i);
      }
    }
    return out;
  }

  static boolean isResource(JsonNode v, ResourceKey key) {
    if (v == null || !v.isObject()) {
      return false;
    }
    String ns = v.path("metadata").path("namespace").asText("");
    return key.kind().equals(v.path("kind").asText())
        && key.group().equals(ResourceKey.groupOf(v.path("apiVersion").asText()))
        && key.name().equals(v.path("metadata").path("name").asText())
        && (ns.isEmpty() || ns.equals(key.namespace()));
  }

  /**
   * A resource found in the file.
   *
   * @param file the file
   * @param doc the index of its document
   * @param base where it sits inside the document: empty, or {@code items/N} in a List
   * @param value its value
   * @param line the 1-based line where its document starts
   */
  record Found(EditableFile file, int doc, List<String> base, JsonNode value, int line) {}

  /** The resource with this key, nearest to {@code line} when the file holds it twice. */
  java.util.Optional<Found> locate(ResourceKey key, int line) {
    List<Found> candidates = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Doc d = docs.get(i);
      int docLine = lineOf(start(d.node()));
      if (isResource(d.value(), key)) {
        candidates.add(new Found(this, i, List.of(), d.value(), docLine));
      } else if (d.value() != null
          && d.value().path("kind").asText().endsWith("List")
          && d.value().path("items").isArray()) {
        JsonNode items = d.value().get("items");
        for (int j = 0; j < items.size(); j++) {
          if (isResource(items.get(j), key)) {
            candidates.add(
                new Found(this, i, List.of("items", Integer.toString(j)), items.get(j), docLine));
          }
        }
      }
    }
    Found best = null;
    for (Found f : candidates) {
      if (best == null || Math.abs(f.line() - line) < Math.abs(best.line() - line)) {
        best = f;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** The 1-based line of a character offset. */
  int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int lineStart(String text, int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** The offset just past the end of the line holding {@code offset - 1}, i.e. the next line. */
  static int nextLine(String text, int offset) {
    if (offset > 0 && offset <= text.length() && text.charAt(offset - 1) == '\n') {
      return offset;
    }
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  private static int[] codePointMap(String text) {
    if (text.codePointCount(0, text.length()) == text.length()) {
      return null;
    }
    int[] map = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      map[cp++] = i;
    }
    map[cp] = text.length();
    return map;
  }

  private static int charAt(int[] map, int index) {
    return map == null ? index : map[Math.min(index, map.length - 1)];
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
