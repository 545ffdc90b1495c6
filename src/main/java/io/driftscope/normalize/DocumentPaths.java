package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves between raw documents and keyed field paths with the help of the schema: finds the value at
 * a {@link FieldPath} in a document, computes a keyed-list entry's key, and turns raw locations
 * (JSON Pointer tokens, jq {@code path()} output) into keyed paths.
 */
public final class DocumentPaths {

  private DocumentPaths() {}

  /**
   * The key of a keyed-list entry: its merge-key values as text, a missing key field taking the
   * element type's default (a container port's protocol is {@code TCP}); {@code null} when the
   * entry is not an object or a key field is missing with no default.
   */
  public static String[] keyOf(JsonNode entry, FieldSpec list) {
    if (entry == null || !entry.isObject()) {
      return null;
    }
    List<String> keys = list.keys();
    String[] values = new String[keys.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = entry.get(keys.get(i));
      if (Nodes.isAbsent(v)) {
        v = list.type().field(keys.get(i), null, null).defaultFor(entry, entry);
        if (v == DefaultRule.ANY_VALUE) {
          v = null;
        }
      }
      if (v == null || !v.isValueNode()) {
        return null;
      }
      values[i] = v.asText();
    }
    return values;
  }

  /** The keyed segment for an entry key computed by {@link #keyOf}. */
  public static FieldPath.Keyed segment(FieldSpec list, String[] key) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < key.length; i++) {
      fields.put(list.keys().get(i), key[i]);
    }
    return new FieldPath.Keyed(fields);
  }

  /** The value at {@code path} in {@code document} of root type {@code root}, or {@code null}. */
  public static JsonNode resolve(JsonNode document, TypeSpec root, FieldPath path) {
    JsonNode cur = document;
    FieldSpec spec = null;
    TypeSpec type = root;
    for (FieldPath.Segment s : path.segments()) {
      if (cur == null) {
        return null;
      }
      if (s instanceof FieldPath.Name n) {
        if (!cur.isObject()) {
          return null;
        }
        JsonNode next = cur.get(n.name());
        spec = type.field(n.name(), next, null);
        type = spec.type();
        cur = next;
      } else if (s instanceof FieldPath.Index i) {
        cur = cur.isArray() ? cur.get(i.index()) : null;
      } else {
        cur = findKeyed(cur, spec, (FieldPath.Keyed) s);
      }
    }
    return cur;
  }

  private static JsonNode findKeyed(JsonNode list, FieldSpec spec, FieldPath.Keyed key) {
    if (list == null || !list.isArray()) {
      return null;
    }
    for (JsonNode e : list) {
      if (!e.isObject()) {
        continue;
      }
      boolean match = true;
      for (Map.Entry<String, String> k : key.fields().entrySet()) {
        JsonNode v = e.get(k.getKey());
        if (Nodes.isAbsent(v) && spec != null && spec.type() != null) {
          v = spec.type().field(k.getKey(), null, null).defaultFor(e, e);
        }
        if (v == null || !v.isValueNode() || !v.asText().equals(k.getValue())) {
          match = false;
          break;
        }
      }
      if (match) {
        return e;
      }
    }
    return null;
  }

  /**
   * Turns raw location tokens into a keyed path in {@code document}: a {@code String} token is a
   * map key (or, inside a list, a position written in digits, or a keyed segment {@code k=v}); an
   * {@code Integer} is a list position. A position becomes the entry's keyed segment in a keyed
   * list and an index otherwise; a path into an atomic value stops at the value. {@code null} when
   * a position does not exist in this document.
   */
  public static FieldPath toFieldPath(JsonNode document, TypeSpec root, List<Object> tokens) {
    List<FieldPath.Segment> out = new ArrayList<>(tokens.size());
    JsonNode cur = document;
    TypeSpec type = root;
    FieldSpec spec = null;
    for (Object token : tokens) {
      if (spec != null
          && (spec.shape() == FieldSpec.Shape.ATOMIC || spec.shape() == FieldSpec.Shape.QUANTITY)) {
        break;
      }
      boolean inList = cur != null && cur.isArray();
      if (token instanceof Integer || (inList && isDigits((String) token))) {
        int index = token instanceof Integer i ? i : Integer.parseInt((String) token);
        if (!inList) {
          return null;
        }
        if (index < 0) {
          index += cur.size();
        }
        JsonNode entry = cur.get(index);
        if (entry == null) {
          return null;
        }
        if (spec != null && spec.shape() == FieldSpec.Shape.KEYED_LIST) {
          String[] key = keyOf(entry, spec);
          out.add(key == null ? new FieldPath.Index(index) : segment(spec, key));
        } else if (spec == null || spec.shape() == FieldSpec.Shape.LIST || !allScalars(cur)) {
          out.add(new FieldPath.Index(index));
        } else {
          break;
        }
        cur = entry;
        type = spec == null ? type : spec.type();
        spec = null;
      } else if (inList && ((String) token).indexOf('=') > 0) {
        FieldPath.Segment seg = FieldPath.parse("/" + token).last();
        if (!(seg instanceof FieldPath.Keyed k)) {
          return null;
        }
        out.add(k);
        cur = findKeyed(cur, spec, k);
        type = spec == null ? type : spec.type();
        spec = null;
      } else {
        String name = (String) token;
        JsonNode next = cur != null && cur.isObject() ? cur.get(name) : null;
        spec = type == null ? null : type.field(name, next, null);
        type = spec == null ? null : spec.type();
        out.add(new FieldPath.Name(name));
        cur = next;
      }
    }
    return FieldPath.of(out);
  }

  private static boolean allScalars(JsonNode list) {
    for (JsonNode e : list) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
