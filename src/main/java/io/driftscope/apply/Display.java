package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.PatchOp;
import java.util.List;

/** How values appear in plans: compact, one line, and secret values masked. */
final class Display {

  static final String MASK = "••••••";
  private static final int MAX = 60;

  private Display() {}

  /** Whether values of this resource are secret. */
  static boolean isSecret(ResourceKey key) {
    return key.kind().equals("Secret") && key.group().isEmpty();
  }

  /** Whether a path inside a secret holds secret values. */
  static boolean secretPath(ResourceKey key, String firstToken) {
    return isSecret(key) && (firstToken.equals("data") || firstToken.equals("stringData"));
  }

  /** A value on one line, shortened; masked when secret. */
  static String value(JsonNode v, boolean secret) {
    if (v == null) {
      return "(absent)";
    }
    if (secret) {
      return MASK;
    }
    String text = v.isTextual() && simple(v.asText()) ? v.asText() : v.toString();
    return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
  }

  private static boolean simple(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c > ' ' && c != '"' && c != '→' && c < 127);
  }

  /** Whether a keyed field path points into a secret's values. */
  static boolean secret(ResourceKey key, FieldPath path) {
    return !path.isRoot()
        && path.segments().get(0) instanceof FieldPath.Name n
        && secretPath(key, n.name());
  }

  /** A copy of a document with secret values masked. */
  static JsonNode masked(ResourceKey key, JsonNode doc) {
    if (!isSecret(key) || !(doc instanceof ObjectNode)) {
      return doc;
    }
    ObjectNode copy = (ObjectNode) doc.deepCopy();
    for (String f : List.of("data", "stringData")) {
      if (copy.get(f) instanceof ObjectNode values) {
        values.fieldNames().forEachRemaining(n -> values.put(n, MASK));
      }
    }
    return copy;
  }

  /** An operation with a secret value masked. */
  static PatchOp masked(ResourceKey key, PatchOp op) {
    if (!isSecret(key) || op.value() == null) {
      return op;
    }
    if (op.path().isEmpty()) {
      return new PatchOp(op.op(), op.path(), masked(key, op.value()));
    }
    String first = op.path().substring(1).split("/", -1)[0];
    if (!secretPath(key, first)) {
      return op;
    }
    JsonNode v = op.value().isObject() ? maskAll(op.value()) : Json.NODES.textNode(MASK);
    return new PatchOp(op.op(), op.path(), v);
  }

  private static JsonNode maskAll(JsonNode obj) {
    ObjectNode copy = (ObjectNode) obj.deepCopy();
    copy.fieldNames().forEachRemaining(n -> copy.put(n, MASK));
    return copy;
  }
}
