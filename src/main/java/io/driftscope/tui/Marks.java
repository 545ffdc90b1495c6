package io.driftscope.tui;

import io.driftscope.apply.Selection;
import io.driftscope.core.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes marked with {@code space}, kept as what they select (a field of a resource, a resource,
 * a kind or namespace subtree) rather than as tree nodes, so marks survive live updates and
 * rebuilds. Confined to the screen thread.
 */
final class Marks {

  private final Set<Selection.Item> items = new LinkedHashSet<>();

  boolean isEmpty() {
    return items.isEmpty();
  }

  int size() {
    return items.size();
  }

  void clear() {
    items.clear();
  }

  /** Marks or unmarks what {@code n} selects; returns whether it is marked now. */
  boolean toggle(Node n) {
    Selection.Item item = itemOf(n);
    if (items.remove(item)) {
      return false;
    }
    items.add(item);
    return true;
  }

  /** Whether what {@code n} selects is marked. */
  boolean marked(Node n) {
    return !items.isEmpty() && items.contains(itemOf(n));
  }

  /** The marked selection. */
  Selection selection() {
    return new Selection(new ArrayList<>(items));
  }

  /** What a tree node selects: everything, a namespace, a kind, a resource, or a field. */
  static Selection.Item itemOf(Node n) {
    return switch (n.type) {
      case ROOT -> new Selection.Subtree(null, null, null);
      case NAMESPACE -> new Selection.Subtree(null, null, firstResource(n).diff.key().namespace());
      case KIND -> new Selection.Subtree(null, n.label, firstResource(n).diff.key().namespace());
      case RESOURCE -> new Selection.Whole(n.diff.key());
      case FIELD -> new Selection.Field(resourceOf(n).diff.key(), path(n));
    };
  }

  /** The selection of one node. */
  static Selection selectionOf(Node n) {
    return new Selection(List.of(itemOf(n)));
  }

  /** The field path of a field node: its labels (escaped segments) from the resource down. */
  static FieldPath path(Node field) {
    List<String> labels = new ArrayList<>();
    for (Node x = field; x != null && x.type == Node.Type.FIELD; x = x.parent) {
      labels.add(0, x.label);
    }
    return FieldPath.parse("/" + String.join("/", labels));
  }

  private static Node resourceOf(Node field) {
    Node x = field;
    while (x.type != Node.Type.RESOURCE) {
      x = x.parent;
    }
    return x;
  }

  private static Node firstResource(Node n) {
    Node x = n;
    while (x.type != Node.Type.RESOURCE) {
      x = x.children[0];
    }
    return x;
  }

  /** How a message names what a node selects, e.g. {@code Deployment/shop/api /spec/replicas}. */
  static String describe(Node n) {
    return switch (n.type) {
      case ROOT -> "everything that drifts";
      case NAMESPACE -> "namespace " + n.label;
      case KIND -> "every " + n.label;
      case RESOURCE -> n.diff.key().shortName();
      case FIELD -> resourceOf(n).diff.key().shortName() + " " + path(n);
    };
  }
}
