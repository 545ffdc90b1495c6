package io.driftscope.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the plan dialog over the main screen: a box titled with the direction and the target (in
 * the {@code env.protected} style and marked {@code PROTECTED} when protected), the plan's lines
 * scrolled to the dialog's position, the progress or problem line, the name prompt for a protected
 * target, and the dialog's key hints from the key map.
 */
final class PlanDialogRenderer {

  private static final int MAX_WIDTH = 110;

  private PlanDialogRenderer() {}

  /** The rows the body may use on a screen of {@code height} with {@code footer} footer lines. */
  static int bodyRoom(int height, int footer) {
    return Math.max(1, height - 4 - 2 - footer);
  }

  static void draw(Painter p, UiState s) {
    PlanDialog d = s.dialog;
    Style box = p.style("dialog");
    int w = Math.min(p.width() - 4, MAX_WIDTH);
    int x0 = (p.width() - w) / 2;
    int inner = w - 4;
    List<PlanDialog.Line> body = wrap(d.body(), inner);
    List<PlanDialog.Line> footer = footer(d, s);
    int room = bodyRoom(p.height(), footer.size());
    int shown = Math.min(body.size(), room);
    d.scroll = Math.max(0, Math.min(d.scroll, body.size() - shown));
    d.page = shown;
    int h = shown + footer.size() + 2;
    int y0 = Math.max(1, (p.height() - h) / 2);

    title(p, d, x0, y0, w, box);
    int y = y0 + 1;
    for (int i = 0; i < shown; i++) {
      PlanDialog.Line l = body.get(d.scroll + i);
      line(p, x0, y++, w, inner, l.text(), style(p, l.style(), box), box);
    }
    for (PlanDialog.Line l : footer) {
      line(p, x0, y++, w, inner, l.text(), style(p, l.style(), box), box);
    }
    String more =
        body.size() > shown
            ? " lines " + (d.scroll + 1) + "–" + (d.scroll + shown) + " of " + body.size() + " "
            : "";
    p.put(x0, y, "└" + "─".repeat(w - 2) + "┘", box);
    p.put(x0 + w - 2 - more.length(), y, more, box);
  }

  private static void title(Painter p, PlanDialog d, int x0, int y, int w, Style box) {
    boolean prot = d.target != null && d.target.isProtected();
    Style ps = p.style("env.protected");
    p.put(x0, y, "┌" + "─".repeat(w - 2) + "┐", box);
    int x = p.put(x0 + 1, y, " " + d.titleHead(), box);
    if (d.target != null) {
      x = p.put(x, y, d.target.label(), prot ? ps : box);
    }
    p.put(x, y, " ", box);
    if (prot) {
      p.put(x0 + w - 13, y, " PROTECTED ", ps);
    }
  }

  private static void line(
      Painter p, int x0, int y, int w, int inner, String text, Style st, Style box) {
    p.fill(x0, y, w, box);
    p.put(x0, y, "│", box);
    p.put(x0 + 2, y, p.cut(text, inner), st);
    p.put(x0 + w - 1, y, "│", box);
  }

  /**
   * Lines wider than the box broken at spaces, each continuation indented under its line, so that
   * both values of a change stay readable (the new value is what the person confirms).
   */
  static List<PlanDialog.Line> wrap(List<PlanDialog.Line> lines, int width) {
    List<PlanDialog.Line> out = new ArrayList<>(lines.size());
    for (PlanDialog.Line l : lines) {
      String text = l.text();
      if (text.length() <= width || width < 20) {
        out.add(l);
        continue;
      }
      int lead = 0;
      while (lead < text.length() && text.charAt(lead) == ' ') {
        lead++;
      }
      String indent = " ".repeat(Math.min(lead + 4, width / 2));
      String rest = text;
      boolean first = true;
      while (!rest.isEmpty()) {
        String prefix = first ? "" : indent;
        int room = width - prefix.length();
        String body = first ? rest : rest.stripLeading();
        if (body.length() <= room) {
          out.add(new PlanDialog.Line(prefix + body, l.style()));
          break;
        }
        int cut = body.lastIndexOf(' ', room);
        if (cut <= room / 3) {
          cut = room;
        }
        out.add(new PlanDialog.Line(prefix + body.substring(0, cut), l.style()));
        rest = body.substring(cut);
        first = false;
      }
    }
    return out;
  }

  private static Style style(Painter p, String name, Style box) {
    return name.equals("dialog") ? box : p.style(name).onBackgroundOf(box);
  }

  private static List<PlanDialog.Line> footer(PlanDialog d, UiState s) {
    List<PlanDialog.Line> out = new ArrayList<>();
    out.add(new PlanDialog.Line("", "dialog"));
    String progress = d.progress();
    if (progress != null) {
      out.add(new PlanDialog.Line(progress, "warning"));
    }
    if (d.problem != null) {
      out.add(new PlanDialog.Line(d.problem, "error"));
    }
    if (d.typing()) {
      out.add(
          new PlanDialog.Line(
              "Type the environment's name to apply:  " + d.typed + "_", "warning"));
    }
    List<String> hints = new ArrayList<>(s.keys.dialogHints(d.typing()));
    if (!d.applicable() || d.phase != PlanDialog.Phase.READY) {
      hints.removeIf(h -> h.endsWith(" apply"));
    }
    out.add(new PlanDialog.Line(String.join(" · ", hints), "dialog"));
    return out;
  }
}
