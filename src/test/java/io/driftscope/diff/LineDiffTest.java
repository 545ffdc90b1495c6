package io.driftscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void unifiedDiffShowsTheChangedLineWithContext() {
    List<String> a = List.of("a", "b", "c", "d", "e", "f", "g");
    List<String> b = List.of("a", "b", "c", "D", "e", "f", "g");
    assertEquals(
        List.of("@@ -2,5 +2,5 @@", " b", " c", "-d", "+D", " e", " f"),
        LineDiff.unified(LineDiff.diff(a, b), 2));
  }

  @Test
  void insertionsAndDeletions() {
    List<LineDiff.Line> script = LineDiff.diff(List.of("x", "y"), List.of("y", "z"));
    assertEquals(
        List.of(LineDiff.Op.DELETE, LineDiff.Op.SAME, LineDiff.Op.INSERT),
        script.stream().map(LineDiff.Line::op).toList());
  }
}
