package io.driftscope.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line diff of two texts (longest common subsequence after trimming the common prefix and
 * suffix), for unified diffs of multi-line values and for the detail pane. Pure.
 */
public final class LineDiff {

  /** What happened to a line. */
  public enum Op {
    SAME,
    DELETE,
    INSERT
  }

  /**
   * One line of the edit script; {@code DELETE} lines come from the left, {@code INSERT} from the
   * right.
   */
  public record Line(Op op, String text, int leftIndex, int rightIndex) {}

  /** Above this many cells the middle part is reported as replaced rather than aligned. */
  private static final long MAX_CELLS = 4_000_000L;

  private LineDiff() {}

  /** The edit script turning {@code left} into {@code right}. */
  public static List<Line> diff(List<String> left, List<String> right) {
    int n = left.size();
    int m = right.size();
    int pre = 0;
    while (pre < n && pre < m && left.get(pre).equals(right.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < n - pre && suf < m - pre && left.get(n - 1 - suf).equals(right.get(m - 1 - suf))) {
      suf++;
    }
    List<Line> out = new ArrayList<>(n + m);
    for (int i = 0; i < pre; i++) {
      out.add(new Line(Op.SAME, left.get(i), i, i));
    }
    int ln = n - pre - suf;
    int rn = m - pre - suf;
    if ((long) ln * rn > MAX_CELLS) {
      for (int i = 0; i < ln; i++) {
        out.add(new Line(Op.DELETE, left.get(pre + i), pre + i, -1));
      }
      for (int j = 0; j < rn; j++) {
        out.add(new Line(Op.INSERT, right.get(pre + j), -1, pre + j));
      }
    } else {
      middle(left, right, pre, ln, rn, out);
    }
    for (int k = 0; k < suf; k++) {
      out.add(new Line(Op.SAME, left.get(n - suf + k), n - suf + k, m - suf + k));
    }
    return out;
  }

  private static void middle(
      List<String> left, List<String> right, int pre, int ln, int rn, List<Line> out) {
    int[][] lcs = new int[ln + 1][rn + 1];
    for (int i = ln - 1; i >= 0; i--) {
      for (int j = rn - 1; j >= 0; j--) {
        lcs[i][j] =
            left.get(pre + i).equals(right.get(pre + j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < ln || j < rn) {
      if (i < ln && j < rn && left.get(pre + i).equals(right.get(pre + j))) {
        out.add(new Line(Op.SAME, left.get(pre + i), pre + i, pre + j));
        i++;
        j++;
      } else if (i < ln && (j == rn || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Line(Op.DELETE, left.get(pre + i), pre + i, -1));
        i++;
      } else {
        out.add(new Line(Op.INSERT, right.get(pre + j), -1, pre + j));
        j++;
      }
    }
  }

  /**
   * A unified diff of the script with {@code context} lines around each change, without file
   * headers: {@code @@ -a,b +c,d @@} hunks of {@code ' '}, {@code '-'} and {@code '+'} lines.
   */
  public static List<String> unified(List<Line> script, int context) {
    List<String> out = new ArrayList<>();
    int k = 0;
    while (k < script.size()) {
      if (script.get(k).op() == Op.SAME) {
        k++;
        continue;
      }
      int start = Math.max(0, k - context);
      int end = k;
      // Extend the hunk while changes are within 2*context of each other.
      int lastChange = k;
      while (end < script.size()) {
        if (script.get(end).op() != Op.SAME) {
          lastChange = end;
        } else if (end - lastChange > 2 * context) {
          break;
        }
        end++;
      }
      end = Math.min(script.size(), lastChange + context + 1);
      int leftStart = -1;
      int rightStart = -1;
      int leftCount = 0;
      int rightCount = 0;
      List<String> body = new ArrayList<>();
      for (int x = start; x < end; x++) {
        Line l = script.get(x);
        switch (l.op()) {
          case SAME -> {
            body.add(" " + l.text());
            leftCount++;
            rightCount++;
            leftStart = leftStart < 0 ? l.leftIndex() : leftStart;
            rightStart = rightStart < 0 ? l.rightIndex() : rightStart;
          }
          case DELETE -> {
            body.add("-" + l.text());
            leftCount++;
            leftStart = leftStart < 0 ? l.leftIndex() : leftStart;
          }
          case INSERT -> {
            body.add("+" + l.text());
            rightCount++;
            rightStart = rightStart < 0 ? l.rightIndex() : rightStart;
          }
        }
      }
      out.add(
          "@@ -"
              + (Math.max(leftStart, 0) + 1)
              + ","
              + leftCount
              + " +"
              + (Math.max(rightStart, 0) + 1)
              + ","
              + rightCount
              + " @@");
      out.addAll(body);
      k = end;
    }
    return out;
  }
}
