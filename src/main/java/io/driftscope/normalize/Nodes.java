package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Value rules shared by normalization and the differ: absence, emptiness and scalar equality. */
public final class Nodes {

  private Nodes() {}

  /** Absent: not there, or an explicit {@code null}. */
  public static boolean isAbsent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /**
   * Empty the way Kubernetes treats it alike with absent: {@code null}, {@code ""}, {@code {}},
   * {@code []}.
   */
  public static boolean isEmpty(JsonNode node) {
    if (isAbsent(node)) {
      return true;
    }
    if (node.isTextual()) {
      return node.textValue().isEmpty();
    }
    return node.isContainerNode() && node.size() == 0;
  }

  /** Whether the node is a string, number or boolean. */
  public static boolean isScalar(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull();
  }

  /**
   * Scalar equality: numbers by value ({@code 1} = {@code 1.0}), strings and booleans as they are;
   * a string never equals a number ({@code "80"} is a port name, {@code 80} a port).
   */
  public static boolean scalarEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber()
          && b.isIntegralNumber()
          && a.canConvertToLong()
          && b.canConvertToLong()) {
        return a.longValue() == b.longValue();
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    return a.equals(b);
  }

  /**
   * Deep equality with {@link #scalarEquals} at the leaves, key order ignored, and empty values
   * ({@code null}, {@code ""}, {@code {}}, {@code []}) equal to one another and to absent keys.
   */
  public static boolean deepEquals(JsonNode a, JsonNode b) {
    if (isEmpty(a) || isEmpty(b)) {
      return isEmpty(a) && isEmpty(b);
    }
    if (a.isObject() && b.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!deepEquals(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!a.has(e.getKey()) && !isEmpty(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!deepEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (isScalar(a) && isScalar(b)) {
      return scalarEquals(a, b);
    }
    return false;
  }

  /** A short one-line rendering of a value for notes and explanations. */
  public static String brief(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(absent)";
    }
    String text = node.isTextual() ? node.textValue() : node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
