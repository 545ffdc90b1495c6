package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Kubernetes resource quantities ({@code 1Gi}, {@code 500m}, {@code 1e3}) read as exact decimal
 * values, so that {@code 1Gi} equals {@code 1024Mi} and {@code 0.5} equals {@code 500m}.
 */
public final class Quantity {

  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private Quantity() {}

  /** The value of a quantity written as a JSON string or number; {@code null} if not one. */
  public static BigDecimal valueOf(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.isTextual() ? parse(node.textValue()) : null;
  }

  /** Whether both nodes are quantities of the same value. */
  public static boolean sameValue(JsonNode a, JsonNode b) {
    BigDecimal x = valueOf(a);
    BigDecimal y = valueOf(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  /**
   * Parses {@code <sign><digits>[.<digits>]<suffix>}, the suffix being empty, a decimal SI suffix
   * ({@code n u m k M G T P E}), a binary one ({@code Ki … Ei}) or an exponent ({@code e3}, {@code
   * E-2}); {@code null} when the text is not a quantity. Written without regular expressions: it
   * runs for every resource field compared.
   */
  public static BigDecimal parse(String text) {
    int n = text.length();
    int i = 0;
    if (n == 0) {
      return null;
    }
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      i++;
    }
    int digits = 0;
    boolean dot = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
      i++;
    }
    if (digits == 0) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text.substring(0, i));
    } catch (NumberFormatException e) {
      return null;
    }
    String suffix = text.substring(i);
    return switch (suffix) {
      case "" -> number;
      case "n" -> number.scaleByPowerOfTen(-9);
      case "u" -> number.scaleByPowerOfTen(-6);
      case "m" -> number.scaleByPowerOfTen(-3);
      case "k" -> number.scaleByPowerOfTen(3);
      case "M" -> number.scaleByPowerOfTen(6);
      case "G" -> number.scaleByPowerOfTen(9);
      case "T" -> number.scaleByPowerOfTen(12);
      case "P" -> number.scaleByPowerOfTen(15);
      case "E" -> number.scaleByPowerOfTen(18);
      case "Ki" -> number.multiply(KI);
      case "Mi" -> number.multiply(KI.pow(2));
      case "Gi" -> number.multiply(KI.pow(3));
      case "Ti" -> number.multiply(KI.pow(4));
      case "Pi" -> number.multiply(KI.pow(5));
      case "Ei" -> number.multiply(KI.pow(6));
      default -> exponent(number, suffix);
    };
  }

  private static BigDecimal exponent(BigDecimal number, String suffix) {
    char first = suffix.charAt(0);
    if ((first != 'e' && first != 'E') || suffix.length() < 2 || suffix.length() > 6) {
      return null;
    }
    int start = suffix.charAt(1) == '+' || suffix.charAt(1) == '-' ? 2 : 1;
    if (start == suffix.length()) {
      return null;
    }
    for (int k = start; k < suffix.length(); k++) {
      char c = suffix.charAt(k);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1).replace("+", "")));
  }
}
