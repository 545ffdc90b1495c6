package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the field subtree of one resource: every field of both documents, paired as the engine
 * pairs them, each carrying the state of its difference (or {@code =}), roll-up counts of the
 * differences below it, and single-child chains joined into one row ({@code spec/replicas}).
 */
final class FieldTreeBuilder {

  private FieldTreeBuilder() {}

  /** Counts a resource node's differences without building its fields. */
  static void countResource(Node resource, ResourceDiff d) {
    resource.clearCounts();
    for (Difference x : d.differences()) {
      resource.count(x.status(), 1);
    }
    resource.status = d.ignored() ? DriftStatus.IGNORED : d.status();
  }

  /** Builds and attaches the children of {@code resource} from its diff. */
  static void build(Node resource) {
    ResourceDiff d = resource.diff;
    DocumentPairing pairing = new DocumentPairing(d.differences());
    JsonNode l = d.left() == null ? null : d.left().document();
    JsonNode r = d.right() == null ? null : d.right().document();
    resource.children = fields(pairing, l, r, new StringBuilder(), resource);
    boolean secret = d.key().group().isEmpty() && d.key().kind().equals("Secret");
    for (Node c : resource.children) {
      if (secret && (c.label.equals("data") || c.label.equals("stringData"))) {
        markSecret(c);
      }
    }
    for (Difference x : d.differences()) {
      overlay(resource, x);
    }
    DriftStatus oneSided =
        d.status() == DriftStatus.ONLY_LEFT || d.status() == DriftStatus.ONLY_RIGHT
            ? d.status()
            : null;
    for (Node c : resource.children) {
      finish(c, oneSided);
    }
    for (Node c : resource.children) {
      joinChains(c);
    }
  }

  private static Node[] fields(
      DocumentPairing pairing, JsonNode l, JsonNode r, StringBuilder path, Node parent) {
    if (!DocumentPairing.container(l) && !DocumentPairing.container(r)) {
      return Node.NONE;
    }
    List<Node> out = new ArrayList<>();
    int mark = path.length();
    pairing.children(
        l,
        r,
        path.toString(),
        (label, entry, lc, rc) -> {
          Node n = new Node(Node.Type.FIELD, label);
          n.parent = parent;
          n.index = out.size();
          n.left = lc;
          n.right = rc;
          boolean sameKind =
              lc == null
                  || rc == null
                  || (lc.isObject() == rc.isObject() && lc.isArray() == rc.isArray());
          if (sameKind && (DocumentPairing.container(lc) || DocumentPairing.container(rc))) {
            path.append('/').append(label);
            n.children = fields(pairing, lc, rc, path, n);
            path.setLength(mark);
          } else {
            n.children = Node.NONE;
          }
          out.add(n);
        });
    return out.toArray(Node.NONE);
  }

  private static void markSecret(Node n) {
    n.secret = true;
    for (Node c : n.children) {
      markSecret(c);
    }
  }

  /** Puts one difference on its node (creating the path when the documents lack it). */
  private static void overlay(Node resource, Difference x) {
    Node at = resource;
    for (FieldPath.Segment s : x.path().segments()) {
      String text = s.text();
      Node next = null;
      for (Node c : at.children) {
        if (c.label.equals(text)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        next = new Node(Node.Type.FIELD, text);
        next.children = Node.NONE;
        next.secret = at.secret;
        Node[] grown = java.util.Arrays.copyOf(at.children, at.children.length + 1);
        grown[grown.length - 1] = next;
        at.adopt(grown, grown.length - 1);
      }
      at = next;
      at.count(x.status(), 1);
    }
    if (at == resource) {
      return;
    }
    at.own = true;
    at.status = x.status();
    at.left = x.left();
    at.right = x.right();
    at.reason = x.reason().isEmpty() ? null : x.reason();
  }

  /** Decides the state of nodes without a difference of their own, bottom-up. */
  private static void finish(Node n, DriftStatus oneSided) {
    for (Node c : n.children) {
      finish(c, oneSided);
    }
    if (oneSided != null) {
      n.status = oneSided;
      return;
    }
    if (n.own) {
      if (n.status == DriftStatus.ONLY_LEFT || n.status == DriftStatus.ONLY_RIGHT) {
        inherit(n, n.status);
      }
      return;
    }
    n.status = n.drift() > 0 ? DriftStatus.CHANGED : DriftStatus.SAME;
    if (n.children.length == 0 && !java.util.Objects.equals(n.left, n.right)) {
      // The raw documents differ here but the engine found the field equal (defaults, quantities,
      // server-owned fields): show it as equal, and say so.
      n.normalized = true;
    }
  }

  private static void inherit(Node n, DriftStatus s) {
    for (Node c : n.children) {
      if (!c.own) {
        c.status = s;
        c.normalized = false;
      }
      inherit(c, s);
    }
  }

  /** Joins a field with its only child into one row, repeatedly, then recurses. */
  private static void joinChains(Node n) {
    while (n.children.length == 1 && !n.own && n.children[0].type == Node.Type.FIELD) {
      Node c = n.children[0];
      n.label = n.label + "/" + c.label;
      n.adopt(c.children, 0);
      n.own = c.own;
      n.status = c.status;
      n.left = c.left;
      n.right = c.right;
      n.reason = c.reason;
      n.normalized = c.normalized;
      n.secret = c.secret;
    }
    for (Node c : n.children) {
      joinChains(c);
    }
  }
}
