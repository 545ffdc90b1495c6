package io.driftscope.tui;

/** Making arbitrary values safe and fitting for a terminal cell grid. */
public final class Text {

  private Text() {}

  /**
   * Replaces what a terminal must not receive: control characters (Lanterna refuses them) become
   * visible escapes ({@code \n}, {@code \t}) or {@code ?}; unpaired surrogates become {@code ?}.
   */
  public static String sanitize(String s) {
    if (s == null) {
      return "";
    }
    int n = s.length();
    int i = 0;
    while (i < n && safe(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n + 8).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (safe(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        // Astral characters (emoji) have unpredictable widths in terminals: show a placeholder.
        sb.append('?');
        i++;
      } else {
        sb.append('?');
      }
    }
    return sb.toString();
  }

  private static boolean safe(char c) {
    return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && !Character.isSurrogate(c);
  }

  /** Cuts {@code s} to {@code width} columns, ending with {@code ellipsis} when cut. */
  /**
   * Both values cut to {@code width} so that where they differ stays visible: when cutting the ends
   * would hide the first difference (two image references that differ only in their tag), the
   * common start is replaced by the ellipsis instead, e.g. {@code …shop-api:1.4.2} and {@code
   * …shop-api:1.4.2-hotfix1}.
   */
  public static String[] cutPair(String left, String right, int width, String ellipsis) {
    int common = 0;
    int max = Math.min(left.length(), right.length());
    while (common < max && left.charAt(common) == right.charAt(common)) {
      common++;
    }
    boolean differ = !left.equals(right);
    boolean hidden = differ && common >= width - ellipsis.length() - 2;
    if (!hidden || width <= 2 * ellipsis.length() + 4) {
      return new String[] {cut(left, width, ellipsis), cut(right, width, ellipsis)};
    }
    // Keep as much of the common start as leaves room for a few characters of the difference.
    int from = Math.max(0, common - (width - ellipsis.length() - 8));
    return new String[] {
      cut(ellipsis + left.substring(from), width, ellipsis),
      cut(ellipsis + right.substring(from), width, ellipsis)
    };
  }

  public static String cut(String s, int width, String ellipsis) {
    if (width <= 0) {
      return "";
    }
    if (s.length() <= width) {
      return s;
    }
    if (width <= ellipsis.length()) {
      return s.substring(0, width);
    }
    return s.substring(0, width - ellipsis.length()) + ellipsis;
  }

  /** {@code s} cut or padded with spaces to exactly {@code width} columns. */
  public static String fit(String s, int width, String ellipsis) {
    String c = cut(s, width, ellipsis);
    if (c.length() == width) {
      return c;
    }
    return c + " ".repeat(width - c.length());
  }
}
