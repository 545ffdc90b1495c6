package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small structural differ for TUI tests (the engine's real differ lands separately): compares
 * everything but {@code status} and server-owned metadata, lists of named objects by {@code name},
 * other lists by position; paths listed as ignored become {@code IGNORED} with a reason.
 */
final class SimpleDiffer implements ResourceDiffer {

  private final Map<String, String> ignored;

  SimpleDiffer(Map<String, String> ignoredPathToReason) {
    this.ignored = ignoredPathToReason;
  }

  SimpleDiffer() {
    this(Map.of());
  }

  @Override
  public ResourceDiff diff(Resource left, Resource right) {
    Resource any = left != null ? left : right;
    if (left == null || right == null) {
      DriftStatus s = left == null ? DriftStatus.ONLY_RIGHT : DriftStatus.ONLY_LEFT;
      return new ResourceDiff(
          any.key(), any.apiVersion(), s, false, "", List.of(), List.of(), left, right);
    }
    List<Difference> out = new ArrayList<>();
    compare(strip(left.document()), strip(right.document()), FieldPath.ROOT, out);
    boolean drift = out.stream().anyMatch(d -> d.status() != DriftStatus.IGNORED);
    return new ResourceDiff(
        left.key(),
        left.apiVersion(),
        drift ? DriftStatus.CHANGED : DriftStatus.SAME,
        false,
        "",
        out,
        List.of(),
        left,
        right);
  }

  private static JsonNode strip(JsonNode doc) {
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        (com.fasterxml.jackson.databind.node.ObjectNode) doc.deepCopy();
    copy.remove("status");
    JsonNode md = copy.get("metadata");
    if (md instanceof com.fasterxml.jackson.databind.node.ObjectNode m) {
      m.remove(
          List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"));
    }
    return copy;
  }

  private void compare(JsonNode l, JsonNode r, FieldPath path, List<Difference> out) {
    if (l.equals(r)) {
      return;
    }
    if (l.isObject() && r.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      l.fieldNames().forEachRemaining(names::add);
      r.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        child(l.get(n), r.get(n), path.child(n), out);
      }
    } else if (l.isArray() && r.isArray() && named(l) && named(r)) {
      Map<String, JsonNode> lm = byName(l);
      Map<String, JsonNode> rm = byName(r);
      Set<String> names = new LinkedHashSet<>(lm.keySet());
      names.addAll(rm.keySet());
      for (String n : names) {
        child(lm.get(n), rm.get(n), path.child(FieldPath.Keyed.of("name", n)), out);
      }
    } else if (l.isArray() && r.isArray() && l.size() == r.size()) {
      for (int i = 0; i < l.size(); i++) {
        child(l.get(i), r.get(i), path.child(new FieldPath.Index(i)), out);
      }
    } else {
      add(path, DriftStatus.CHANGED, l, r, out);
    }
  }

  private void child(JsonNode l, JsonNode r, FieldPath p, List<Difference> out) {
    if (l == null) {
      add(p, DriftStatus.ONLY_RIGHT, null, r, out);
    } else if (r == null) {
      add(p, DriftStatus.ONLY_LEFT, l, null, out);
    } else {
      compare(l, r, p, out);
    }
  }

  private void add(FieldPath p, DriftStatus s, JsonNode l, JsonNode r, List<Difference> out) {
    Difference d = Difference.of(p, s, l, r);
    String why = ignored.get(p.toString());
    out.add(why == null ? d : d.ignoredBecause(why));
  }

  private static boolean named(JsonNode a) {
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode e : a) {
      if (!e.path("name").isTextual() || !seen.add(e.get("name").asText())) {
        return false;
      }
    }
    return a.size() > 0;
  }

  private static Map<String, JsonNode> byName(JsonNode a) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      m.put(e.get("name").asText(), e);
    }
    return m;
  }
}
