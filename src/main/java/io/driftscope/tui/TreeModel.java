package io.driftscope.tui;

import io.driftscope.compare.ComparisonView;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drift tree: environment pair → namespace → kind → resource → fields. Updated in place from
 * each new {@link ComparisonView} (only resources whose diff changed are touched), so node identity
 * (cursor, expansion) survives updates. Rows are virtual: every node knows how many rows its
 * subtree shows, so finding the node at a row or the row of a node costs O(depth × siblings), not
 * O(rows). Confined to the screen thread.
 */
final class TreeModel {

  static final String CLUSTER = "(cluster)";

  private final Node root = new Node(Node.Type.ROOT, "");
  private final Map<ResourceKey, Node> resources = new HashMap<>();
  private List<ResourceDiff> current = List.of();
  private String singleNamespace;
  private boolean started;
  private String filter = "";
  private boolean driftOnly;

  TreeModel() {
    root.children = Node.NONE;
    root.expanded = true;
  }

  Node root() {
    return root;
  }

  String filter() {
    return filter;
  }

  boolean driftOnly() {
    return driftOnly;
  }

  // ---------------------------------------------------------------- updates

  /**
   * Brings the tree to {@code view}. Returns the resource nodes whose content changed (to flash);
   * on the first load, or when the namespace layout changes, rebuilds and returns nothing.
   */
  List<Node> update(ComparisonView view) {
    root.label = view.left().label() + " ⇄ " + view.right().label();
    List<ResourceDiff> next = view.resources();
    String single = singleNamespace(next);
    if (!started || !java.util.Objects.equals(single, singleNamespace)) {
      boolean first = !started;
      started = !next.isEmpty() || view.loaded();
      singleNamespace = single;
      rebuild(next, first);
      return List.of();
    }
    List<Node> touched = new ArrayList<>();
    int i = 0;
    int j = 0;
    List<ResourceDiff> old = current;
    while (i < old.size() || j < next.size()) {
      ResourceDiff a = i < old.size() ? old.get(i) : null;
      ResourceDiff b = j < next.size() ? next.get(j) : null;
      int c = a == null ? 1 : b == null ? -1 : a.key().compareTo(b.key());
      if (c < 0) {
        remove(a);
        i++;
      } else if (c > 0) {
        touched.add(add(b, false));
        j++;
      } else {
        if (a != b) {
          Node n = resources.get(b.key());
          boolean same = a.equals(b);
          n.diff = b;
          if (!same) {
            refresh(n);
            touched.add(n);
          }
        }
        i++;
        j++;
      }
    }
    current = next;
    recount();
    settleUpper();
    return touched;
  }

  private static String singleNamespace(List<ResourceDiff> diffs) {
    Set<String> left = new HashSet<>();
    Set<String> right = new HashSet<>();
    for (ResourceDiff d : diffs) {
      if (d.left() != null && !d.left().key().namespace().isEmpty()) {
        left.add(d.left().key().namespace());
      }
      if (d.right() != null && !d.right().key().namespace().isEmpty()) {
        right.add(d.right().key().namespace());
      }
      if (left.size() > 1 || right.size() > 1) {
        return null;
      }
    }
    String l = left.isEmpty() ? null : left.iterator().next();
    String r = right.isEmpty() ? null : right.iterator().next();
    if (l == null && r == null) {
      return null;
    }
    if (l == null || r == null || l.equals(r)) {
      return l == null ? r : l;
    }
    return l + " ⇄ " + r;
  }

  private void rebuild(List<ResourceDiff> next, boolean first) {
    Set<String> expanded = new HashSet<>();
    if (!first) {
      collectExpanded(root, "", expanded);
      detach(root.children);
    }
    root.children = Node.NONE;
    resources.clear();
    for (ResourceDiff d : next) {
      add(d, true);
    }
    current = next;
    recount();
    for (Node ns : root.children) {
      ns.expanded = first || expanded.contains(key("", ns));
      for (Node k : ns.children) {
        k.expanded = first ? k.drift() > 0 : expanded.contains(key(key("", ns), k));
        for (Node r : k.children) {
          String rk = key(key(key("", ns), k), r);
          if (expanded.contains(rk)) {
            r.expanded = true;
            FieldTreeBuilder.build(r);
            restoreExpanded(r, rk, expanded);
          }
        }
      }
    }
    settle(root, false);
  }

