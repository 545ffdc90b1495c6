package io.driftscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The smallest plain JSON Patch that turns one document into another: maps entry by entry, lists
 * position by position (entries past the shorter list added or removed at the end). Each {@code
 * replace} and {@code remove} is preceded by a {@code test} of the old value, so applying the patch
 * to anything but {@code from} fails.
 */
public final class JsonDiff {

  private JsonDiff() {}

  /** The guarded patch from {@code from} to {@code to}; empty when they are equal. */
  public static List<PatchOp> diff(JsonNode from, JsonNode to) {
    List<PatchOp> out = new ArrayList<>();
    diff(from, to, new ArrayList<>(), out, true);
    return out;
  }

  /** The same patch without {@code test} operations. */
  public static List<PatchOp> diffUnguarded(JsonNode from, JsonNode to) {
    List<PatchOp> out = new ArrayList<>();
    diff(from, to, new ArrayList<>(), out, false);
    return out;
  }

  private static void diff(
      JsonNode from, JsonNode to, List<String> at, List<PatchOp> out, boolean guard) {
    if (from.equals(to)) {
      return;
    }
    if (from.isObject() && to.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        at.add(e.getKey());
        JsonNode other = to.get(e.getKey());
        if (other == null) {
          String p = JsonPatch.pointer(at);
          if (guard) {
            out.add(PatchOp.test(p, e.getValue()));
          }
          out.add(PatchOp.remove(p));
        } else {
          diff(e.getValue(), other, at, out, guard);
        }
        at.remove(at.size() - 1);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!from.has(e.getKey())) {
          at.add(e.getKey());
          out.add(PatchOp.add(JsonPatch.pointer(at), e.getValue()));
          at.remove(at.size() - 1);
        }
      }
      return;
    }
    if (from.isArray() && to.isArray()) {
      int common = Math.min(from.size(), to.size());
      for (int i = 0; i < common; i++) {
        at.add(Integer.toString(i));
        diff(from.get(i), to.get(i), at, out, guard);
        at.remove(at.size() - 1);
      }
      // Remove from the end backwards so that positions stay valid.
      for (int i = from.size() - 1; i >= common; i--) {
        at.add(Integer.toString(i));
        String p = JsonPatch.pointer(at);
        if (guard) {
          out.add(PatchOp.test(p, from.get(i)));
        }
        out.add(PatchOp.remove(p));
        at.remove(at.size() - 1);
      }
      for (int i = common; i < to.size(); i++) {
        at.add(Integer.toString(i));
        out.add(PatchOp.add(JsonPatch.pointer(at), to.get(i)));
        at.remove(at.size() - 1);
      }
      return;
    }
    String p = JsonPatch.pointer(at);
    if (guard) {
      out.add(PatchOp.test(p, from));
    }
    out.add(PatchOp.replace(p, to));
  }
}
