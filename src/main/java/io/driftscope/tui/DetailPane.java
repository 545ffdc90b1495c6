package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.diff.Difference;
import io.driftscope.diff.Note;
import io.driftscope.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detail pane's content for one resource: both documents as YAML, line by line side by side,
 * each line pair with its state, runs of unchanged lines folded unless unfolded with {@code z}.
 */
final class DetailPane {

  /** Lines of context kept around a change when folding. */
  static final int CONTEXT = 3;

  /**
   * One row: the left and right text ({@code null} where that side has no line), its state, and for
   * a fold row the number of lines it hides.
   */
  record Line(String left, String right, DriftStatus status, int folded) {
    boolean isFold() {
      return folded > 0;
    }
  }

  private final ResourceDiff diff;
  private final List<Line> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private List<Line> shown;
  private boolean fold = true;
  private int scroll;

  DetailPane(ResourceDiff diff, Values values) {
    this.diff = diff;
    Map<String, Difference> byPath = new HashMap<>();
    for (Difference d : diff.differences()) {
      byPath.put(d.path().toString(), d);
      if (!d.reason().isEmpty()) {
        notes.add("ignored " + d.path() + ": " + d.reason());
      }
    }
    for (Note n : diff.notes()) {
      notes.add("why " + n.path() + ": " + n.text());
    }
    if (diff.ignored() && !diff.reason().isEmpty()) {
      notes.add("ignored: " + diff.reason());
    }
    JsonNode l = diff.left() == null ? null : diff.left().document();
    JsonNode r = diff.right() == null ? null : diff.right().document();
    boolean secretKind = diff.key().group().isEmpty() && diff.key().kind().equals("Secret");
    new Emitter(new DocumentPairing(diff.differences()), byPath, values, secretKind, diff.status())
        .object(l, r, "", 0, false);
    refold();
  }

  ResourceDiff diff() {
    return diff;
  }

  List<String> notes() {
    return notes;
  }

  boolean folding() {
    return fold;
  }

  void toggleFold() {
    fold = !fold;
    refold();
  }

  List<Line> lines() {
    return shown;
  }

  int scroll() {
    return scroll;
  }

  void scrollBy(int n, int height) {
    scroll = Math.max(0, Math.min(scroll + n, Math.max(0, shown.size() - height)));
  }

  void scrollTo(int row) {
    scroll = Math.max(0, row);
  }

  private void refold() {
    if (!fold) {
      shown = lines;
      return;
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j < lines.size() && lines.get(j).status() == DriftStatus.SAME) {
        j++;
      }
      int run = j - i;
      boolean atStart = i == 0;
      boolean atEnd = j == lines.size();
      int keepBefore = atStart ? 0 : CONTEXT;
      int keepAfter = atEnd ? 0 : CONTEXT;
      if (run > keepBefore + keepAfter + 1) {
        out.addAll(lines.subList(i, i + keepBefore));
        out.add(new Line(null, null, DriftStatus.SAME, run - keepBefore - keepAfter));
        out.addAll(lines.subList(j - keepAfter, j));
      } else {
        out.addAll(lines.subList(i, j));
      }
      if (j < lines.size()) {
        out.add(lines.get(j));
      }
      i = j + 1;
    }
    shown = out;
    scroll = Math.min(scroll, Math.max(0, shown.size() - 1));
  }

  /** Writes both documents as YAML lines, in step. */
  private final class Emitter {
    private final DocumentPairing pairing;
    private final Map<String, Difference> byPath;
    private final Values values;
    private final boolean secretKind;
    private final DriftStatus oneSided;

    Emitter(
        DocumentPairing pairing,
        Map<String, Difference> byPath,
        Values values,
        boolean secretKind,
        DriftStatus resourceStatus) {
      this.pairing = pairing;
      this.byPath = byPath;
      this.values = values;
      this.secretKind = secretKind;
      this.oneSided =
          resourceStatus == DriftStatus.ONLY_LEFT || resourceStatus == DriftStatus.ONLY_RIGHT
              ? resourceStatus
              : null;
    }

    void object(JsonNode l, JsonNode r, String path, int indent, boolean secret) {
      pairing.children(
          l,
          r,
          path,
          (label, entry, lc, rc) -> {
            String childPath = path + "/" + label;
            boolean sec = secret || (secretKind && path.isEmpty() && isData(label));
            String key = entry ? "-" : keyText(label) + ":";
            Difference d = byPath.get(childPath);
            boolean containers =
                (lc == null || lc.isContainerNode())
                    && (rc == null || rc.isContainerNode())
                    && (DocumentPairing.container(lc) || DocumentPairing.container(rc));
            if (containers) {
              DriftStatus s = status(d);
              add(lc == null ? null : pad(indent) + key, rc == null ? null : pad(indent) + key, s);
              object(lc, rc, childPath, indent + 2, sec);
            } else {
              String lt = lc == null ? null : pad(indent) + key + " " + scalar(lc, sec);
              String rt = rc == null ? null : pad(indent) + key + " " + scalar(rc, sec);
              add(lt, rt, status(d));
            }
          });
    }

    private boolean isData(String label) {
      return label.equals("data") || label.equals("stringData");
    }

    private String keyText(String label) {
      return Text.sanitize(label.replace("~1", "/").replace("~0", "~"));
    }

    private DriftStatus status(Difference d) {
      if (oneSided != null) {
        return oneSided;
      }
      if (d != null) {
        return d.status();
      }
      // No difference reported: equal, possibly after normalization (defaults, quantities).
      return DriftStatus.SAME;
    }

    private String scalar(JsonNode v, boolean secret) {
      if (v.isContainerNode()) {
        return v.size() == 0 ? (v.isArray() ? "[]" : "{}") : values.show(v, secret);
      }
      if (v.isNull()) {
        return "null";
      }
      return values.show(v, secret);
    }

    private void add(String l, String r, DriftStatus s) {
      lines.add(new Line(l, r, s, 0));
    }
  }

  private static String pad(int n) {
    return " ".repeat(n);
  }

  /**
   * The changed part of two lines, extended to word boundaries: {@code [start, endLeft, endRight]}
   * where {@code start} is where both start to differ and the ends are exclusive, per side.
   */
  static int[] changedWords(String l, String r) {
    int p = 0;
    int max = Math.min(l.length(), r.length());
    while (p < max && l.charAt(p) == r.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < max - p && l.charAt(l.length() - 1 - s) == r.charAt(r.length() - 1 - s)) {
      s++;
    }
    while (p > 0 && wordChar(l.charAt(p - 1))) {
      p--;
    }
    int el = l.length() - s;
    int er = r.length() - s;
    while (el < l.length() && er < r.length() && wordChar(l.charAt(el)) && wordChar(r.charAt(er))) {
      el++;
      er++;
    }
    return new int[] {p, Math.max(p, el), Math.max(p, er)};
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }
}
