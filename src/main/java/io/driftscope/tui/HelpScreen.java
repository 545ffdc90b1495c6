package io.driftscope.tui;

import io.driftscope.tui.KeyBinding.Group;
import java.util.ArrayList;
import java.util.List;

/**
 * The help screen ({@code ?}), drawn from the key map: one column per group where the width allows
 * (else groups flow into fewer columns), each key with its description; unavailable keys dimmed
 * with the reason.
 */
final class HelpScreen {

  private static final int KEY_WIDTH = 9;
  private static final int MIN_COLUMN = 38;

  private HelpScreen() {}

  /** {@code text} in lines of at most {@code width} columns, broken at spaces where possible. */
  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int at = rest.lastIndexOf(' ', width);
      if (at <= 0) {
        at = width;
      }
      out.add(rest.substring(0, at));
      rest = rest.substring(at).stripLeading();
    }
    out.add(rest);
    return out;
  }

  static void draw(Painter p, KeyMap keys) {
    Style help = p.style("help");
    p.fillAll(help);
    p.fillRow(0, p.style("header"));
    p.put(1, 0, "Driftscope keys", p.style("header"));
    String close = "? or Esc closes help";
    p.put(p.width() - close.length() - 1, 0, close, p.style("header"));
    int columns = Math.max(1, Math.min(Group.values().length, p.width() / MIN_COLUMN));
    int colWidth = p.width() / columns;
    List<List<String[]>> blocks = new ArrayList<>();
    for (Group g : Group.values()) {
      List<String[]> lines = new ArrayList<>();
      lines.add(new String[] {"title", g.title()});
      for (KeyBinding b : keys.group(g)) {
        lines.add(new String[] {b.enabled() ? "key" : "off", b.keys(), b.description()});
        if (!b.enabled()) {
          for (String part : wrap("(" + b.disabledReason() + ")", MIN_COLUMN - 3 - KEY_WIDTH)) {
            lines.add(new String[] {"reason", part});
          }
        }
      }
      lines.add(new String[] {"gap"});
      blocks.add(lines);
    }
    int[] ys = new int[columns];
    for (int i = 0; i < columns; i++) {
      ys[i] = 2;
    }
    for (List<String[]> block : blocks) {
      int col = 0;
      for (int i = 1; i < columns; i++) {
        if (ys[i] < ys[col]) {
          col = i;
        }
      }
      int x = col * colWidth + 2;
      int w = colWidth - 3;
      for (String[] line : block) {
        int y = ys[col]++;
        switch (line[0]) {
          case "title" -> p.put(x, y, line[1], p.style("header"), w);
          case "key" -> {
            p.put(x, y, p.cut(line[1], KEY_WIDTH - 1), help, w);
            p.put(x + KEY_WIDTH, y, p.cut(line[2], w - KEY_WIDTH), help);
          }
          case "off" -> {
            p.put(x, y, p.cut(line[1], KEY_WIDTH - 1), p.style("disabled"), w);
            p.put(x + KEY_WIDTH, y, p.cut(line[2], w - KEY_WIDTH), p.style("disabled"));
          }
          case "reason" ->
              p.put(x + KEY_WIDTH, y, p.cut(line[1], w - KEY_WIDTH), p.style("disabled"));
          default -> {}
        }
      }
    }
    String foot =
        "Symbols: = same  ~ changed  + only left  - only right  · ignored  ? not comparable";
    p.put(1, p.height() - 1, p.cut(foot, p.width() - 2), help);
  }
}
