package io.driftscope.tui;

import io.driftscope.core.DriftStatus;
import java.util.List;

/** Draws the detail pane: both documents side by side, changed lines and words highlighted. */
final class DetailRenderer {

  private DetailRenderer() {}

  static void draw(Painter p, UiState s, int y0, int height) {
    DetailPane d = s.detail;
    int w = p.width();
    int lw = (w - 3) / 2;
    int sep = 2 + lw;
    int rx = sep + 1;
    int rw = w - rx;
    boolean focused = s.focus == UiState.Focus.DETAIL;
    Style title = focused ? p.style("tree.cursor") : p.style("header");
    p.fillRow(y0, title);
    String name = d.diff().key().shortName();
    p.put(1, y0, p.cut(name, lw - 2), title);
    String ll = s.view == null ? "" : s.view.left().label();
    String rl = s.view == null ? "" : s.view.right().label();
    p.put(Math.max(2 + name.length() + 2, sep - ll.length() - 1), y0, ll, title);
    p.put(sep, y0, String.valueOf(p.glyphs().vertical()), title);
    p.put(rx + 1, y0, rl, title);
    String hint = focused ? "Tab tree · z fold · Esc close" : "Tab focus";
    p.put(w - hint.length() - 1, y0, hint, title);
    List<String> notes = d.notes();
    int noteRows = Math.min(notes.size(), 2);
    int rows = height - 1 - noteRows;
    List<DetailPane.Line> lines = d.lines();
    int from = Math.min(d.scroll(), Math.max(0, lines.size() - rows));
    Style base = p.style("base");
    Style vertical = p.style("drift.same");
    for (int i = 0; i < rows; i++) {
      int y = y0 + 1 + i;
      p.put(sep, y, String.valueOf(p.glyphs().vertical()), vertical);
      int at = from + i;
      if (at >= lines.size()) {
        continue;
      }
      DetailPane.Line line = lines.get(at);
      if (line.isFold()) {
        Style fs = p.style("drift.same");
        String text =
            p.glyphs().ellipsis() + " " + line.folded() + " unchanged lines (z to unfold)";
        p.put(2, y, p.cut(text, lw), fs);
        p.put(rx + 1, y, p.glyphs().ellipsis(), fs);
        continue;
      }
      Style ds = TreeRowRenderer.driftStyle(p, line.status());
      if (line.status() != DriftStatus.SAME) {
        p.put(0, y, p.glyphs().symbol(line.status()), ds);
      }
      Style text = line.status() == DriftStatus.SAME ? base : ds;
      if (line.status() == DriftStatus.CHANGED && line.left() != null && line.right() != null) {
        int[] cw = DetailPane.changedWords(line.left(), line.right());
        segments(p, 2, y, lw, line.left(), cw[0], cw[1], text);
        segments(p, rx + 1, y, rw - 1, line.right(), cw[0], cw[2], text);
      } else {
        if (line.left() != null) {
          p.put(2, y, p.cut(line.left(), lw), text);
        }
        if (line.right() != null) {
          p.put(rx + 1, y, p.cut(line.right(), rw - 1), text);
        }
      }
    }
    for (int i = 0; i < noteRows; i++) {
      int y = y0 + height - noteRows + i;
      p.fillRow(y, base);
      p.put(1, y, p.cut(notes.get(i), w - 2), p.style("drift.ignored"));
    }
  }

  /** Draws {@code text} with {@code [from, to)} in the {@code diff.word} style. */
  private static void segments(
      Painter p, int x, int y, int width, String text, int from, int to, Style style) {
    String shown = p.cut(text, width);
    int end = Math.min(to, shown.length());
    int start = Math.min(from, end);
    int cx = p.put(x, y, shown.substring(0, start), style);
    cx = p.put(cx, y, shown.substring(start, end), p.style("diff.word"));
    p.put(cx, y, shown.substring(end), style);
  }
}
