package io.driftscope.source.file;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line (longest common subsequence), 3 lines of context. */
final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The diff from {@code before} to {@code after}, with {@code ---}/{@code +++} headers; empty when
   * equal. When {@code maskValues} is set, what follows {@code key:} on changed lines is masked.
   */
  static String of(String name, String before, String after, boolean maskValues) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // Each entry: ' ', '-' or '+', with its line and the line numbers in a and b.
    List<String[]> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        script.add(new String[] {" ", a.get(i), Integer.toString(i), Integer.toString(j)});
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        script.add(new String[] {"+", b.get(j), Integer.toString(i), Integer.toString(j)});
        j++;
      } else {
        script.add(new String[] {"-", a.get(i), Integer.toString(i), Integer.toString(j)});
        i++;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append('\n').append("+++ ").append(name).append('\n');
    int k = 0;
    while (k < script.size()) {
      if (script.get(k)[0].equals(" ")) {
        k++;
        continue;
      }
      int first = k;
      int lastChange = k;
      for (int x = k + 1; x < script.size() && x - lastChange <= 2 * CONTEXT; x++) {
        if (!script.get(x)[0].equals(" ")) {
          lastChange = x;
        }
      }
      int start = Math.max(0, first - CONTEXT);
      int end = Math.min(script.size(), lastChange + CONTEXT + 1);
      int aStart = Integer.parseInt(script.get(start)[2]);
      int bStart = Integer.parseInt(script.get(start)[3]);
      int aLen = 0;
      int bLen = 0;
      StringBuilder hunk = new StringBuilder();
      for (int x = start; x < end; x++) {
        String[] e = script.get(x);
        String line = e[1];
        if (maskValues && !e[0].equals(" ")) {
          line = mask(line);
        }
        hunk.append(e[0]).append(line).append('\n');
        if (!e[0].equals("+")) {
          aLen++;
        }
        if (!e[0].equals("-")) {
          bLen++;
        }
      }
      out.append("@@ -")
          .append(aLen == 0 ? aStart : aStart + 1)
          .append(',')
          .append(aLen)
          .append(" +")
          .append(bLen == 0 ? bStart : bStart + 1)
          .append(',')
          .append(bLen)
          .append(" @@\n")
          .append(hunk);
      k = end;
    }
    return out.toString();
  }

  private static String mask(String line) {
    int colon = line.indexOf(": ");
    if (colon >= 0 && colon + 2 < line.length()) {
      return line.substring(0, colon + 2) + "••••••";
    }
    return line;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
