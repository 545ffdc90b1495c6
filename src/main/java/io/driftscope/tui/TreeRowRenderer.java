package io.driftscope.tui;

import io.driftscope.core.DriftStatus;

/**
 * Draws the visible rows of the tree: indentation and expander, label, the state symbol with
 * roll-up counts, and for fields the left and right values side by side.
 */
final class TreeRowRenderer {

  /** Where the columns of a tree row start, for a screen width. */
  record Columns(int status, int left, int right, int valueWidth) {}

  static Columns columns(int width) {
    int label = Math.max(28, width * 2 / 5);
    int status = 18;
    int valueWidth = (width - label - status - 1) / 2;
    int left = label + status;
    return new Columns(label, left, left + valueWidth + 1, valueWidth);
  }

  /** The style of a drift state. */
  static Style driftStyle(Painter p, DriftStatus s) {
    return p.style(
        switch (s) {
          case SAME -> "drift.same";
          case CHANGED -> "drift.changed";
          case ONLY_LEFT -> "drift.onlyLeft";
          case ONLY_RIGHT -> "drift.onlyRight";
          case IGNORED -> "drift.ignored";
          case NOT_COMPARABLE -> "drift.notComparable";
        });
  }

  void draw(Painter p, UiState s, int y0, int height) {
    TreeModel tree = s.tree;
    int top = s.nav.scroll(height);
    Node n = tree.nodeAt(top);
    Node cursor = s.nav.cursor();
    Columns c = columns(p.width());
    for (int i = 0; i < height && n != null; i++) {
      row(p, s, c, y0 + i, n, n == cursor);
      n = tree.next(n);
    }
  }

  private void row(Painter p, UiState s, Columns c, int y, Node n, boolean cursor) {
    boolean flashing = s.flashEnabled && n.flashUntil > s.now;
    Style rowStyle =
        cursor ? p.style("tree.cursor") : flashing ? p.style("flash") : p.style("base");
    boolean plain = cursor || flashing;
    if (rowStyle != p.style("base")) {
      p.fillRow(y, rowStyle);
    }
    int depth = n.type == Node.Type.ROOT ? 0 : depthOf(n);
    int indent = Math.min(depth * 2, c.status() / 2);
    String expander =
        n.type == Node.Type.ROOT
            ? ""
            : n.expandable()
                ? (n.expanded ? p.glyphs().expanded() : p.glyphs().collapsed()) + " "
                : "  ";
    String label = n.label;
    if (n.type == Node.Type.KIND) {
      label = label + " (" + n.children.length + ")";
    }
    Style ds = driftStyle(p, n.status);
    Style labelStyle =
        plain
            ? rowStyle
            : n.status == DriftStatus.SAME && n.type != Node.Type.FIELD ? p.style("base") : ds;
    if (!plain && s.marks.marked(n)) {
      labelStyle = p.style("tree.marked");
    }
    int x = p.put(1 + indent, y, expander, rowStyle);
    p.put(x, y, p.cut(label, c.status() - x - 1), labelStyle);
    String summary = summary(s, n, p.glyphs());
    Style summaryStyle =
        plain
            ? rowStyle
            : n.normalized || n.status == DriftStatus.IGNORED ? p.style("drift.ignored") : ds;
    boolean values = n.type == Node.Type.FIELD && (n.children.length == 0 || n.own);
    int summaryWidth = values ? c.left() - c.status() - 1 : p.width() - c.status() - 1;
    p.put(c.status(), y, p.cut(summary, summaryWidth), summaryStyle);
    if (values) {
      Style vs = plain ? rowStyle : p.style("base");
      String l = s.values.show(n.left, n.secret);
      String r = s.values.show(n.right, n.secret);
      String[] both = p.cutPair(l, r, c.valueWidth());
      p.put(c.left(), y, both[0], vs);
      p.put(c.right(), y, both[1], vs);
    }
  }

  private static int depthOf(Node n) {
    return n.depth() - 1;
  }

  /** The text of the state column: symbol and roll-up counts, or a short reason. */
  static String summary(UiState s, Node n, Glyphs g) {
    String sym = g.symbol(n.status);
    switch (n.type) {
      case ROOT, NAMESPACE, KIND -> {
        return orSymbol(counts(n, g, true), sym);
      }
      case RESOURCE -> {
        if (n.status == DriftStatus.ONLY_LEFT) {
          return sym + " only " + s.view.left().label();
        }
        if (n.status == DriftStatus.ONLY_RIGHT) {
          return sym + " only " + s.view.right().label();
        }
        if (n.status == DriftStatus.IGNORED) {
          return sym + " ignored" + (n.diff.reason().isEmpty() ? "" : ": " + n.diff.reason());
        }
        return orSymbol(counts(n, g, false), sym);
      }
      default -> {
        if (n.own && n.status == DriftStatus.IGNORED) {
          return sym + " ignored" + (n.reason == null ? "" : ": " + n.reason);
        }
        if (n.normalized) {
          return sym + " normalized";
        }
        return n.children.length > 0 && !n.own ? orSymbol(counts(n, g, false), sym) : sym;
      }
    }
  }

  private static String orSymbol(String counts, String sym) {
    return counts.isEmpty() ? sym : counts.substring(1);
  }

  private static String counts(Node n, Glyphs g, boolean withSame) {
    StringBuilder sb = new StringBuilder();
    part(sb, "~", n.changed);
    part(sb, "+", n.onlyLeft);
    part(sb, "-", n.onlyRight);
    if (withSame) {
      part(sb, "=", n.same);
    }
    part(sb, g.symbol(DriftStatus.IGNORED), n.ignored);
    return sb.toString();
  }

  private static void part(StringBuilder sb, String sym, int n) {
    if (n > 0) {
      sb.append(' ').append(sym).append(n);
    }
  }
}
