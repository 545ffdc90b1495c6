package io.driftscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.DriftStatus;
import io.driftscope.diff.Difference;
import io.driftscope.diff.LineDiff;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.Summary;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Writes a comparison for people: drifted resources grouped with each difference as its path and
 * both values, multi-line values as a small unified diff, and a summary line.
 */
public final class TextReport {

  private static final int VALUE_WIDTH = 60;

  private final ValueMasker masker;
  private final boolean color;
  private final boolean showSame;

  /**
   * A report writer.
   *
   * @param color use ANSI colours
   * @param showSame also list resources without drift
   */
  public TextReport(ValueMasker masker, boolean color, boolean showSame) {
    this.masker = masker;
    this.color = color;
    this.showSame = showSame;
  }

  /** Writes the whole report. */
  public void write(ComparisonView view, PrintStream out) {
    String left = view.left().label();
    String right = view.right().label();
    out.println(
        styled(
            "left  "
                + view.left().spec()
                + "\nright "
                + view.right().spec()
                + "\n"
                + view.mode().label()
                + " mode",
            AttributedStyle.DEFAULT.faint()));
    for (String notice : view.notices()) {
      out.println(styled("note: " + notice, AttributedStyle.DEFAULT.faint()));
    }
    for (ResourceDiff d : view.resources()) {
      boolean listed = d.isDrift() || !d.differences().isEmpty() || d.ignored() || showSame;
      if (listed) {
        writeResource(d, left, right, out);
      }
    }
    out.println(summaryLine(view));
  }

  private void writeResource(ResourceDiff d, String left, String right, PrintStream out) {
    DriftStatus shown = d.ignored() ? DriftStatus.IGNORED : d.status();
    String state =
        switch (d.status()) {
          case SAME -> "in sync";
          case CHANGED -> "changed";
          case ONLY_LEFT -> "only left (" + left + ")";
          case ONLY_RIGHT -> "only right (" + right + ")";
          default -> d.status().jsonName();
        };
    if (d.ignored()) {
      state += " (ignored: " + d.reason() + ")";
    }
    out.println(
        styled(shown.symbol() + " " + d.key(), style(shown).bold())
            + "  "
            + styled(state, style(shown)));
    for (Difference x : d.differences()) {
      writeDifference(d, x, out);
    }
  }

  private void writeDifference(ResourceDiff d, Difference x, PrintStream out) {
    String path = x.path().toString();
    JsonNode l = x.left() == null ? null : masker.show(d.key(), x.path(), x.left());
    JsonNode r = x.right() == null ? null : masker.show(d.key(), x.path(), x.right());
    String head = "    " + x.status().symbol() + " " + path;
    if (x.status() == DriftStatus.IGNORED) {
      out.println(styled(head + "  ignored: " + x.reason(), style(DriftStatus.IGNORED)));
      return;
    }
    String ls = l == null ? null : Values.display(l);
    String rs = r == null ? null : Values.display(r);
    boolean multi = (ls != null && ls.contains("\n")) || (rs != null && rs.contains("\n"));
    if (!multi) {
      String pair =
          switch (x.status()) {
            case ONLY_LEFT -> ls + "  (absent on the right)";
            case ONLY_RIGHT -> "(absent on the left)  " + rs;
            default -> ls + "  →  " + rs;
          };
      if (head.length() + pair.length() + 2 <= 120) {
        out.println(styled(head, style(x.status())) + "  " + pair);
      } else {
        out.println(styled(head, style(x.status())));
        out.println("        " + Values.cut(pair, VALUE_WIDTH * 2));
      }
      return;
    }
    out.println(styled(head, style(x.status())));
    List<String> a = ls == null ? List.of() : Arrays.asList(ls.split("\n", -1));
    List<String> b = rs == null ? List.of() : Arrays.asList(rs.split("\n", -1));
    for (String line : LineDiff.unified(LineDiff.diff(a, b), 2)) {
      AttributedStyle st =
          line.startsWith("-")
              ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)
              : line.startsWith("+")
                  ? AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)
                  : line.startsWith("@@")
                      ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)
                      : AttributedStyle.DEFAULT;
      out.println("        " + styled(line, st));
    }
  }

  /** The last line: counts and the verdict. */
  public String summaryLine(ComparisonView view) {
    Summary s = view.summary();
    String verdict = view.inSync() ? "in sync" : "drift";
    String text =
        s.resources()
            + (s.resources() == 1 ? " resource: " : " resources: ")
            + s.same()
            + " same, "
            + s.changed()
            + " changed, "
            + s.onlyLeft()
            + " only left, "
            + s.onlyRight()
            + " only right, "
            + s.ignored()
            + " ignored — "
            + verdict;
    return styled(
        text, view.inSync() ? style(DriftStatus.SAME).bold() : style(DriftStatus.CHANGED).bold());
  }

  private AttributedStyle style(DriftStatus s) {
    return switch (s) {
      case SAME -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case CHANGED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case ONLY_LEFT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      case ONLY_RIGHT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
      case IGNORED, NOT_COMPARABLE -> AttributedStyle.DEFAULT.faint();
    };
  }

  private String styled(String text, AttributedStyle st) {
    if (!color) {
      return text;
    }
    return new AttributedStringBuilder().style(st).append(text).toAnsi();
  }
}
