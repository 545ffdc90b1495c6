package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates a field path with keyed segments ({@code /spec/containers/name=web/image}) into a JSON
 * Pointer with list positions in one particular document ({@code /spec/containers/1/image}), with
 * {@code test} operations that guard each keyed entry's key fields at the position found.
 */
final class PathResolver {

  /**
   * How far a path resolved in a document.
   *
   * @param tokens the pointer tokens of the resolved prefix
   * @param guards tests on the key fields of each keyed entry passed
   * @param resolved how many segments resolved
   * @param value the value at the whole path, {@code null} when it did not resolve completely
   * @param last the value at the resolved prefix (the document when nothing resolved)
   */
  record Resolution(
      List<String> tokens, List<PatchOp> guards, int resolved, JsonNode value, JsonNode last) {

    boolean complete() {
      return value != null;
    }

    String pointer() {
      return JsonPatch.pointer(tokens);
    }
  }

  private PathResolver() {}

  /** Resolves {@code path} in {@code document} as far as it goes. */
  static Resolution resolve(JsonNode document, FieldPath path) {
    List<String> tokens = new ArrayList<>();
    List<PatchOp> guards = new ArrayList<>();
    JsonNode node = document;
    int i = 0;
    for (FieldPath.Segment s : path.segments()) {
      JsonNode next = null;
      String token = null;
      if (s instanceof FieldPath.Name n && node instanceof ObjectNode o) {
        next = o.get(n.name());
        token = n.name();
      } else if (s instanceof FieldPath.Index ix && node instanceof ArrayNode a) {
        next = ix.index() < a.size() ? a.get(ix.index()) : null;
        token = Integer.toString(ix.index());
      } else if (s instanceof FieldPath.Keyed k && node instanceof ArrayNode a) {
        for (int e = 0; e < a.size() && next == null; e++) {
          if (keyMatches(a.get(e), k)) {
            next = a.get(e);
            token = Integer.toString(e);
          }
        }
        if (next != null) {
          for (String field : k.fields().keySet()) {
            List<String> at = new ArrayList<>(tokens);
            at.add(token);
            at.add(field);
            guards.add(PatchOp.test(JsonPatch.pointer(at), next.get(field)));
          }
        }
      }
      if (next == null) {
        return new Resolution(tokens, guards, i, null, node);
      }
      tokens.add(token);
      node = next;
      i++;
    }
    return new Resolution(tokens, guards, i, node, node);
  }

  /** The value at {@code path} in {@code document}, or {@code null}. */
  static JsonNode valueAt(JsonNode document, FieldPath path) {
    return document == null ? null : resolve(document, path).value();
  }

  static boolean keyMatches(JsonNode entry, FieldPath.Keyed k) {
    if (!(entry instanceof ObjectNode)) {
      return false;
    }
    for (Map.Entry<String, String> f : k.fields().entrySet()) {
      JsonNode v = entry.get(f.getKey());
      if (v == null || v.isContainerNode() || !v.asText().equals(f.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value to add at segment {@code from} of {@code path} so that {@code leaf} ends up at the
   * whole path: the segments below {@code from} are built as maps or one-entry lists, and keyed
   * entries get their key fields, typed as in {@code source} (the document the leaf comes from).
   */
  static JsonNode wrap(FieldPath path, int from, JsonNode leaf, JsonNode source) {
    List<FieldPath.Segment> segs = path.segments();
    JsonNode node = withKeys(path, segs.size() - 1, leaf.deepCopy(), source);
    for (int j = segs.size() - 1; j > from; j--) {
      if (segs.get(j) instanceof FieldPath.Name n) {
        ObjectNode o = Json.NODES.objectNode();
        o.set(n.name(), node);
        node = o;
      } else {
        ArrayNode a = Json.NODES.arrayNode();
        a.add(node);
        node = a;
      }
      node = withKeys(path, j - 1, node, source);
    }
    return node;
  }

  private static JsonNode withKeys(FieldPath path, int at, JsonNode node, JsonNode source) {
    if (!(path.segments().get(at) instanceof FieldPath.Keyed k)
        || !(node instanceof ObjectNode o)) {
      return node;
    }
    JsonNode entry =
        source == null ? null : valueAt(source, FieldPath.of(path.segments().subList(0, at + 1)));
    ObjectNode out = Json.NODES.objectNode();
    for (Map.Entry<String, String> f : k.fields().entrySet()) {
      JsonNode typed = entry == null ? null : entry.get(f.getKey());
      out.set(f.getKey(), typed != null ? typed.deepCopy() : Json.NODES.textNode(f.getValue()));
    }
    o.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }

  /** The pointer token that adds at segment {@code s} of a container of {@code size} entries. */
  static String addToken(FieldPath.Segment s, JsonNode container) {
    if (s instanceof FieldPath.Name n) {
      return n.name();
    }
    if (s instanceof FieldPath.Index ix && ix.index() < container.size()) {
      return Integer.toString(ix.index());
    }
    return "-";
  }
}
