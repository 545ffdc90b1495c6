package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Side;
import io.driftscope.normalize.DefaultRule;
import io.driftscope.normalize.DocumentPaths;
import io.driftscope.normalize.FieldSpec;
import io.driftscope.normalize.Nodes;
import io.driftscope.normalize.Quantity;
import io.driftscope.normalize.Strip;
import io.driftscope.normalize.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One comparison of two documents: walks both trees at once along the schema, without copying them,
 * and records differences (and, when asked, the notes explaining every equal-after-rule field).
 * Used by one thread for one resource pair, then dropped.
 */
final class Walk {

  private final boolean symmetric;
  private final boolean valuesHidden;
  private final Evidence evidence;
  private final List<Note> notes;
  final List<Difference> differences = new ArrayList<>();
  private Object[] stack = new Object[32];
  private int depth;
  private int paired;

  /**
   * @param symmetric whether every field counts (else the left side is the desired state)
   * @param valuesHidden whether note texts must not quote values (Secrets)
   * @param evidence what the live side shows was applied before; {@code null} when symmetric
   * @param notes where notes go; {@code null} when notes are not collected
   */
  Walk(boolean symmetric, boolean valuesHidden, Evidence evidence, List<Note> notes) {
    this.symmetric = symmetric;
    this.valuesHidden = valuesHidden;
    this.evidence = evidence;
    this.notes = notes;
  }

  /** Compares two objects of types {@code lt} and {@code rt}; either may be {@code null}. */
  void compareObject(JsonNode l, JsonNode r, TypeSpec lt, TypeSpec rt) {
    boolean lo = l != null && l.isObject();
    boolean ro = r != null && r.isObject();
    // forEachEntry rather than an entry iterator: no objects per field on this hottest loop. The
    // count of paired fields lives in a field, saved and restored around nested objects.
    int outer = paired;
    paired = 0;
    if (lo) {
      l.forEachEntry(
          (name, lv) -> {
            JsonNode rv = ro ? r.get(name) : null;
            if (rv != null) {
              paired++;
            }
            field(name, lv, rv, lt.field(name, lv, rv), rt.field(name, lv, rv), l, r);
          });
    }
    // When every right field was paired above, there is nothing left to look up.
    if (ro && r.size() > paired) {
      r.forEachEntry(
          (name, rv) -> {
            if (!lo || !l.has(name)) {
              field(name, null, rv, lt.field(name, null, rv), rt.field(name, null, rv), l, r);
            }
          });
    }
    paired = outer;
  }

  private void field(
      String name, JsonNode lv, JsonNode rv, FieldSpec fl, FieldSpec fr, JsonNode lp, JsonNode rp) {
    push(name);
    Strip strip = fl.strip() != null ? fl.strip() : fr.strip();
    if (strip != null && strip.applies(lv, rv, lp, rp, symmetric)) {
      if (notes != null && !(Nodes.isAbsent(lv) && Nodes.isAbsent(rv))) {
        note(
            strip.kind() == Strip.Kind.NOT_COMPARED ? Note.Kind.OTHER : Note.Kind.SERVER_OWNED,
            strip.why()
                + " (server-owned fields table "
                + (fl.strip() != null ? fl : fr).owner()
                + ")");
      }
    } else {
      value(lv, rv, fl, fr, lp, rp);
    }
    pop();
  }

  private void value(
      JsonNode lv, JsonNode rv, FieldSpec fl, FieldSpec fr, JsonNode lp, JsonNode rp) {
    boolean la = Nodes.isAbsent(lv);
    boolean ra = Nodes.isAbsent(rv);
    if (la && ra) {
      if (lv != null && rv != null) {
        return;
      }
      noteEmpty();
      return;
    }
    if (la) {
      oneSided(rv, Side.RIGHT, fl, fr, lp, rp);
    } else if (ra) {
      oneSided(lv, Side.LEFT, fl, fr, lp, rp);
    } else if (lv.isObject() && rv.isObject()) {
      compareObject(lv, rv, fl.type(), fr.type());
    } else if (lv.isArray() && rv.isArray()) {
      arrays(lv, rv, fl, fr);
    } else if (lv.isValueNode() && rv.isValueNode()) {
      scalars(lv, rv, fl, fr);
    } else if (Nodes.isEmpty(lv) && Nodes.isEmpty(rv)) {
      noteEmpty();
    } else if (Nodes.isEmpty(lv)) {
      oneSided(rv, Side.RIGHT, fl, fr, lp, rp);
    } else if (Nodes.isEmpty(rv)) {
      oneSided(lv, Side.LEFT, fl, fr, lp, rp);
    } else {
      changed(lv, rv);
    }
  }

