package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The virtual row arithmetic agrees with a plain walk of the tree in every state. */
class TreeModelTest {

  @Test
  void rowsNodesAndIterationAgree() {
    TreeModel tree = BenchTree.build(300, 0.2);
    check(tree);
    tree.expandAll(tree.root());
    check(tree);
    tree.setDriftOnly(true);
    check(tree);
    tree.setFilter("image");
    check(tree);
    tree.setFilter("");
    tree.setDriftOnly(false);
    Node n = tree.nodeAt(tree.rowCount() / 2);
    tree.setExpanded(n.parent, false);
    check(tree);
  }

  private static void check(TreeModel tree) {
    int rows = tree.rowCount();
    Node n = tree.root();
    for (int row = 0; row < rows; row++) {
      assertSame(n, tree.nodeAt(row), "row " + row);
      assertEquals(row, tree.rowOf(n));
      Node next = tree.next(n);
      if (next != null) {
        assertSame(n, tree.previous(next));
      }
      n = next;
    }
    assertEquals(null, n, "iteration ends with the rows");
    assertTrue(rows > 0);
  }
}