  private static String key(String parent, Node n) {
    return parent + "\u0000" + n.label;
  }

  private static void collectExpanded(Node n, String path, Set<String> out) {
    if (n.children == null) {
      return;
    }
    for (Node c : n.children) {
      if (c.expanded) {
        String k = key(path, c);
        out.add(k);
        collectExpanded(c, k, out);
      }
    }
  }

  private static void restoreExpanded(Node n, String path, Set<String> expanded) {
    for (Node c : n.children) {
      String k = key(path, c);
      if (expanded.contains(k)) {
        c.expanded = true;
        restoreExpanded(c, k, expanded);
      }
    }
  }

  private static void detach(Node[] nodes) {
    if (nodes != null) {
      for (Node n : nodes) {
        n.detached = true;
      }
    }
  }

  private String namespaceLabel(ResourceKey k) {
    if (k.namespace().isEmpty()) {
      return CLUSTER;
    }
    return singleNamespace != null ? singleNamespace : k.namespace();
  }

  private Node add(ResourceDiff d, boolean building) {
    ResourceKey k = d.key();
    Node ns = childNamed(root, namespaceLabel(k), Node.Type.NAMESPACE, true);
    Node kind = childNamed(ns, k.kind(), Node.Type.KIND, building ? false : false);
    Node r = new Node(Node.Type.RESOURCE, k.name());
    r.diff = d;
    FieldTreeBuilder.countResource(r, d);
    insertSorted(kind, r);
    resources.put(k, r);
    if (!building) {
      settle(r, kind.filterMatch);
    }
    return r;
  }

  private Node childNamed(Node parent, String label, Node.Type type, boolean expanded) {
    Node[] kids = parent.children;
    int at = search(kids, label);
    if (at >= 0) {
      return kids[at];
    }
    Node n = new Node(type, label);
    n.children = Node.NONE;
    n.expanded = expanded;
    insertSorted(parent, n);
    return n;
  }

