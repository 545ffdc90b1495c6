package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Reads ignore rules from the config file's {@code ignore:} list and from the {@code --ignore} and
 * {@code --ignore-manager} flags, checking every pointer and jq expression up front.
 */
public final class IgnoreRuleParser {

  private static final Set<String> KEYS =
      Set.of(
          "group",
          "kind",
          "namespace",
          "name",
          "jsonPointers",
          "jqPathExpressions",
          "managedFieldsManagers",
          "reason");

  private IgnoreRuleParser() {}

  /** One entry of the config file's {@code ignore:} list and the line it starts on (1-based). */
  public record Located(JsonNode rule, int line) {}

  /**
   * Parses the config file's rules, in order.
   *
   * @param rules each rule's node with its line
   * @param fileName the config file as the user should see it, e.g. {@code driftscope.yaml}
   * @throws IgnoreRuleException for the first bad rule, naming file, line and field
   */
  public static List<IgnoreRule> fromConfig(List<Located> rules, String fileName) {
    List<IgnoreRule> out = new ArrayList<>(rules.size());
    for (Located r : rules) {
      out.add(fromNode(r.rule(), r.line() > 0 ? fileName + ":" + r.line() : fileName));
    }
    return out;
  }

  /**
   * Parses one rule of a config file ({@code file} as the user should see it, {@code line} 1-based,
   * 0 when unknown).
   *
   * @throws IgnoreRuleException naming file, line and field when the rule is bad
   */
  public static IgnoreRule fromConfig(JsonNode rule, String file, int line) {
    return fromNode(rule, line > 0 ? file + ":" + line : file);
  }

  private static IgnoreRule fromNode(JsonNode node, String origin) {
    if (node == null || !node.isObject()) {
      throw new IgnoreRuleException(
          origin,
          "an ignore rule is a map with kind, jsonPointers,"
              + " jqPathExpressions or managedFieldsManagers");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IgnoreRuleException(
            origin,
            "unknown key '"
                + k
                + "' in an ignore rule (known: "
                + "group, kind, namespace, name, jsonPointers, jqPathExpressions,"
                + " managedFieldsManagers, reason)");
      }
    }
    List<String> pointers = strings(node, "jsonPointers", origin);
    for (int i = 0; i < pointers.size(); i++) {
      checkPointer(pointers.get(i), origin, "jsonPointers[" + i + "]");
    }
    List<String> jq = strings(node, "jqPathExpressions", origin);
    for (int i = 0; i < jq.size(); i++) {
      checkJq(jq.get(i), origin, "jqPathExpressions[" + i + "]");
    }
    List<String> managers = strings(node, "managedFieldsManagers", origin);
    if (pointers.isEmpty() && jq.isEmpty() && managers.isEmpty()) {
      throw new IgnoreRuleException(
          origin,
          "the rule ignores nothing: give jsonPointers,"
              + " jqPathExpressions or managedFieldsManagers");
    }
    return new IgnoreRule(
        text(node, "group", origin),
        text(node, "kind", origin),
        text(node, "namespace", origin),
        text(node, "name", origin),
        pointers,
        jq,
        managers,
        text(node, "reason", origin),
        origin);
  }

  private static String text(JsonNode node, String key, String origin) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new IgnoreRuleException(origin, key + ": expected a string");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String key, String origin) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IgnoreRuleException(origin, key + ": expected a list, e.g. " + key + ": [...]");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.textValue().isEmpty()) {
        throw new IgnoreRuleException(origin, key + "[" + i + "]: expected a non-empty string");
      }
      out.add(e.textValue());
    }
    return out;
  }

  private static void checkPointer(String pointer, String origin, String where) {
    if (!pointer.startsWith("/")) {
      throw new IgnoreRuleException(
          origin,
          where
              + ": '"
              + pointer
              + "' is not a JSON pointer: it starts with '/', e.g. /spec/replicas");
    }
    for (String segment : pointer.substring(1).split("/", -1)) {
      // Keyed segments (name=web) may also escape ',' as ~2 and '=' as ~3.
      String allowed = segment.indexOf('=') > 0 ? "0123" : "01";
      for (int i = 0; i < segment.length(); i++) {
        if (segment.charAt(i) == '~'
            && (i + 1 >= segment.length() || allowed.indexOf(segment.charAt(i + 1)) < 0)) {
          throw new IgnoreRuleException(
              origin,
              where + ": '" + pointer + "' has a bad escape: write ~0 for '~' and ~1 for '/'");
        }
      }
    }
  }

  private static void checkJq(String expression, String origin, String where) {
    try {
      JqPaths.compile(expression);
    } catch (JsonQueryException | RuntimeException e) {
      throw new IgnoreRuleException(
          origin, where + ": cannot parse '" + expression + "': " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid jq expression";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * Parses {@code --ignore POINTER} (every kind) or {@code --ignore [GROUP/]KIND:POINTER} (one
   * kind; no group means any group). The pointer may also use keyed segments as printed by {@code
   * diff}, e.g. {@code /spec/ports/port=80,protocol=TCP/targetPort}.
   */
  public static IgnoreRule fromFlag(String value) {
    String origin = "--ignore " + value;
    if (value == null || value.isBlank()) {
      throw new IgnoreRuleException(
          origin,
          "expected POINTER or [GROUP/]KIND:POINTER, e.g." + " --ignore Deployment:/spec/replicas");
    }
    String group = "*";
    String kind = "*";
    String pointer = value;
    if (!value.startsWith("/")) {
      int colon = value.indexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new IgnoreRuleException(
            origin,
            "expected POINTER or [GROUP/]KIND:POINTER, e.g."
                + " --ignore apps/Deployment:/spec/replicas");
      }
      String kindPart = value.substring(0, colon);
      pointer = value.substring(colon + 1);
      int slash = kindPart.lastIndexOf('/');
      if (slash >= 0) {
        group = kindPart.substring(0, slash);
        kind = kindPart.substring(slash + 1);
      } else {
        kind = kindPart;
      }
      if (kind.isEmpty()) {
        throw new IgnoreRuleException(origin, "the kind before ':' is empty");
      }
    }
    checkPointer(pointer, origin, "pointer");
    return new IgnoreRule(
        group, kind, null, null, List.of(pointer), List.of(), List.of(), "", origin);
  }

  /** Parses {@code --ignore-manager NAME}: what that field manager owns is ignored everywhere. */
  public static IgnoreRule fromManagerFlag(String name) {
    String origin = "--ignore-manager " + name;
    if (name == null || name.isBlank()) {
      throw new IgnoreRuleException(
          origin,
          "expected a field manager's name, e.g." + " --ignore-manager kube-controller-manager");
    }
    return new IgnoreRule("*", "*", null, null, List.of(), List.of(), List.of(name), "", origin);
  }
}
