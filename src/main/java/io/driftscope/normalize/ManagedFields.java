package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A live object's {@code metadata.managedFields}, read into one ownership tree per manager: who
 * owns which field, and with which operation. A manager owns a field when its {@code fieldsV1}
 * lists that field or an ancestor of it as a leaf; a {@code .} key owns an entry's existence, not
 * its fields. Immutable.
 */
public final class ManagedFields {

  /** No managers. */
  public static final ManagedFields NONE = new ManagedFields(List.of());

  /**
   * One manager's entry; its {@code fieldsV1} tree is read on first use, as most comparisons never
   * ask who owns what. Not shared between threads.
   */
  public static final class Entry {
    private final String manager;
    private final String operation;
    private final String subresource;
    private final JsonNode raw;
    private Node fields;

    Entry(String manager, String operation, String subresource, JsonNode raw) {
      this.manager = manager;
      this.operation = operation;
      this.subresource = subresource;
      this.raw = raw;
    }

    public String manager() {
      return manager;
    }

    public String operation() {
      return operation;
    }

    public String subresource() {
      return subresource;
    }

    /** Whether the entry was written by server-side apply. */
    public boolean isApply() {
      return "Apply".equals(operation);
    }

    /** {@code kube-controller-manager (Update)}, with the subresource when there is one. */
    public String describe() {
      return manager
          + " ("
          + operation
          + (subresource == null || subresource.isEmpty() ? "" : ", subresource " + subresource)
          + ")";
    }

    /** Whether this entry owns {@code path}. */
    public boolean owns(FieldPath path) {
      return fields().owns(path);
    }

    Node fields() {
      if (fields == null) {
        fields = Node.parse(raw == null || !raw.isObject() ? Json.NODES.objectNode() : raw);
      }
      return fields;
    }
  }

  /** One node of a {@code fieldsV1} tree. */
  public static final class Node {
    private final Map<String, Node> names = new HashMap<>();
    private final List<Map.Entry<Map<String, String>, Node>> keyed = new ArrayList<>();
    private final Map<Integer, Node> indexes = new HashMap<>();
    private boolean dot;
    private boolean values;
    private boolean leaf;

    static Node parse(JsonNode fieldsV1) {
      Node n = new Node();
      n.leaf = fieldsV1.isObject() && fieldsV1.isEmpty();
      for (Iterator<Map.Entry<String, JsonNode>> it = fieldsV1.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if (k.equals(".")) {
          n.dot = true;
        } else if (k.startsWith("f:")) {
          n.names.put(k.substring(2), parse(e.getValue()));
        } else if (k.startsWith("k:")) {
          Map<String, String> key = parseKey(k.substring(2));
          if (key != null) {
            n.keyed.add(Map.entry(key, parse(e.getValue())));
          }
        } else if (k.startsWith("i:")) {
          try {
            n.indexes.put(Integer.parseInt(k.substring(2)), parse(e.getValue()));
          } catch (NumberFormatException ignored) {
            // not an index: skip the malformed entry rather than fail the comparison
          }
        } else if (k.startsWith("v:")) {
          n.values = true;
        }
      }
      return n;
    }

    private static Map<String, String> parseKey(String json) {
      Map<String, String> flat = parseFlatKey(json);
      if (flat != null) {
        return flat;
      }
      try {
        JsonNode obj = Json.MAPPER.readTree(json);
        Map<String, String> key = new LinkedHashMap<>();
        obj.fields()
            .forEachRemaining(
                f ->
                    key.put(
                        f.getKey(),
                        f.getValue().isValueNode()
                            ? f.getValue().asText()
                            : f.getValue().toString()));
        return key;
      } catch (IOException e) {
        return null;
      }
    }

