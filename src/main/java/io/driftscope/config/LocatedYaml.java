package io.driftscope.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A small YAML document read into a Jackson tree that remembers the line each node starts on, so
 * errors in config and theme files can name {@code file:line}.
 */
public final class LocatedYaml {

  private final Path file;
  private final JsonNode root;
  private final Map<JsonNode, Integer> lines;

  private LocatedYaml(Path file, JsonNode root, Map<JsonNode, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  /** Reads a file; a YAML error names the file, line and column. */
  public static LocatedYaml read(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(file, text);
  }

  /** Parses text that came from {@code file} (used in messages only). */
  public static LocatedYaml parse(Path file, String text) throws ConfigException {
    Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    try {
      Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      JsonNode root = node == null ? Json.NODES.objectNode() : convert(node, lines);
      return new LocatedYaml(file, root, lines);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
      throw new ConfigException(file + where + ": malformed YAML: " + e.getProblem());
    } catch (RuntimeException e) {
      throw new ConfigException(file + ": malformed YAML: " + e.getMessage());
    }
  }

  private static JsonNode convert(Node node, Map<JsonNode, Integer> lines) {
    JsonNode out;
    if (node instanceof MappingNode map) {
      ObjectNode obj = Json.NODES.objectNode();
      for (NodeTuple t : map.getValue()) {
        String key =
            t.getKeyNode() instanceof ScalarNode s ? s.getValue() : t.getKeyNode().toString();
        obj.set(key, convert(t.getValueNode(), lines));
      }
      out = obj;
    } else if (node instanceof SequenceNode seq) {
      ArrayNode arr = Json.NODES.arrayNode();
      for (Node n : seq.getValue()) {
        arr.add(convert(n, lines));
      }
      out = arr;
    } else {
      ScalarNode s = (ScalarNode) node;
      out = scalar(s);
    }
    lines.put(out, node.getStartMark().getLine() + 1);
    return out;
  }

  private static JsonNode scalar(ScalarNode s) {
    Tag tag = s.getTag();
    String v = s.getValue();
    if (Tag.NULL.equals(tag)) {
      return Json.NODES.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return Json.NODES.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }
    if (Tag.INT.equals(tag)) {
      try {
        return Json.NODES.numberNode(new BigInteger(v.replace("_", "")));
      } catch (NumberFormatException e) {
        return Json.NODES.textNode(v);
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Json.NODES.numberNode(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return Json.NODES.textNode(v);
      }
    }
    return Json.NODES.textNode(v);
  }

  public Path file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The 1-based line {@code node} starts on, 0 when it did not come from this document. */
  public int line(JsonNode node) {
    Integer l = lines.get(node);
    return l == null ? 0 : l;
  }

  /** {@code file:line} of a node, for messages. */
  public String where(JsonNode node) {
    int l = line(node);
    return l > 0 ? file + ":" + l : file.toString();
  }
}
