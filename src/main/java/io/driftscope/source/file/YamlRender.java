package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes values as YAML (or JSON) text for an edit in place: scalars in the quoting style the old
 * value had where that keeps their type, collections in block style at a given indentation.
 */
final class YamlRender {

  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+=-]*");
  private static final Resolver RESOLVER = new Resolver();

  private final boolean json;
  private final int sequenceIndent;

  /**
   * A renderer.
   *
   * @param json write JSON (for {@code .json} files)
   * @param sequenceIndent how far a block sequence's {@code -} is indented past its key (0 or 2, as
   *     the file does it)
   */
  YamlRender(boolean json, int sequenceIndent) {
    this.json = json;
    this.sequenceIndent = sequenceIndent;
  }

  /** A scalar, preferring the style the value it replaces had. */
  String scalar(JsonNode v, DumperOptions.ScalarStyle previous) {
    if (json || !v.isTextual()) {
      return v.isTextual() ? quoted(v.asText()) : v.toString();
    }
    String s = v.asText();
    if (previous == DumperOptions.ScalarStyle.SINGLE_QUOTED && !s.contains("\n")) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (previous == DumperOptions.ScalarStyle.DOUBLE_QUOTED || !plainSafe(s)) {
      return quoted(s);
    }
    return s;
  }

  /** A key of a mapping. */
  String key(String k) {
    return json || !plainSafe(k) ? quoted(k) : k;
  }

  private static boolean plainSafe(String s) {
    return PLAIN_SAFE.matcher(s).matches()
        && RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, s, true).equals(Tag.STR)
        && !s.equalsIgnoreCase("y")
        && !s.equalsIgnoreCase("n");
  }

  private static String quoted(String s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A value on one line: a scalar as {@link #scalar}, a collection in flow style. */
  String inline(JsonNode v) {
    return v.isContainerNode() ? flow(v) : scalar(v, null);
  }

  /** A value in flow style (JSON), on one line. */
  String flow(JsonNode v) {
    if (v.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(quoted(e.getKey())).append(": ").append(flow(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < v.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(flow(v.get(i)));
      }
      return sb.append(']').toString();
    }
    return v.isTextual() ? quoted(v.asText()) : v.toString();
  }

  /**
   * What follows {@code key:} for a value of a block mapping whose keys stand at {@code indent}:
   * {@code " value"} for a scalar or empty collection, else a newline and the indented block
   * (without a final newline).
   */
  String afterKey(JsonNode v, int indent) {
    if (json || !v.isContainerNode() || v.isEmpty()) {
      return " " + (v.isContainerNode() ? flow(v) : scalar(v, null));
    }
    if (v.isObject()) {
      return "\n" + mapping(v, indent + 2);
    }
    return "\n" + sequence(v, indent + sequenceIndent);
  }

  /** A block mapping whose keys stand at {@code indent}, lines joined by newlines. */
  String mapping(JsonNode v, int indent) {
    StringBuilder sb = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
      sb.append(afterKey(e.getValue(), indent));
      if (it.hasNext()) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** A block sequence whose dashes stand at {@code indent}. */
  String sequence(JsonNode v, int indent) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.size(); i++) {
      sb.append(" ".repeat(indent)).append(item(v.get(i), indent));
      if (i + 1 < v.size()) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code - item}, with the item's further lines indented past the dash at {@code dash}. */
  String item(JsonNode v, int dash) {
    if (!v.isContainerNode() || v.isEmpty()) {
      return "- " + (v.isContainerNode() ? flow(v) : scalar(v, null));
    }
    if (v.isObject()) {
      return "- " + mapping(v, dash + 2).substring(dash + 2);
    }
    return "- " + sequence(v, dash + 2).substring(dash + 2);
  }
}
