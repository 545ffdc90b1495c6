package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One type of the Kubernetes mini-schema (e.g. {@code PodSpec}): its known fields, the shape of any
 * other key (for maps), server-owned key prefixes, and whether unknown content is recognised
 * structurally (pod templates and container lists inside custom resources). Filled once while the
 * table loads, read-only afterwards.
 */
public final class TypeSpec {

  private final String name;
  final Map<String, FieldSpec> fields = new HashMap<>();
  final List<Map.Entry<String, FieldSpec>> prefixes = new ArrayList<>();
  FieldSpec values;
  Map<String, FieldSpec> structural = Map.of();

  TypeSpec(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /**
   * The spec of field {@code field}, given its value on either side (used to recognise pod
   * templates structurally); never {@code null}.
   */
  public FieldSpec field(String field, JsonNode left, JsonNode right) {
    FieldSpec f = fields.get(field);
    if (f != null) {
      return f;
    }
    if (!prefixes.isEmpty()) {
      for (Map.Entry<String, FieldSpec> p : prefixes) {
        if (field.startsWith(p.getKey())) {
          return p.getValue();
        }
      }
    }
    if (!structural.isEmpty()) {
      FieldSpec s = structural.get(field);
      if (s != null && recognised(s, left, right)) {
        return s;
      }
    }
    return values;
  }

  private static boolean recognised(FieldSpec s, JsonNode left, JsonNode right) {
    if (s.shape() == FieldSpec.Shape.KEYED_LIST) {
      return listOfObjects(left) || listOfObjects(right);
    }
    String path = s.whenPresent();
    return path == null || has(left, path) || has(right, path);
  }

  private static boolean listOfObjects(JsonNode v) {
    if (v == null || !v.isArray() || v.isEmpty()) {
      return false;
    }
    for (JsonNode e : v) {
      if (!e.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(JsonNode v, String dotted) {
    JsonNode cur = v;
    int start = 0;
    while (cur != null && start <= dotted.length()) {
      int dot = dotted.indexOf('.', start);
      String part = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
      cur = cur.isObject() ? cur.get(part) : null;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return cur != null && !cur.isNull();
  }

  @Override
  public String toString() {
    return name;
  }
}