  private void oneSided(
      JsonNode v, Side side, FieldSpec fl, FieldSpec fr, JsonNode lp, JsonNode rp) {
    if (Nodes.isEmpty(v)) {
      noteEmpty();
      return;
    }
    FieldSpec missing = side == Side.LEFT ? fr : fl;
    FieldSpec present = side == Side.LEFT ? fl : fr;
    if (missing.hasDefault()) {
      JsonNode d = missing.defaultFor(side == Side.LEFT ? rp : lp, side == Side.LEFT ? lp : rp);
      if (d != null && (d == DefaultRule.ANY_VALUE || matches(v, d, present))) {
        if (notes != null) {
          note(
              Note.Kind.DEFAULTED,
              (valuesHidden ? "the value" : Nodes.brief(v))
                  + " on the "
                  + sideName(side)
                  + " side is "
                  + missing.describeDefault()
                  + "; absent on the other side");
        }
        return;
      }
    }
    if (v.isObject() && present.shape() != FieldSpec.Shape.ATOMIC) {
      compareObject(
          side == Side.LEFT ? v : null, side == Side.RIGHT ? v : null, fl.type(), fr.type());
    } else if (v.isArray() && present.shape() == FieldSpec.Shape.KEYED_LIST) {
      keyed(side == Side.LEFT ? v : null, side == Side.RIGHT ? v : null, fl, fr);
    } else {
      record(v, side);
    }
  }

  private static boolean matches(JsonNode v, JsonNode d, FieldSpec spec) {
    if (spec.shape() == FieldSpec.Shape.QUANTITY && Quantity.sameValue(v, d)) {
      return true;
    }
    return Nodes.deepEquals(v, d);
  }

  /** A value present on one side only, after empties and defaults were ruled out. */
  private void record(JsonNode v, Side side) {
    FieldPath path = path();
    if (side == Side.RIGHT && !symmetric) {
      String applied = evidence == null ? null : evidence.appliedBefore(path);
      if (applied == null) {
        if (notes != null) {
          notes.add(
              new Note(
                  path,
                  Note.Kind.LIVE_ONLY,
                  "only on the live side and never applied from the desired side (not in the"
                      + " last-applied annotation, no Apply manager owns it): not drift"));
        }
        return;
      }
      if (notes != null) {
        notes.add(
            new Note(
                path,
                Note.Kind.APPLIED_BEFORE,
                "only on the live side, but "
                    + applied
                    + ", and since dropped from the desired side: the next apply removes it"));
      }
    }
    differences.add(
        Difference.of(
            path,
            DriftStatus.onlyOn(side),
            side == Side.LEFT ? v : null,
            side == Side.RIGHT ? v : null));
  }

  private void changed(JsonNode lv, JsonNode rv) {
    differences.add(Difference.of(path(), DriftStatus.CHANGED, lv, rv));
  }

  private void scalars(JsonNode lv, JsonNode rv, FieldSpec fl, FieldSpec fr) {
    if (Nodes.scalarEquals(lv, rv)) {
      return;
    }
    if ((fl.shape() == FieldSpec.Shape.QUANTITY || fr.shape() == FieldSpec.Shape.QUANTITY)
        && Quantity.sameValue(lv, rv)) {
      if (notes != null) {
        note(
            Note.Kind.QUANTITY,
            valuesHidden
                ? "the same quantity on both sides"
                : Nodes.brief(lv) + " and " + Nodes.brief(rv) + " are the same quantity");
      }
      return;
    }
    changed(lv, rv);
  }

