package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.diff.Difference;
import io.driftscope.diff.Pairing;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.ResourceDiffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small symmetric differ for tests until the engine's differ is in main: lists of maps that all
 * have a {@code name} are keyed by it, other lists compare by position; one-sided entries are
 * reported at their root. Paths listed in {@code ignored} are reported as ignored.
 */
final class TestDiffer implements ResourceDiffer {

  private final Set<String> ignored;

  TestDiffer(Set<String> ignored) {
    this.ignored = ignored;
  }

  TestDiffer() {
    this(Set.of());
  }

  /** All pairs of two sides, diffed. */
  List<ResourceDiff> diffAll(List<Resource> left, List<Resource> right) {
    List<ResourceDiff> out = new ArrayList<>();
    for (Pairing.Pair p : Pairing.plain().pair(left, right)) {
      out.add(diff(p.left(), p.right()));
    }
    return out;
  }

  @Override
  public ResourceDiff diff(Resource left, Resource right) {
    Resource any = left != null ? left : right;
    if (left == null || right == null) {
      DriftStatus s = left == null ? DriftStatus.ONLY_RIGHT : DriftStatus.ONLY_LEFT;
      return new ResourceDiff(
          any.key(), any.version(), s, false, "", List.of(), List.of(), left, right);
    }
    List<Difference> out = new ArrayList<>();
    walk(FieldPath.ROOT, left.document(), right.document(), out);
    out.sort((a, b) -> a.path().compareTo(b.path()));
    boolean drift = out.stream().anyMatch(d -> d.status() != DriftStatus.IGNORED);
    return new ResourceDiff(
        left.key(),
        left.version(),
        drift ? DriftStatus.CHANGED : DriftStatus.SAME,
        false,
        "",
        out,
        List.of(),
        left,
        right);
  }

  private void walk(FieldPath at, JsonNode l, JsonNode r, List<Difference> out) {
    if (l != null && r != null && l.equals(r)) {
      return;
    }
    if (l == null || r == null) {
      add(at, l == null ? DriftStatus.ONLY_RIGHT : DriftStatus.ONLY_LEFT, l, r, out);
      return;
    }
    if (l.isObject() && r.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(at.child(e.getKey()), e.getValue(), r.get(e.getKey()), out);
      }
      for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!l.has(k)) {
          walk(at.child(k), null, r.get(k), out);
        }
      }
      return;
    }
    if (l.isArray() && r.isArray() && named(l) && named(r)) {
      for (JsonNode e : l) {
        FieldPath.Keyed k = FieldPath.Keyed.of("name", e.get("name").asText());
        walk(at.child(k), e, find(r, e.get("name").asText()), out);
      }
      for (JsonNode e : r) {
        if (find(l, e.get("name").asText()) == null) {
          walk(at.child(FieldPath.Keyed.of("name", e.get("name").asText())), null, e, out);
        }
      }
      return;
    }
    if (l.isArray() && r.isArray() && l.size() == r.size()) {
      for (int i = 0; i < l.size(); i++) {
        walk(at.child(new FieldPath.Index(i)), l.get(i), r.get(i), out);
      }
      return;
    }
    add(at, DriftStatus.CHANGED, l, r, out);
  }

  private void add(FieldPath at, DriftStatus s, JsonNode l, JsonNode r, List<Difference> out) {
    Difference d = Difference.of(at, s, l, r);
    out.add(ignored.contains(at.toString()) ? d.ignoredBecause("test rule") : d);
  }

  private static boolean named(JsonNode a) {
    for (JsonNode e : a) {
      if (!e.isObject() || !e.path("name").isTextual()) {
        return false;
      }
    }
    return a.size() > 0;
  }

  private static JsonNode find(JsonNode a, String name) {
    for (JsonNode e : a) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
