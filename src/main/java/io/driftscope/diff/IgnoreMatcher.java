package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.normalize.DocumentPaths;
import io.driftscope.normalize.IgnoreRule;
import io.driftscope.normalize.IgnoreRules;
import io.driftscope.normalize.JqPaths;
import io.driftscope.normalize.ManagedFields;
import io.driftscope.normalize.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * The ignore rules compiled once (pointers split, jq expressions compiled), and their application
 * to one resource's differences. Immutable and thread-safe.
 */
final class IgnoreMatcher {

  /** One compiled rule with its number (1-based, in the order given). */
  static final class Compiled {
    final int number;
    final IgnoreRule rule;
    final List<List<Object>> pointers = new ArrayList<>();
    final List<JqPaths> jq = new ArrayList<>();
    final Set<String> managers;
    final String reason;

    Compiled(int number, IgnoreRule rule) {
      this.number = number;
      this.rule = rule;
      for (String p : rule.jsonPointers()) {
        pointers.add(tokens(p));
      }
      for (String e : rule.jqPathExpressions()) {
        try {
          jq.add(JqPaths.compile(e));
        } catch (JsonQueryException ex) {
          throw new IllegalArgumentException(
              rule.origin() + ": cannot parse '" + e + "': " + ex.getMessage(), ex);
        }
      }
      managers = Set.copyOf(rule.managedFieldsManagers());
      reason =
          "ignored by rule "
              + number
              + " ("
              + rule.origin()
              + ")"
              + (rule.reason().isEmpty() ? "" : ": " + rule.reason());
    }

    boolean matches(ResourceKey key) {
      return any(rule.group(), key.group(), false)
          && any(rule.kind(), key.kind(), true)
          && any(rule.namespace(), key.namespace(), false)
          && any(rule.name(), key.name(), false);
    }

    private static boolean any(String want, String actual, boolean ignoreCase) {
      return want == null
          || want.equals("*")
          || (ignoreCase ? want.equalsIgnoreCase(actual) : want.equals(actual));
    }
  }

  /** A rule in force for one resource pair, with the paths it selects in either document. */
  record Active(Compiled rule, List<FieldPath> paths) {}

  private final List<Compiled> rules;

  IgnoreMatcher(IgnoreRules rules) {
    List<Compiled> list = new ArrayList<>();
    for (int i = 0; i < rules.rules().size(); i++) {
      list.add(new Compiled(i + 1, rules.rules().get(i)));
    }
    this.rules = List.copyOf(list);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The rules that concern a resource of {@code key}. */
  List<Compiled> matching(ResourceKey key) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<Compiled> out = new ArrayList<>(2);
    for (Compiled c : rules) {
      if (c.matches(key)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The managers that {@code managedFieldsManagers} rules name. */
  static Set<String> managers(List<Compiled> rules) {
    if (rules.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (Compiled c : rules) {
      out.addAll(c.managers);
    }
    return out;
  }

  /** The paths each rule selects in either document (pointers and jq, as keyed paths). */
  static List<Active> activate(
      List<Compiled> rules, JsonNode left, TypeSpec lt, JsonNode right, TypeSpec rt) {
    List<Active> out = new ArrayList<>(rules.size());
    for (Compiled c : rules) {
      Set<FieldPath> paths = new HashSet<>();
      for (List<Object> p : c.pointers) {
        add(paths, DocumentPaths.toFieldPath(left, lt, p));
        add(paths, DocumentPaths.toFieldPath(right, rt, p));
      }
      for (JqPaths q : c.jq) {
        for (List<Object> p : q.paths(left)) {
          add(paths, DocumentPaths.toFieldPath(left, lt, p));
        }
        for (List<Object> p : q.paths(right)) {
          add(paths, DocumentPaths.toFieldPath(right, rt, p));
        }
      }
      out.add(new Active(c, List.copyOf(paths)));
    }
    return out;
  }

  private static void add(Set<FieldPath> paths, FieldPath p) {
    if (p != null) {
      paths.add(p);
    }
  }

  /**
   * The rule that ignores a difference at {@code path}: one of its paths is the path or an
   * ancestor, or a manager it names owns the path on either side; {@code null} when none does.
   */
  static Compiled ignoring(
      List<Active> active, FieldPath path, ManagedFields left, ManagedFields right) {
    for (Active a : active) {
      for (FieldPath p : a.paths()) {
        if (path.startsWith(p)) {
          return a.rule();
        }
      }
      if (!a.rule().managers.isEmpty()
          && (ownedBy(right, a.rule().managers, path) || ownedBy(left, a.rule().managers, path))) {
        return a.rule();
      }
    }
    return null;
  }

  private static boolean ownedBy(ManagedFields managed, Set<String> managers, FieldPath path) {
    for (ManagedFields.Entry e : managed.entries()) {
      if (managers.contains(e.manager()) && e.owns(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 6901 tokens of a pointer, unescaped ({@code ~1} → {@code /}, {@code ~0} → {@code ~}); keyed
   * segments ({@code name=web}) stay in their escaped field-path form.
   */
  static List<Object> tokens(String pointer) {
    List<Object> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      boolean plain = raw.indexOf('~') < 0 || raw.indexOf('=') > 0;
      out.add(plain ? raw : raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }
}