  private void arrays(JsonNode la, JsonNode ra, FieldSpec fl, FieldSpec fr) {
    FieldSpec.Shape shape = fl.shape();
    if (shape != FieldSpec.Shape.KEYED_LIST
        && shape != FieldSpec.Shape.LIST
        && shape != FieldSpec.Shape.ATOMIC) {
      shape = allScalars(la) && allScalars(ra) ? FieldSpec.Shape.ATOMIC : FieldSpec.Shape.LIST;
    }
    switch (shape) {
      case KEYED_LIST -> keyed(la, ra, fl, fr);
      case LIST -> positional(la, ra, fl, fr);
      default -> {
        if (!Nodes.deepEquals(la, ra)) {
          changed(la, ra);
        }
      }
    }
  }

  private static boolean allScalars(JsonNode list) {
    for (JsonNode e : list) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private void positional(JsonNode la, JsonNode ra, FieldSpec fl, FieldSpec fr) {
    int n = Math.max(la == null ? 0 : la.size(), ra == null ? 0 : ra.size());
    for (int i = 0; i < n; i++) {
      JsonNode lv = la == null ? null : la.get(i);
      JsonNode rv = ra == null ? null : ra.get(i);
      push(new FieldPath.Index(i));
      if (lv == null) {
        record(rv, Side.RIGHT);
      } else if (rv == null) {
        record(lv, Side.LEFT);
      } else if (lv.isObject() && rv.isObject()) {
        compareObject(lv, rv, fl.type(), fr.type());
      } else if (lv.isValueNode() && rv.isValueNode()) {
        scalars(lv, rv, fl, fr);
      } else if (!Nodes.deepEquals(lv, rv)) {
        changed(lv, rv);
      }
      pop();
    }
  }

  /** A keyed segment not built yet: most entries never need their path written out. */
  private record LazyKey(FieldSpec list, String[] key) {}

  private void keyed(JsonNode la, JsonNode ra, FieldSpec fl, FieldSpec fr) {
    KeyedEntries l = KeyedEntries.of(la, fl);
    KeyedEntries r = KeyedEntries.of(ra, fl);
    if (l == null || r == null) {
      // Entries without their key, or with a duplicate key: pairing by key is impossible.
      positional(la, ra, fl, fr);
      return;
    }
    boolean sameOrder = l.size == r.size;
    boolean[] matched = new boolean[r.size];
    for (int i = 0; i < l.size; i++) {
      int j = r.find(l.keys[i], i);
      push(new LazyKey(fl, l.keys[i]));
      if (j < 0) {
        sameOrder = false;
        record(l.nodes[i], Side.LEFT);
      } else {
        matched[j] = true;
        sameOrder &= i == j;
        compareObject(l.nodes[i], r.nodes[j], fl.type(), fr.type());
      }
      pop();
    }
    for (int j = 0; j < r.size; j++) {
      if (!matched[j]) {
        push(new LazyKey(fl, r.keys[j]));
        record(r.nodes[j], Side.RIGHT);
        pop();
      }
    }
    if (notes != null && l.size > 0 && r.size > 0 && !sameOrder) {
      note(
          Note.Kind.KEYED_LIST,
          "entries pair by "
              + String.join("+", fl.keys())
              + " (merge key table "
              + fl.owner()
              + "), so their order does not matter");
    }
  }

  private static String sideName(Side side) {
    return side == Side.LEFT ? "left" : "right";
  }

  private void noteEmpty() {
    if (notes != null) {
      note(
          Note.Kind.EMPTY,
          "empty on one side (\"\", null, {} or []) and absent or empty on the other: equal, as"
              + " Kubernetes treats them alike");
    }
  }

  private void note(Note.Kind kind, String text) {
    notes.add(new Note(path(), kind, text));
  }

  private void push(Object segment) {
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = segment;
  }

  private void pop() {
    stack[--depth] = null;
  }

  /** The current path; segments are kept as plain names until a path is needed. */
  FieldPath path() {
    List<FieldPath.Segment> segments = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      Object s = stack[i];
      if (s instanceof String n) {
        segments.add(new FieldPath.Name(n));
      } else if (s instanceof LazyKey k) {
        segments.add(DocumentPaths.segment(k.list(), k.key()));
      } else {
        segments.add((FieldPath.Segment) s);
      }
    }
    return FieldPath.of(segments);
  }
}
