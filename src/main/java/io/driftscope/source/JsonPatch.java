package io.driftscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies RFC 6902 JSON Patches to documents in memory and writes JSON Pointers; used to compute
 * the intended result of a change and to check an applier's output against it.
 */
public final class JsonPatch {

  /** A patch operation could not be applied; the message names the path and why. */
  public static final class PatchFailure extends Exception {
    private final PatchOp op;

    PatchFailure(PatchOp op, String message) {
      super(message);
      this.op = op;
    }

    /** The operation that failed. */
    public PatchOp op() {
      return op;
    }
  }

  private JsonPatch() {}

  /** A copy of {@code document} with {@code ops} applied in order. */
  public static JsonNode apply(JsonNode document, List<PatchOp> ops) throws PatchFailure {
    JsonNode root = document.deepCopy();
    for (PatchOp op : ops) {
      root = applyOne(root, op);
    }
    return root;
  }

  /** The patch as JSON text, one operation per line. */
  public static String toText(List<PatchOp> ops) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ops.size(); i++) {
      sb.append(i == 0 ? "\n  " : ",\n  ").append(ops.get(i).toJson().toString());
    }
    return sb.append(ops.isEmpty() ? "]" : "\n]").toString();
  }

  /** The tokens of a JSON Pointer, unescaped. */
  public static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** A JSON Pointer of the given (unescaped) tokens. */
  public static String pointer(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** The value at a pointer, or {@code null} when absent. */
  public static JsonNode get(JsonNode root, String pointer) {
    JsonNode n = root;
    for (String t : tokens(pointer)) {
      n = child(n, t);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static JsonNode child(JsonNode n, String token) {
    if (n instanceof ObjectNode o) {
      return o.get(token);
    }
    if (n instanceof ArrayNode a && isIndex(token)) {
      int i = Integer.parseInt(token);
      return i < a.size() ? a.get(i) : null;
    }
    return null;
  }

  private static boolean isIndex(String t) {
    return !t.isEmpty() && t.length() < 10 && t.chars().allMatch(Character::isDigit);
  }

  private static JsonNode applyOne(JsonNode root, PatchOp op) throws PatchFailure {
    List<String> tokens = tokens(op.path());
    if (tokens.isEmpty()) {
      return switch (op.op()) {
        case TEST -> {
          if (!root.equals(op.value())) {
            throw new PatchFailure(op, "test failed at the document root");
          }
          yield root;
        }
        case ADD, REPLACE -> op.value().deepCopy();
        case REMOVE -> throw new PatchFailure(op, "cannot remove the document root");
      };
    }
    JsonNode parent = root;
    for (String t : tokens.subList(0, tokens.size() - 1)) {
      parent = child(parent, t);
      if (parent == null) {
        throw new PatchFailure(op, op.path() + ": no such path (at '" + t + "')");
      }
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode o) {
      switch (op.op()) {
        case TEST -> {
          if (!op.value().equals(o.get(last))) {
            throw new PatchFailure(op, op.path() + ": " + describe(o.get(last)));
          }
        }
        case ADD -> o.set(last, op.value().deepCopy());
        case REPLACE -> {
          if (!o.has(last)) {
            throw new PatchFailure(op, op.path() + ": nothing to replace");
          }
          o.set(last, op.value().deepCopy());
        }
        case REMOVE -> {
          if (o.remove(last) == null) {
            throw new PatchFailure(op, op.path() + ": nothing to remove");
          }
        }
      }
      return root;
    }
    if (parent instanceof ArrayNode a) {
      if (op.op() == PatchOp.Op.ADD && last.equals("-")) {
        a.add(op.value().deepCopy());
        return root;
      }
      if (!isIndex(last)) {
        throw new PatchFailure(op, op.path() + ": '" + last + "' is not a list position");
      }
      int i = Integer.parseInt(last);
      int limit = op.op() == PatchOp.Op.ADD ? a.size() : a.size() - 1;
      if (i > limit) {
        throw new PatchFailure(op, op.path() + ": the list has " + a.size() + " entries");
      }
      switch (op.op()) {
        case TEST -> {
          if (!op.value().equals(a.get(i))) {
            throw new PatchFailure(op, op.path() + ": " + describe(a.get(i)));
          }
        }
        case ADD -> a.insert(i, op.value().deepCopy());
        case REPLACE -> a.set(i, op.value().deepCopy());
        case REMOVE -> a.remove(i);
      }
      return root;
    }
    throw new PatchFailure(op, op.path() + ": the parent is not a map or a list");
  }

  private static String describe(JsonNode n) {
    return n == null ? "no longer there" : "holds a different value now";
  }
}
