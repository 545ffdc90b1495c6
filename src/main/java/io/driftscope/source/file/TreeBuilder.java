package io.driftscope.source.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.driftscope.core.CompactFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a Jackson tree from a parser positioned on a value, the same way for YAML and JSON (so
 * that {@code 80} is the same node whichever file it came from), and does for YAML what Jackson's
 * own tree reader does not: resolves aliases ({@code *name}) and merge keys ({@code <<}), and
 * rejects duplicate keys as {@code kubectl} does. One builder reads one file.
 */
final class TreeBuilder {

  /** Malformed content found while building, with where it is. */
  static final class ContentException extends IOException {
    final JsonLocation location;

    ContentException(String message, JsonLocation location) {
      super(message);
      this.location = location;
    }
  }

  /** How many nodes aliases may copy into one file's documents (a guard against alias bombs). */
  private static final int ALIAS_BUDGET = 1_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";

  /** Up to this many fields, duplicate keys are found by scanning the fields read so far. */
  private static final int LINEAR_DUPLICATE_CHECK = 16;

  /** Receives each element of the elements field as soon as it is read. */
  interface ElementListener {
    /**
     * The element {@code node}, starting at {@code start}, of the elements field of the value being
     * read; the document holding it is still being read.
     */
    void element(JsonLocation start, JsonNode node);
  }

  private final JsonParser parser;
  private final YAMLParser yaml;
  private final TextValues texts;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int aliasBudget = ALIAS_BUDGET;
  private Object[] scratch = new Object[256];
  private int top;

  TreeBuilder(JsonParser parser) {
    this(parser, new TextValues());
  }

  /** A builder sharing repeated string values through {@code texts}; use it on this thread. */
  TreeBuilder(JsonParser parser, TextValues texts) {
    this.parser = parser;
    this.yaml = parser instanceof YAMLParser y ? y : null;
    this.texts = texts;
  }

  /** Reads the value at the current token, leaving the parser on its last token. */
  JsonNode value() throws IOException {
    return value(null, null);
  }

  /**
   * Reads the value at the current token; when it is an object, each element of its array field
   * {@code elementsField} goes to {@code elements} as soon as it is read.
   */
  JsonNode value(String elementsField, ElementListener elements) throws IOException {
    JsonToken token = parser.currentToken();
    String anchor = yaml == null ? null : yaml.getObjectId();
    JsonNode node =
        switch (token) {
          case START_OBJECT -> object(elementsField, elements);
          case START_ARRAY -> array(null);
          case VALUE_STRING -> string();
          case VALUE_NUMBER_INT -> integer();
          case VALUE_NUMBER_FLOAT -> floating();
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          case VALUE_EMBEDDED_OBJECT -> embedded();
          default ->
              throw new ContentException(
                  "unexpected " + token + " where a value belongs", parser.currentTokenLocation());
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private ObjectNode object(String elementsField, ElementListener elements) throws IOException {
    // Fields collect on the shared scratch stack (a nested object uses the space above and gives
    // it back) and land in one exactly sized array: no per-object hash table.
    int base = top;
    Set<String> seen = null;
    List<ObjectNode> merged = null;
    try {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (yaml != null) {
          name = texts.name(name); // the JSON parser interns names itself
        }
        if (yaml != null && MERGE_KEY.equals(name)) {
          JsonLocation nameAt = parser.currentTokenLocation();
          parser.nextToken();
          if (merged == null) {
            merged = new ArrayList<>();
          }
          addMerged(value(), merged, nameAt);
          continue;
        }
        int count = (top - base) / 2;
        if (count >= LINEAR_DUPLICATE_CHECK && seen == null) {
          seen = new HashSet<>();
          for (int i = base; i < top; i += 2) {
            seen.add((String) scratch[i]);
          }
        }
        if (seen != null ? !seen.add(name) : holds(base, name)) {
          throw new ContentException("duplicate key '" + name + "'", parser.currentTokenLocation());
        }
        parser.nextToken();
        JsonNode child =
            elements != null && name.equals(elementsField) && parser.hasToken(JsonToken.START_ARRAY)
                ? array(elements)
                : value();
        push(name, child);
      }
      ObjectNode explicit = CompactFields.objectNode(scratch, base, (top - base) / 2);
      if (merged == null) {
        return explicit;
      }
      // Merge keys: explicit keys win over merged ones, earlier merged maps over later ones.
      ObjectNode result = CompactFields.objectNode();
      for (ObjectNode map : merged) {
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          if (!result.has(e.getKey())) {
            result.set(e.getKey(), e.getValue().deepCopy());
          }
        }
      }
      result.setAll(explicit);
      return result;
    } finally {
      release(base);
    }
  }

