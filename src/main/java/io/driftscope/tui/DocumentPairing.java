package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.diff.Difference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a left and a right document in step, child by child, labelling each child as the engine's
 * field paths do: map keys by name, list entries by the merge key the differences use ({@code
 * name=web}), else by position. Shared by the tree and the detail pane so both line up with the
 * differences.
 */
final class DocumentPairing {

  /** Receives the children of one container in display order. */
  interface Visitor {
    void child(String label, boolean listEntry, JsonNode left, JsonNode right);
  }

  private static final List<String> BY_INDEX = List.of();

  /** Array path → the key fields its entries are labelled by ({@link #BY_INDEX}: by position). */
  private final Map<String, List<String>> listKeys = new HashMap<>();

  /** Learns how each list is keyed from the paths of {@code differences}. */
  DocumentPairing(List<Difference> differences) {
    StringBuilder prefix = new StringBuilder();
    for (Difference d : differences) {
      prefix.setLength(0);
      for (FieldPath.Segment s : d.path().segments()) {
        if (s instanceof FieldPath.Keyed k) {
          listKeys.putIfAbsent(prefix.toString(), List.copyOf(k.fields().keySet()));
        } else if (s instanceof FieldPath.Index) {
          listKeys.putIfAbsent(prefix.toString(), BY_INDEX);
        }
        prefix.append('/').append(s.text());
      }
    }
  }

  /** Whether a value has children to walk. */
  static boolean container(JsonNode n) {
    return n != null && (n.isObject() || n.isArray()) && n.size() > 0;
  }

  /**
   * Visits the children of the pair at {@code path} (escaped, as in field paths). A side whose
   * value is absent or not of the same container kind contributes nothing.
   */
  void children(JsonNode l, JsonNode r, String path, Visitor v) {
    boolean objects = (l == null || l.isObject()) && (r == null || r.isObject());
    boolean arrays = (l == null || l.isArray()) && (r == null || r.isArray());
    if (objects) {
      objectChildren(l, r, v);
    } else if (arrays) {
      arrayChildren(l, r, path, v);
    }
  }

  private static void objectChildren(JsonNode l, JsonNode r, Visitor v) {
    if (l != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        v.child(
            new FieldPath.Name(e.getKey()).text(),
            false,
            e.getValue(),
            r == null ? null : r.get(e.getKey()));
      }
    }
    if (r != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (l == null || !l.has(e.getKey())) {
          v.child(new FieldPath.Name(e.getKey()).text(), false, null, e.getValue());
        }
      }
    }
  }

  private void arrayChildren(JsonNode l, JsonNode r, String path, Visitor v) {
    List<String> keys = listKeys.get(path);
    if (keys == null) {
      keys = guessKeys(l, r);
    }
    Map<String, JsonNode> left = keyed(l, keys);
    Map<String, JsonNode> right = keyed(r, keys);
    if (left == null || right == null) {
      left = keyed(l, BY_INDEX);
      right = keyed(r, BY_INDEX);
    }
    for (Map.Entry<String, JsonNode> e : left.entrySet()) {
      v.child(e.getKey(), true, e.getValue(), right.get(e.getKey()));
    }
    for (Map.Entry<String, JsonNode> e : right.entrySet()) {
      if (!left.containsKey(e.getKey())) {
        v.child(e.getKey(), true, null, e.getValue());
      }
    }
  }

  /**
   * Lists of objects that each have a distinct {@code name} are keyed by it, as Kubernetes does.
   */
  private static List<String> guessKeys(JsonNode l, JsonNode r) {
    for (JsonNode a : new JsonNode[] {l, r}) {
      if (a == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (JsonNode e : a) {
        if (!e.isObject() || !e.path("name").isTextual() || !seen.add(e.get("name").asText())) {
          return BY_INDEX;
        }
      }
    }
    return List.of("name");
  }

  /** Entries by label, or {@code null} when some entry lacks the key or two share one. */
  private static Map<String, JsonNode> keyed(JsonNode a, List<String> keys) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (a == null) {
      return out;
    }
    int i = 0;
    for (JsonNode e : a) {
      String label;
      if (keys.isEmpty()) {
        label = Integer.toString(i);
      } else {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String k : keys) {
          JsonNode f = e.get(k);
          if (f == null || f.isContainerNode()) {
            return null;
          }
          fields.put(k, f.asText());
        }
        label = new FieldPath.Keyed(fields).text();
      }
      if (out.put(label, e) != null) {
        return null;
      }
      i++;
    }
    return out;
  }

  /** Splits a list of segments' texts; used by tests and the detail pane. */
  static List<String> segmentTexts(FieldPath p) {
    List<String> out = new ArrayList<>(p.size());
    for (FieldPath.Segment s : p.segments()) {
      out.add(s.text());
    }
    return out;
  }
}
