package io.driftscope.tui;

import io.driftscope.core.DriftStatus;
import java.util.Locale;
import java.util.Map;

/**
 * The characters used for lines, expanders and marks: UTF-8 line drawing, or an ASCII fallback when
 * the terminal's charset is not UTF-8.
 *
 * @param unicode whether these are the UTF-8 glyphs
 */
public record Glyphs(
    boolean unicode,
    char horizontal,
    char vertical,
    char cross,
    String expanded,
    String collapsed,
    String ellipsis,
    String live,
    String arrows) {

  public static final Glyphs UNICODE = new Glyphs(true, '─', '│', '┼', "▾", "▸", "…", "●", "⇄");
  public static final Glyphs ASCII = new Glyphs(false, '-', '|', '+', "v", ">", "~", "*", "<>");

  /**
   * UTF-8 glyphs when the locale ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}) names
   * UTF-8; ASCII otherwise.
   */
  public static Glyphs detect(Map<String, String> env) {
    String locale = null;
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        locale = v;
        break;
      }
    }
    if (locale == null) {
      return ASCII;
    }
    String l = locale.toLowerCase(Locale.ROOT);
    return l.contains("utf-8") || l.contains("utf8") ? UNICODE : ASCII;
  }

  /** The tree symbol of a drift state. */
  public String symbol(DriftStatus status) {
    if (!unicode && status == DriftStatus.IGNORED) {
      return ".";
    }
    return status.symbol();
  }

  /** Replaces characters this glyph set cannot show (in ASCII mode: everything above 0x7e). */
  public String fit(String text) {
    if (unicode) {
      return text;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7e) {
        if (sb == null) {
          sb = new StringBuilder(text.substring(0, i));
        }
        sb.append(asciiFor(c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String asciiFor(char c) {
    return switch (c) {
      case '─', '━' -> "-";
      case '│' -> "|";
      case '┼', '┌', '┐', '└', '┘' -> "+";
      case '✗' -> "x";
      case '✓' -> "v";
      case '▾' -> "v";
      case '▸' -> ">";
      case '…' -> "~";
      case '●' -> "*";
      case '⇄' -> "<>";
      case '·' -> ".";
      case '→' -> "->";
      case '←' -> "<-";
      case '↑' -> "^";
      case '↓' -> "v";
      case '⏎' -> "Ret";
      case '⚠' -> "!";
      default -> "?";
    };
  }
}