  private boolean holds(int base, String name) {
    for (int i = base; i < top; i += 2) {
      if (name.equals(scratch[i])) {
        return true;
      }
    }
    return false;
  }

  private void push(Object a, Object b) {
    if (top + 2 > scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[top++] = a;
    scratch[top++] = b;
  }

  private void release(int base) {
    Arrays.fill(scratch, base, top, null);
    top = base;
  }

  private static void addMerged(JsonNode value, List<ObjectNode> merged, JsonLocation at)
      throws ContentException {
    if (value instanceof ObjectNode map) {
      merged.add(map);
    } else if (value instanceof ArrayNode list) {
      for (JsonNode element : list) {
        if (!(element instanceof ObjectNode map)) {
          throw new ContentException("merge key '<<' takes mappings only", at);
        }
        merged.add(map);
      }
    } else {
      throw new ContentException("merge key '<<' takes a mapping or a list of mappings", at);
    }
  }

  /** Reads a list; its elements also go to {@code elements}, when given, one by one. */
  private ArrayNode array(ElementListener elements) throws IOException {
    int base = top;
    try {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw new ContentException("unexpected end of input in a list", parser.currentLocation());
        }
        JsonLocation start = elements == null ? null : parser.currentTokenLocation();
        JsonNode element = value();
        if (elements != null) {
          elements.element(start, element);
        }
        if (top == scratch.length) {
          scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[top++] = element;
      }
      List<JsonNode> read = new ArrayList<>(top - base);
      for (int i = base; i < top; i++) {
        read.add((JsonNode) scratch[i]);
      }
      return new ArrayNode(NODES, read);
    } finally {
      release(base);
    }
  }

  private JsonNode string() throws IOException {
    if (yaml != null && yaml.isCurrentAlias()) {
      String name = parser.getText();
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw new ContentException("unknown alias *" + name, parser.currentTokenLocation());
      }
      return copy(target);
    }
    if (yaml == null) {
      // JSON: look the value up by its characters; a repeated one then needs no string at all.
      return texts.text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
    return texts.text(parser.getText());
  }

  private JsonNode copy(JsonNode target) throws ContentException {
    if (!target.isContainerNode()) {
      return target;
    }
    aliasBudget -= count(target, aliasBudget + 1);
    if (aliasBudget < 0) {
      throw new ContentException(
          "aliases expand to more than " + ALIAS_BUDGET + " nodes", parser.currentTokenLocation());
    }
    return target.deepCopy();
  }

  private static int count(JsonNode node, int limit) {
    int n = 1;
    for (JsonNode child : node) {
      if (n > limit) {
        break;
      }
      n += child.isContainerNode() ? count(child, limit - n) : 1;
    }
    return n;
  }

  private JsonNode integer() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private JsonNode floating() throws IOException {
    try {
      return NODES.numberNode(parser.getDoubleValue());
    } catch (IOException | NumberFormatException notJsonNumber) {
      // YAML's .inf and .nan have no JSON form; keep what was written.
      return NODES.textNode(parser.getText());
    }
  }

  private JsonNode embedded() throws IOException {
    Object value = parser.getEmbeddedObject();
    return value instanceof byte[] bytes
        ? NODES.binaryNode(bytes)
        : NODES.textNode(parser.getText());
  }
}