    /**
     * Reads the usual key form {@code {"containerPort":80,"protocol":"TCP"}} (string and number
     * values, no escapes) without a JSON parser; {@code null} for anything else.
     */
    private static Map<String, String> parseFlatKey(String json) {
      int n = json.length();
      if (n < 2 || json.charAt(0) != '{' || json.charAt(n - 1) != '}' || json.indexOf('\\') >= 0) {
        return null;
      }
      Map<String, String> key = new LinkedHashMap<>();
      int i = 1;
      while (i < n - 1) {
        if (json.charAt(i) != '"') {
          return null;
        }
        int endName = json.indexOf('"', i + 1);
        if (endName < 0 || endName + 1 >= n || json.charAt(endName + 1) != ':') {
          return null;
        }
        String name = json.substring(i + 1, endName);
        int v = endName + 2;
        String value;
        int next;
        if (v < n && json.charAt(v) == '"') {
          int endValue = json.indexOf('"', v + 1);
          if (endValue < 0) {
            return null;
          }
          value = json.substring(v + 1, endValue);
          next = endValue + 1;
        } else {
          next = v;
          while (next < n - 1 && json.charAt(next) != ',') {
            next++;
          }
          value = json.substring(v, next);
          if (value.isEmpty() || value.charAt(0) == '{' || value.charAt(0) == '[') {
            return null;
          }
        }
        key.put(name, value);
        if (next < n - 1) {
          if (json.charAt(next) != ',') {
            return null;
          }
          next++;
        }
        i = next;
      }
      return key;
    }

    private Node child(FieldPath.Segment s) {
      if (s instanceof FieldPath.Name n) {
        return names.get(n.name());
      }
      if (s instanceof FieldPath.Keyed k) {
        for (Map.Entry<Map<String, String>, Node> e : keyed) {
          if (e.getKey().equals(k.fields())) {
            return e.getValue();
          }
        }
        return null;
      }
      return indexes.get(((FieldPath.Index) s).index());
    }

    boolean owns(FieldPath path) {
      Node n = this;
      for (FieldPath.Segment s : path.segments()) {
        n = n.child(s);
        if (n == null) {
          return false;
        }
        if (n.leaf) {
          return true;
        }
      }
      return n != this && (n.dot || n.values);
    }

    void forEachOwned(List<FieldPath.Segment> prefix, BiConsumer<FieldPath, Boolean> sink) {
      if (leaf || dot || values) {
        sink.accept(FieldPath.of(prefix), leaf);
      }
      names.forEach((k, v) -> walk(prefix, new FieldPath.Name(k), v, sink));
      keyed.forEach(e -> walk(prefix, new FieldPath.Keyed(e.getKey()), e.getValue(), sink));
      indexes.forEach((k, v) -> walk(prefix, new FieldPath.Index(k), v, sink));
    }

    private static void walk(
        List<FieldPath.Segment> prefix,
        FieldPath.Segment s,
        Node child,
        BiConsumer<FieldPath, Boolean> sink) {
      List<FieldPath.Segment> p = new ArrayList<>(prefix);
      p.add(s);
      child.forEachOwned(p, sink);
    }
  }

  private final List<Entry> entries;

  private ManagedFields(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads {@code metadata.managedFields} of a document; {@link #NONE} when it has none. */
  public static ManagedFields of(JsonNode document) {
    JsonNode list = document == null ? null : document.path("metadata").get("managedFields");
    if (list == null || !list.isArray() || list.isEmpty()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode m : list) {
      entries.add(
          new Entry(
              m.path("manager").asText(""),
              m.path("operation").asText(""),
              m.path("subresource").asText(""),
              m.get("fieldsV1")));
    }
    return new ManagedFields(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Every field an entry owns, as paths: leaves ({@code true}) and entries whose existence it owns
   * ({@code false}).
   */
  public static void forEachOwned(Entry entry, BiConsumer<FieldPath, Boolean> sink) {
    entry
        .fields()
        .forEachOwned(
            List.of(),
            (path, leaf) -> {
              if (!path.isRoot()) {
                sink.accept(path, leaf);
              }
            });
  }
}
