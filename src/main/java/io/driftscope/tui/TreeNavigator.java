package io.driftscope.tui;

import java.util.List;

/**
 * The cursor and the scroll position over a {@link TreeModel}, both held as nodes (not row numbers)
 * so that they stay on the same resource or field while the tree changes around them.
 */
final class TreeNavigator {

  private final TreeModel model;
  private Node cursor;
  private Node top;

  TreeNavigator(TreeModel model) {
    this.model = model;
    this.cursor = model.root();
    this.top = model.root();
  }

  Node cursor() {
    return cursor;
  }

  void setCursor(Node n) {
    if (n != null) {
      cursor = n;
    }
  }

  /** Remembers where cursor and top are, to find them again after the tree changed. */
  Anchor anchor() {
    return new Anchor(cursor, TreeModel.labels(cursor), top, TreeModel.labels(top));
  }

  /** Where the cursor and the top row were. */
  record Anchor(Node cursor, List<String> cursorPath, Node top, List<String> topPath) {}

  /** After an update: cursor and top stay on their nodes, or on the nearest that survived. */
  void restore(Anchor a) {
    cursor = model.visible(a.cursor()) ? a.cursor() : model.find(a.cursorPath());
    top = model.visible(a.top()) ? a.top() : model.find(a.topPath());
  }

  /** Keeps the cursor visible; call after filter, drift-only and collapse changes. */
  void repair() {
    if (!model.visible(cursor)) {
      cursor = model.find(TreeModel.labels(cursor));
    }
    if (!model.visible(top)) {
      top = model.find(TreeModel.labels(top));
    }
  }

  /** The first row to draw in a viewport of {@code height} rows, scrolled to show the cursor. */
  int scroll(int height) {
    int rows = model.rowCount();
    int cursorRow = model.rowOf(cursor);
    int topRow = model.rowOf(top);
    if (cursorRow < topRow) {
      topRow = cursorRow;
    } else if (cursorRow >= topRow + height) {
      topRow = cursorRow - height + 1;
    }
    // Do not leave empty rows at the bottom when the tree could fill them.
    topRow = Math.max(0, Math.min(topRow, Math.max(0, rows - height)));
    if (cursorRow < topRow) {
      topRow = cursorRow;
    }
    top = model.nodeAt(topRow);
    return topRow;
  }

  void down(int n) {
    for (int i = 0; i < n; i++) {
      Node next = model.next(cursor);
      if (next == null) {
        return;
      }
      cursor = next;
    }
  }

  void up(int n) {
    for (int i = 0; i < n; i++) {
      Node prev = model.previous(cursor);
      if (prev == null) {
        return;
      }
      cursor = prev;
    }
  }

  void first() {
    cursor = model.root();
  }

  void last() {
    cursor = model.nodeAt(model.rowCount() - 1);
  }

  /** Collapses the cursor's node, or moves to its parent when it is collapsed or a leaf. */
  void collapse() {
    if (cursor.expanded && cursor.parent != null) {
      model.setExpanded(cursor, false);
    } else if (cursor.parent != null) {
      cursor = cursor.parent;
    }
  }

  /** Expands the cursor's node, or moves to its first child when it is expanded. */
  void expand() {
    if (!cursor.expanded) {
      model.setExpanded(cursor, true);
    } else {
      Node next = model.next(cursor);
      if (next != null && next.parent == cursor) {
        cursor = next;
      }
    }
  }

  void toggle() {
    if (cursor.parent != null) {
      model.setExpanded(cursor, !cursor.expanded);
    }
  }

  void expandAll() {
    model.expandAll(cursor);
  }

  /** Moves to the next (or previous) drift, wrapping around once; false when there is none. */
  boolean drift(boolean forward) {
    return seek(forward, TreeNavigator::driftStop);
  }

  /** Moves to the next (or previous) node whose label matches the filter. */
  boolean match(boolean forward) {
    return seek(forward, model::matchesLabel);
  }

  private boolean seek(boolean forward, java.util.function.Predicate<Node> stop) {
    Node n = cursor;
    int limit = model.rowCount();
    for (int i = 0; i < limit; i++) {
      n = forward ? model.next(n) : model.previous(n);
      if (n == null) {
        n = forward ? model.root() : model.nodeAt(model.rowCount() - 1);
      }
      if (n == cursor) {
        return false;
      }
      if (stop.test(n)) {
        cursor = n;
        return true;
      }
    }
    return false;
  }

  /** A row worth stopping at: a drifted resource, a drifted field, or a collapsed drifted group. */
  static boolean driftStop(Node n) {
    if (!n.status.isDrift()) {
      return false;
    }
    return switch (n.type) {
      case RESOURCE -> true;
      case FIELD -> n.own || !n.expanded;
      case KIND, NAMESPACE -> !n.expanded;
      case ROOT -> false;
    };
  }
}
