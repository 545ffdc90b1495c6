package io.driftscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.util.Locale;
import java.util.Objects;

/**
 * One RFC 6902 JSON Patch operation on a JSON Pointer with list positions ({@code
 * /spec/template/spec/containers/0/image}).
 *
 * @param op what to do
 * @param path the JSON Pointer
 * @param value the value for {@code add}, {@code replace} and {@code test}; {@code null} for {@code
 *     remove}
 */
public record PatchOp(Op op, String path, JsonNode value) {

  /** The operations Driftscope uses. */
  public enum Op {
    TEST,
    ADD,
    REMOVE,
    REPLACE;

    /** The RFC 6902 name, e.g. {@code replace}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PatchOp {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
    if (op != Op.REMOVE) {
      Objects.requireNonNull(value, "value of " + op.jsonName() + " " + path);
    }
  }

  public static PatchOp test(String path, JsonNode value) {
    return new PatchOp(Op.TEST, path, value);
  }

  public static PatchOp add(String path, JsonNode value) {
    return new PatchOp(Op.ADD, path, value);
  }

  public static PatchOp remove(String path) {
    return new PatchOp(Op.REMOVE, path, null);
  }

  public static PatchOp replace(String path, JsonNode value) {
    return new PatchOp(Op.REPLACE, path, value);
  }

  /** The operation as a JSON Patch object. */
  public ObjectNode toJson() {
    ObjectNode o = Json.NODES.objectNode();
    o.put("op", op.jsonName());
    o.put("path", path);
    if (value != null) {
      o.set("value", value.deepCopy());
    }
    return o;
  }

  /** Reads one JSON Patch object. */
  public static PatchOp fromJson(JsonNode node) {
    Op op = Op.valueOf(node.path("op").asText().toUpperCase(Locale.ROOT));
    return new PatchOp(op, node.path("path").asText(), node.get("value"));
  }
}
