package io.driftscope.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.SideView;
import io.driftscope.core.DriftStatus;
import io.driftscope.diff.Summary;
import io.driftscope.source.SourceState;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws one frame: the header (both environments and their state), the tree (and the detail pane
 * when open), the message line, and the status bar with counts and key hints; or help; or, below
 * 80×24, a request for a larger window.
 */
final class ScreenRenderer {

  static final int MIN_COLUMNS = 80;
  static final int MIN_ROWS = 24;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final TreeRowRenderer rows = new TreeRowRenderer();
  private Frame frame;

  /** Draws the frame and gives the screen the cells that changed since the last one. */
  void draw(Screen screen, UiState s, Glyphs glyphs) {
    TerminalSize size = screen.getTerminalSize();
    if (frame == null || !frame.fits(size)) {
      // A resized screen holds the old content cut or extended: the first frame sends every cell.
      frame = new Frame(size);
    }
    screen.setCursorPosition(null);
    paint(screen, new Painter(frame, s.theme, glyphs), s);
    frame.show(screen);
  }

  private void paint(Screen screen, Painter p, UiState s) {
    int w = p.width();
    int h = p.height();
    Style base = p.style("base");
    p.fillAll(base);
    if (w < MIN_COLUMNS || h < MIN_ROWS) {
      tooSmall(p);
      return;
    }
    if (s.help) {
      HelpScreen.draw(p, s.keys);
      return;
    }
    header(p, s);
    int bodyTop = 3;
    int bodyBottom = h - 2;
    int bodyHeight = bodyBottom - bodyTop;
    if (s.detail != null) {
      int treeHeight = Math.max(5, bodyHeight / 3);
      columnTitles(p, s, 2);
      rows.draw(p, s, bodyTop, treeHeight);
      DetailRenderer.draw(p, s, bodyTop + treeHeight, bodyHeight - treeHeight);
    } else {
      columnTitles(p, s, 2);
      rows.draw(p, s, bodyTop, bodyHeight);
    }
    messageLine(p, s, h - 2);
    statusBar(screen, p, s, h - 1);
    if (s.dialog != null) {
      PlanDialogRenderer.draw(p, s);
    }
  }

  private static void tooSmall(Painter p) {
    String[] lines = {
      "Driftscope needs a window of at least " + MIN_COLUMNS + "×" + MIN_ROWS + ".",
      "Please enlarge the window (now " + p.width() + "×" + p.height() + ").",
      "q quits"
    };
    int y = Math.max(0, p.height() / 2 - 1);
    for (String line : lines) {
      String t = p.cut(line, p.width());
      p.put(Math.max(0, (p.width() - t.length()) / 2), y++, t, p.style("warning"));
    }
  }

  private void header(Painter p, UiState s) {
    Style hs = p.style("header");
    p.fillRow(0, hs);
    p.fillRow(1, hs);
    int w = p.width();
    int x = p.put(0, 0, " Driftscope  ", hs);
    ComparisonView v = s.view;
    String leftLabel = v == null ? s.leftWord : v.left().label();
    String rightLabel = v == null ? s.rightWord : v.right().label();
    String leftText = v == null ? sideWhileOpening(s, leftLabel) : side(s, v.left());
    String rightText = v == null ? sideWhileOpening(s, rightLabel) : side(s, v.right());
    boolean lp = s.protectedEnv(leftLabel);
    boolean rp = s.protectedEnv(rightLabel);
    String mark = "  PROTECTED";
    int half = (w - x - 5) / 2;
    String l = p.cut(leftText + (lp ? mark : ""), half);
    String r = p.cut(rightText + (rp ? mark : ""), half);
    p.put(x, 0, l, lp ? p.style("env.protected") : hs);
    p.put(x + half + 1, 0, " " + p.glyphs().arrows() + " ", hs);
    p.put(w - r.length() - 1, 0, r, rp ? p.style("env.protected") : hs);

    StringBuilder second = new StringBuilder(" mode ");
    second.append(v == null ? "—" : v.mode().label());
    second.append(" · filter: ").append(s.tree.filter().isEmpty() ? "—" : s.tree.filter());
    second.append(" · drift only: ").append(s.tree.driftOnly() ? "on" : "off");
    if (s.values.revealed()) {
      second.append(" · secrets REVEALED");
    }
    if (v != null && !v.notices().isEmpty()) {
      second.append(" · ").append(v.notices().size()).append(" notices");
    }
    String last = "";
    if (v != null && v.lastChangeAt() != null) {
      last =
          "last change "
              + TIME.format(v.lastChangeAt().atZone(s.zone))
              + " "
              + v.lastChange()
              + " ";
      last = p.cut(last, Math.max(0, w - second.length() - 2));
    }
    p.put(0, 1, p.cut(second.toString(), w - last.length() - 1), hs);
    p.put(w - last.length(), 1, last, hs);
  }

