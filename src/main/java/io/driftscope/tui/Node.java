package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.diff.ResourceDiff;

/**
 * One node of the drift tree. Kept compact because a fully expanded tree of 10,000 resources per
 * side holds about a million of them; field subtrees are built only when a resource is expanded.
 * Mutable, confined to the screen thread.
 */
final class Node {

  static final Node[] NONE = new Node[0];

  /** What a node stands for. */
  enum Type {
    ROOT,
    NAMESPACE,
    KIND,
    RESOURCE,
    FIELD
  }

  final Type type;
  String label;
  Node parent;

  /** Position in {@code parent.children}; kept by {@link #adopt}. */
  int index;

  /** Children in display order; {@code null} while a resource's fields are not built yet. */
  Node[] children;

  DriftStatus status = DriftStatus.SAME;

  /**
   * Roll-up counts: resources by state for the root, namespace and kind nodes; differences by state
   * for resource and field nodes.
   */
  int same;

  int changed;
  int onlyLeft;
  int onlyRight;
  int ignored;

  boolean expanded;

  /** Shown under the current filter and drift-only setting. */
  boolean shown = true;

  /** The node or one of its ancestors matches the filter text. */
  boolean filterMatch;

  /** Rows the materialized children contribute: the sum of their {@link #rows()}. */
  int sub;

  /** Removed from the tree by an update. */
  boolean detached;

  /** A field node that carries a difference of its own. */
  boolean own;

  /** A field under a Secret's data: values are masked until revealed. */
  boolean secret;

  /** A field whose raw values differ but which the engine found equal (normalized). */
  boolean normalized;

  long flashUntil;

  /** For resource nodes: the diff shown. */
  ResourceDiff diff;

  /** For field nodes: the left and right values ({@code null} when absent on that side). */
  JsonNode left;

  JsonNode right;

  /** For field nodes: why the difference is ignored; else {@code null}. */
  String reason;

  Node(Type type, String label) {
    this.type = type;
    this.label = label;
  }

  /** The rows this node takes in the visible tree. */
  int rows() {
    if (!shown) {
      return 0;
    }
    return expanded && children != null ? 1 + sub : 1;
  }

  boolean isLeaf() {
    return children != null && children.length == 0;
  }

  /** Whether expanding could show something (unbuilt resources count as expandable). */
  boolean expandable() {
    return children == null || children.length > 0;
  }

  int drift() {
    return changed + onlyLeft + onlyRight;
  }

  /** Nothing at or under this node differs, not even an ignored difference. */
  boolean quiet() {
    return status == DriftStatus.SAME && drift() == 0 && ignored == 0;
  }

  int depth() {
    int d = 0;
    for (Node p = parent; p != null; p = p.parent) {
      d++;
    }
    return d;
  }

  /** Makes {@code kids} this node's children, setting their parent and index from {@code from}. */
  void adopt(Node[] kids, int from) {
    children = kids;
    for (int i = from; i < kids.length; i++) {
      kids[i].parent = this;
      kids[i].index = i;
    }
  }

  void clearCounts() {
    same = 0;
    changed = 0;
    onlyLeft = 0;
    onlyRight = 0;
    ignored = 0;
  }

  /** Adds one item of {@code s} to the counts. */
  void count(DriftStatus s, int n) {
    switch (s) {
      case SAME -> same += n;
      case CHANGED -> changed += n;
      case ONLY_LEFT -> onlyLeft += n;
      case ONLY_RIGHT -> onlyRight += n;
      case IGNORED, NOT_COMPARABLE -> ignored += n;
    }
  }

  @Override
  public String toString() {
    return type + ":" + label;
  }
}