  private static int search(Node[] kids, String label) {
    int lo = 0;
    int hi = kids.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = kids[mid].label.compareTo(label);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private static void insertSorted(Node parent, Node n) {
    Node[] kids = parent.children;
    int at = search(kids, n.label);
    at = at >= 0 ? at + 1 : -(at + 1);
    Node[] grown = new Node[kids.length + 1];
    System.arraycopy(kids, 0, grown, 0, at);
    grown[at] = n;
    System.arraycopy(kids, at, grown, at + 1, kids.length - at);
    parent.adopt(grown, at);
  }

  private void remove(ResourceDiff d) {
    Node r = resources.remove(d.key());
    if (r == null) {
      return;
    }
    Node n = r;
    // Remove the resource, and the kind and namespace nodes it leaves empty.
    while (n.parent != null && n.type != Node.Type.ROOT) {
      Node p = n.parent;
      Node[] kids = p.children;
      int at = n.index;
      Node[] shrunk = new Node[kids.length - 1];
      System.arraycopy(kids, 0, shrunk, 0, at);
      System.arraycopy(kids, at + 1, shrunk, at, kids.length - at - 1);
      p.adopt(shrunk, at);
      n.detached = true;
      if (shrunk.length > 0 || p.type == Node.Type.ROOT) {
        break;
      }
      n = p;
    }
  }

  /** Rebuilds a changed resource's fields, keeping which of them were expanded. */
  private void refresh(Node r) {
    FieldTreeBuilder.countResource(r, r.diff);
    if (r.children != null) {
      Set<String> expanded = new HashSet<>();
      collectExpanded(r, "", expanded);
      detach(r.children);
      FieldTreeBuilder.build(r);
      restoreExpanded(r, "", expanded);
    }
    settle(r, r.parent.filterMatch);
  }

  /** Recounts resources by state for the kind, namespace and root nodes. */
  private void recount() {
    root.clearCounts();
    for (Node ns : root.children) {
      ns.clearCounts();
      for (Node k : ns.children) {
        k.clearCounts();
        for (Node r : k.children) {
          ResourceDiff d = r.diff;
          k.count(d.ignored() ? DriftStatus.IGNORED : d.status(), 1);
          k.ignored += r.ignored;
        }
        k.status = k.drift() > 0 ? DriftStatus.CHANGED : DriftStatus.SAME;
        addCounts(ns, k);
      }
      ns.status = ns.drift() > 0 ? DriftStatus.CHANGED : DriftStatus.SAME;
      addCounts(root, ns);
    }
    root.status = root.drift() > 0 ? DriftStatus.CHANGED : DriftStatus.SAME;
  }

  private static void addCounts(Node to, Node from) {
    to.same += from.same;
    to.changed += from.changed;
    to.onlyLeft += from.onlyLeft;
    to.onlyRight += from.onlyRight;
    to.ignored += from.ignored;
  }

  // ---------------------------------------------------------------- visibility

  /** Sets the filter text ({@code ""} for none); builds every resource's fields to search them. */
  void setFilter(String text) {
    filter = text == null ? "" : text;
    settle(root, false);
    if (!filter.isEmpty()) {
      revealMatches(root);
      settle(root, false);
    }
  }

  void setDriftOnly(boolean on) {
    driftOnly = on;
    settle(root, false);
  }

  /** Expands the ancestors of every node that matches the filter by its own label. */
  private boolean revealMatches(Node n) {
    boolean any = false;
    if (n.children != null) {
      for (Node c : n.children) {
        if (c.shown && (matchesLabel(c) || revealMatches(c))) {
          any = true;
        }
      }
    }
    if (any && n.type != Node.Type.ROOT) {
      n.expanded = true;
    }
    return any;
  }

  boolean matchesLabel(Node n) {
    return !filter.isEmpty() && n.type != Node.Type.ROOT && containsIgnoreCase(n.label, filter);
  }

  static boolean containsIgnoreCase(String hay, String needle) {
    int n = needle.length();
    for (int i = 0; i + n <= hay.length(); i++) {
      if (hay.regionMatches(true, i, needle, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** Recomputes {@code shown}, {@code sub} and filter matches below {@code n}; returns its rows. */
  int settle(Node n, boolean ancestorMatch) {
    boolean filtering = !filter.isEmpty();
    boolean self = filtering && (ancestorMatch || matchesLabel(n) || pathMatches(n));
    n.filterMatch = self;
    if (filtering && n.children == null && n.type == Node.Type.RESOURCE) {
      FieldTreeBuilder.build(n);
    }
    int sub = 0;
    boolean childShown = false;
    if (n.children != null) {
      for (Node c : n.children) {
        sub += settle(c, self);
        childShown |= c.shown;
      }
    }
    n.sub = sub;
    boolean driftOk = !driftOnly || !n.quiet();
    boolean filterOk = !filtering || self || childShown;
    n.shown = n.type == Node.Type.ROOT || (driftOk && filterOk);
    return n.rows();
  }

  private boolean pathMatches(Node n) {
    if (filter.indexOf('/') < 0 || n.type == Node.Type.ROOT) {
      return false;
    }
    return containsIgnoreCase(path(n), filter);
  }

  /** The labels from the namespace down to {@code n}, joined by {@code /}. */
  static String path(Node n) {
    List<String> parts = new ArrayList<>();
    for (Node x = n; x != null && x.type != Node.Type.ROOT; x = x.parent) {
      parts.add(x.label);
    }
    java.util.Collections.reverse(parts);
    return String.join("/", parts);
  }

  /** Recomputes the namespace and kind levels after resources changed below them. */
  private void settleUpper() {
    boolean filtering = !filter.isEmpty();
    int rootSub = 0;
    for (Node ns : root.children) {
      ns.filterMatch = filtering && (matchesLabel(ns) || pathMatches(ns));
      int nsSub = 0;
      boolean nsChild = false;
      for (Node k : ns.children) {
        k.filterMatch = filtering && (ns.filterMatch || matchesLabel(k) || pathMatches(k));
        int kSub = 0;
        boolean kChild = false;
        for (Node r : k.children) {
          kSub += r.rows();
          kChild |= r.shown;
        }
        k.sub = kSub;
        k.shown = (!driftOnly || !k.quiet()) && (!filtering || k.filterMatch || kChild);
        nsSub += k.rows();
        nsChild |= k.shown;
      }
      ns.sub = nsSub;
      ns.shown = (!driftOnly || !ns.quiet()) && (!filtering || ns.filterMatch || nsChild);
      rootSub += ns.rows();
    }
    root.sub = rootSub;
  }

  // ---------------------------------------------------------------- expansion

  /** Expands or collapses one node, keeping the row counts of its ancestors right. */
  void setExpanded(Node n, boolean on) {
    if (n.expanded == on || (on && !n.expandable())) {
      return;
    }
    int before = n.rows();
    n.expanded = on;
    if (on && n.children == null) {
      FieldTreeBuilder.build(n);
      int sub = 0;
      for (Node c : n.children) {
        sub += settle(c, n.filterMatch);
      }
      n.sub = sub;
    }
    propagate(n.parent, n.rows() - before);
  }

  /** Expands {@code n} and everything below it. */
  void expandAll(Node n) {
    int before = n.rows();
    expandBelow(n);
    settle(n, n.parent != null && n.parent.filterMatch);
    propagate(n.parent, n.rows() - before);
  }

  private static void expandBelow(Node n) {
    if (n.children == null) {
      FieldTreeBuilder.build(n);
    }
    if (n.children.length > 0) {
      n.expanded = true;
    }
    for (Node c : n.children) {
      expandBelow(c);
    }
  }

  private void propagate(Node p, int delta) {
    while (p != null && delta != 0) {
      int before = p.rows();
      p.sub += delta;
      delta = p.rows() - before;
      p = p.parent;
    }
  }

  // ---------------------------------------------------------------- rows

  int rowCount() {
    return root.rows();
  }

  /** The node shown at {@code row} (0 is the root), or {@code null} past the end. */
  Node nodeAt(int row) {
    if (row < 0 || row >= root.rows()) {
      return null;
    }
    Node n = root;
    int r = row;
    while (r > 0) {
      r--;
      Node into = null;
      for (Node c : n.children) {
        int cr = c.rows();
        if (r < cr) {
          into = c;
          break;
        }
        r -= cr;
      }
      if (into == null) {
        return null;
      }
      n = into;
    }
    return n;
  }

  /** The row of a shown node. */
  int rowOf(Node n) {
    int row = 0;
    for (Node x = n; x.parent != null; x = x.parent) {
      row++;
      Node[] sibs = x.parent.children;
      for (int i = 0; i < x.index; i++) {
        row += sibs[i].rows();
      }
    }
    return row;
  }

  /** The next shown row's node after {@code n}, or {@code null}. */
  Node next(Node n) {
    if (n.expanded && n.children != null) {
      for (Node c : n.children) {
        if (c.shown) {
          return c;
        }
      }
    }
    for (Node x = n; x.parent != null; x = x.parent) {
      Node[] sibs = x.parent.children;
      for (int i = x.index + 1; i < sibs.length; i++) {
        if (sibs[i].shown) {
          return sibs[i];
        }
      }
    }
    return null;
  }

  /** The previous shown row's node before {@code n}, or {@code null}. */
  Node previous(Node n) {
    if (n.parent == null) {
      return null;
    }
    Node[] sibs = n.parent.children;
    Node before = null;
    for (int i = n.index - 1; i >= 0 && before == null; i--) {
      if (sibs[i].shown) {
        before = sibs[i];
      }
    }
    if (before == null) {
      return n.parent;
    }
    Node x = before;
    while (x.expanded && x.children != null) {
      Node last = null;
      for (int i = x.children.length - 1; i >= 0 && last == null; i--) {
        if (x.children[i].shown) {
          last = x.children[i];
        }
      }
      if (last == null) {
        break;
      }
      x = last;
    }
    return x;
  }

  /** Whether {@code n} is still part of the tree and on a shown, expanded path. */
  boolean visible(Node n) {
    for (Node x = n; x != null; x = x.parent) {
      if (x.detached || !x.shown || (x != n && !x.expanded)) {
        return false;
      }
      if (x.parent == null) {
        return x == root;
      }
    }
    return false;
  }

  /** The labels from the root down to {@code n}, to find it again after a rebuild. */
  static List<String> labels(Node n) {
    List<String> out = new ArrayList<>();
    for (Node x = n; x.parent != null; x = x.parent) {
      out.add(0, x.label);
    }
    return out;
  }

  /** The deepest visible node along a label path. */
  Node find(List<String> labels) {
    Node n = root;
    for (String l : labels) {
      Node next = null;
      if (n.expanded && n.children != null) {
        for (Node c : n.children) {
          if (c.shown && c.label.equals(l)) {
            next = c;
            break;
          }
        }
      }
      if (next == null) {
        break;
      }
      n = next;
    }
    return n;
  }

  /** The resource node of a key, if present. */
  Node resource(ResourceKey key) {
    return resources.get(key);
  }

  int resourceCount() {
    return resources.size();
  }
}