  private static String sideWhileOpening(UiState s, String word) {
    return word + (s.openFailure != null ? " failed: " + s.openFailure : " opening…");
  }

  private static String side(UiState s, SideView sv) {
    String spec = sv.spec().equals(sv.label()) ? "" : " " + sv.spec();
    return sv.label() + spec + " " + state(s, sv.state());
  }

  /** The state as the header writes it: {@code loading 120/300}, {@code ● live}, … */
  static String state(UiState s, SourceState st) {
    return switch (st.phase()) {
      case LOADING ->
          st.total() > 0
              ? "loading " + st.done() + "/" + st.total()
              : st.objects() > 0 ? "loading " + st.objects() : "loading…";
      case LIVE -> "● live";
      case STATIC -> "■ loaded";
      case RECONNECTING -> "reconnecting since " + TIME.format(st.since().atZone(s.zone));
      case FAILED -> "failed: " + st.reason();
    };
  }

  private void columnTitles(Painter p, UiState s, int y) {
    Style rule = p.style("drift.same");
    p.rule(y, rule);
    if (s.view == null) {
      return;
    }
    TreeRowRenderer.Columns c = TreeRowRenderer.columns(p.width());
    p.put(
        c.left(), y, " " + p.cut(s.view.left().label(), c.valueWidth() - 2) + " ", p.style("base"));
    p.put(
        c.right(),
        y,
        " " + p.cut(s.view.right().label(), c.valueWidth() - 2) + " ",
        p.style("base"));
  }

  private static void messageLine(Painter p, UiState s, int y) {
    if (s.input != null && !s.input.choices().isEmpty()) {
      p.fillRow(y, p.style("base"));
      p.put(1, y, String.join("  ", s.input.choices()), p.style("help"));
    } else if (s.message != null && s.now < s.messageUntil) {
      p.fillRow(y, p.style(s.messageStyle));
      p.put(1, y, p.cut(s.message, p.width() - 2), p.style(s.messageStyle));
    } else {
      p.rule(y, p.style("drift.same"));
    }
  }

  private static void statusBar(Screen screen, Painter p, UiState s, int y) {
    Style st = p.style("status");
    p.fillRow(y, st);
    if (s.input != null) {
      int x = p.put(0, y, s.input.prompt(), st);
      String text = s.input.text();
      int room = p.width() - x - 1;
      String shown = text.length() > room ? text.substring(text.length() - room) : text;
      x = p.put(x, y, shown, st);
      screen.setCursorPosition(new TerminalPosition(x, y));
      return;
    }
    Summary sum = s.view == null ? Summary.EMPTY : s.view.summary();
    int x = 1;
    x = count(p, x, y, DriftStatus.CHANGED, sum.changed(), " changed  ", st);
    x = count(p, x, y, DriftStatus.ONLY_LEFT, sum.onlyLeft(), " only left  ", st);
    x = count(p, x, y, DriftStatus.ONLY_RIGHT, sum.onlyRight(), " only right  ", st);
    x = count(p, x, y, DriftStatus.SAME, sum.same(), " same  ", st);
    x = count(p, x, y, DriftStatus.IGNORED, sum.ignored(), " ignored", st);
    // The hint bar shows what fits, in key map order, and always ends with the help key.
    String help = s.keys.binding(Action.HELP).enabled() ? s.keys.binding(Action.HELP).hint() : "";
    // Which hints fit is decided by priority; they are shown in key map order.
    int room = p.width() - x - 3 - help.length() - 2;
    List<KeyBinding> all = s.keys.hints();
    List<KeyBinding> byPriority = new ArrayList<>();
    for (Action a : KeyMap.HINT_PRIORITY) {
      all.stream().filter(b -> b.action() == a).forEach(byPriority::add);
    }
    all.stream().filter(b -> !byPriority.contains(b)).forEach(byPriority::add);
    Set<KeyBinding> kept = new HashSet<>();
    int used = 0;
    for (KeyBinding b : byPriority) {
      if (b.action() == Action.HELP) {
        continue;
      }
      int len = b.hint().length() + 2;
      if (used + len <= room) {
        kept.add(b);
        used += len;
      }
    }
    StringBuilder hints = new StringBuilder();
    for (KeyBinding b : all) {
      if (kept.contains(b)) {
        hints.append(b.hint()).append("  ");
      }
    }
    hints.append(help);
    p.put(p.width() - hints.length() - 1, y, hints.toString(), st);
  }

  private static int count(
      Painter p, int x, int y, DriftStatus status, int n, String what, Style bar) {
    Style ds = TreeRowRenderer.driftStyle(p, status).onBackgroundOf(bar);
    String sym = status == DriftStatus.SAME ? "" : p.glyphs().symbol(status);
    x = p.put(x, y, sym + n, ds);
    return p.put(x, y, what, bar);
  }
}
