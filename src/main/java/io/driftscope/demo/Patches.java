package io.driftscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The patch formats of the Kubernetes API on Jackson trees: JSON Patch (RFC 6902), JSON merge patch
 * (RFC 7386) and strategic merge patch (the parts kubectl sends: keyed lists by their merge key,
 * {@code $patch: delete}, {@code $setElementOrder} and {@code $retainKeys} directives ignored).
 */
final class Patches {

  /** A patch that cannot be applied; the message is what the API server would name. */
  static final class PatchException extends Exception {
    PatchException(String message) {
      super(message);
    }
  }

  /** Merge keys of keyed lists, by field name (as the API's {@code patchMergeKey}). */
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("env", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("hostAliases", "ip"),
          Map.entry("conditions", "type"));

  private Patches() {}

  /** The merge key of a list field, looking at its elements for {@code ports}; else null. */
  static String mergeKey(String field, JsonNode elements) {
    if (field.equals("ports")) {
      for (JsonNode e : elements) {
        if (e.has("containerPort")) {
          return "containerPort";
        }
        if (e.has("port")) {
          return "port";
        }
      }
      return null;
    }
    return MERGE_KEYS.get(field);
  }

  /** Applies a JSON Patch to a copy of {@code target}. */
  static JsonNode applyJsonPatch(JsonNode target, JsonNode patch) throws PatchException {
    if (!patch.isArray()) {
      throw new PatchException(
          "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : patch) {
      String kind = op.path("op").asText("");
      String path = op.path("path").asText(null);
      if (path == null) {
        throw new PatchException("missing path in operation " + op);
      }
      switch (kind) {
        case "add" -> doc = add(doc, path, required(op, "value"));
        case "remove" -> doc = remove(doc, path);
        case "replace" -> {
          doc = remove(doc, path);
          doc = add(doc, path, required(op, "value"));
        }
        case "move" -> {
          String from = op.path("from").asText();
          JsonNode v = get(doc, from, "move");
          doc = remove(doc, from);
          doc = add(doc, path, v);
        }
        case "copy" -> doc = add(doc, path, get(doc, op.path("from").asText(), "copy").deepCopy());
        case "test" -> {
          JsonNode actual = at(doc, path);
          if (actual == null || !actual.equals(required(op, "value"))) {
            throw new PatchException("testing value " + path + " failed: test failed");
          }
        }
        default -> throw new PatchException("Unexpected kind: " + kind);
      }
    }
    return doc;
  }

  private static JsonNode required(JsonNode op, String field) throws PatchException {
    JsonNode v = op.get(field);
    if (v == null) {
      throw new PatchException("missing " + field + " in " + op.path("op").asText() + " operation");
    }
    return v;
  }

  private static List<String> tokens(String pointer) throws PatchException {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (!pointer.startsWith("/")) {
      throw new PatchException("JSON pointer must start with '/': " + pointer);
    }
    return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
        .map(t -> t.replace("~1", "/").replace("~0", "~"))
        .toList();
  }

  /** The node at a pointer, or null. */
  static JsonNode at(JsonNode doc, String pointer) throws PatchException {
    JsonNode n = doc;
    for (String t : tokens(pointer)) {
      if (n == null) {
        return null;
      }
      if (n.isArray()) {
        int i = index(t, n.size() - 1);
        n = n.get(i);
      } else {
        n = n.get(t);
      }
    }
    return n;
  }

  private static JsonNode get(JsonNode doc, String pointer, String op) throws PatchException {
    JsonNode v = at(doc, pointer);
    if (v == null) {
      throw new PatchException(
          op + " operation does not apply: doc is missing from path: " + pointer);
    }
    return v;
  }

  private static int index(String token, int max) throws PatchException {
    try {
      int i = Integer.parseInt(token);
      if (i < 0 || i > max) {
        throw new PatchException("Unable to access invalid index: " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new PatchException("Unable to access invalid index: " + token);
    }
  }

  private static JsonNode add(JsonNode doc, String pointer, JsonNode value) throws PatchException {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) {
      return value.deepCopy();
    }
    JsonNode parent = at(doc, pointerOf(t.subList(0, t.size() - 1)));
    String last = t.get(t.size() - 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value.deepCopy());
      } else {
        a.insert(index(last, a.size()), value.deepCopy());
      }
    } else {
      throw new PatchException(
          "add operation does not apply: doc is missing path: \"" + pointer + "\"");
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String pointer) throws PatchException {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) {
      throw new PatchException("cannot remove the whole document");
    }
    JsonNode parent = at(doc, pointerOf(t.subList(0, t.size() - 1)));
    String last = t.get(t.size() - 1);
    if (parent instanceof ObjectNode o && o.has(last)) {
      o.remove(last);
    } else if (parent instanceof ArrayNode a && !last.equals("-")) {
      a.remove(index(last, a.size() - 1));
    } else {
      throw new PatchException(
          "remove operation does not apply: doc is missing path: \"" + pointer + "\"");
    }
    return doc;
  }

  private static String pointerOf(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** Applies a JSON merge patch (RFC 7386) to a copy of {@code target}: null deletes a key. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : io.driftscope.core.Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** Applies a strategic merge patch to a copy of {@code target}. */
  static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : io.driftscope.core.Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      JsonNode value = e.getValue();
      if (field.startsWith("$")) {
        continue; // directives such as $setElementOrder, $retainKeys, $patch
      }
      if (value.isNull()) {
        result.remove(field);
      } else if (value.isArray() && result.get(field) instanceof ArrayNode current) {
        String key = mergeKey(field, value.size() > 0 ? value : current);
        result.set(
            field, key == null ? value.deepCopy() : mergeList(current, (ArrayNode) value, key));
      } else {
        result.set(field, strategicMerge(result.get(field), value));
      }
    }
    return result;
  }

  private static ArrayNode mergeList(ArrayNode current, ArrayNode patch, String key) {
    ArrayNode out = current.deepCopy();
    for (JsonNode p : patch) {
      JsonNode id = p.get(key);
      int found = -1;
      for (int i = 0; i < out.size(); i++) {
        if (id != null && id.equals(out.get(i).get(key))) {
          found = i;
          break;
        }
      }
      boolean delete = "delete".equals(p.path("$patch").asText());
      if (delete) {
        if (found >= 0) {
          out.remove(found);
        }
      } else if (found >= 0) {
        out.set(found, strategicMerge(out.get(found), p));
      } else {
        out.add(strategicMerge(null, p));
      }
    }
    return out;
  }
}
