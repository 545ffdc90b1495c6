package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Applies one JSON Patch operation to a document by changing only the characters of the value
 * concerned: a scalar is replaced where it stands, a key is added as one indented line (or block)
 * after its last sibling, a removed key or list entry loses exactly its lines. Comments, key order,
 * quoting and everything else in the file stay as they were.
 */
final class InPlaceEditor {

  /** The operation cannot be done in place; the message says where and why. */
  static final class EditException extends Exception {
    EditException(String message) {
      super(message);
    }
  }

  /** A node reached by a path, with the key node it hangs under (null in a list or at the root). */
  private record Located(Node node, ScalarNode key, Node parent, int position) {}

  private final EditableFile file;
  private final String text;
  private final YamlRender render;

  InPlaceEditor(EditableFile file) {
    this.file = file;
    this.text = file.text;
    this.render = new YamlRender(file.json, sequenceIndent(file.text));
  }

  /**
   * The file's text after {@code op} on the document at {@code doc}, whose resource sits at {@code
   * base} (empty, or {@code items/N} in a List).
   */
  String apply(int doc, List<String> base, PatchOp op) throws EditException {
    List<String> tokens = new java.util.ArrayList<>(base);
    tokens.addAll(JsonPatch.tokens(op.path()));
    if (tokens.isEmpty()) {
      throw new EditException("cannot replace a whole document in place");
    }
    Node root = file.docs.get(doc).node();
    Node parent = root;
    ScalarNode parentKey = null;
    for (String t : tokens.subList(0, tokens.size() - 1)) {
      Located l = child(parent, t, op);
      parent = l.node();
      parentKey = l.key();
    }
    String last = tokens.get(tokens.size() - 1);
    Located target = find(parent, last);
    switch (op.op()) {
      case REPLACE -> {
        if (target == null) {
          throw new EditException(op.path() + ": nothing to replace");
        }
        return replace(target, op.value());
      }
      case ADD -> {
        if (parent instanceof MappingNode m) {
          return target != null ? replace(target, op.value()) : addMember(m, last, op.value());
        }
        if (parent instanceof SequenceNode s) {
          int at = last.equals("-") ? s.getValue().size() : Integer.parseInt(last);
          return addItem(s, parentKey, at, op.value());
        }
        throw new EditException(op.path() + ": the parent is neither a map nor a list");
      }
      case REMOVE -> {
        if (target == null) {
          throw new EditException(op.path() + ": nothing to remove");
        }
        return remove(parent, parentKey, target);
      }
      default -> {
        return text;
      }
    }
  }

  private Located child(Node parent, String token, PatchOp op) throws EditException {
    Located l = find(parent, token);
    if (l == null) {
      throw new EditException(op.path() + ": no such path (at '" + token + "')");
    }
    return l;
  }

  private Located find(Node parent, String token) throws EditException {
    refuseShared(parent);
    if (parent instanceof MappingNode m) {
      List<NodeTuple> tuples = m.getValue();
      for (int i = 0; i < tuples.size(); i++) {
        NodeTuple t = tuples.get(i);
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(token)) {
          refuseShared(t.getValueNode());
          return new Located(t.getValueNode(), k, m, i);
        }
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("<<")) {
          throw new EditException(where(k) + ": merge keys (<<) cannot be edited in place");
        }
      }
      return null;
    }
    if (parent instanceof SequenceNode s && token.matches("\\d{1,9}")) {
      int i = Integer.parseInt(token);
      if (i < s.getValue().size()) {
        refuseShared(s.getValue().get(i));
        return new Located(s.getValue().get(i), null, s, i);
      }
    }
    return null;
  }

  private void refuseShared(Node n) throws EditException {
    if (n.getAnchor() != null) {
      throw new EditException(
          where(n) + ": the value has an anchor (&" + n.getAnchor() + "); edit it by hand");
    }
  }

  private String where(Node n) {
    return "line " + (n.getStartMark().getLine() + 1);
  }

  private static boolean isFlow(Node n) {
    return (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW)
        || (n instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.FLOW);
  }

  /** Where a node's content ends, trailing line breaks of block scalars excluded. */
  private int contentEnd(Node n) {
    if (n instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
      return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (n instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
      return contentEnd(s.getValue().get(s.getValue().size() - 1));
    }
    int start = file.start(n);
    int end = file.end(n);
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == ' ')) {
      end--;
    }
    return end;
  }

  private int column(int offset) {
    return offset - EditableFile.lineStart(text, offset);
  }

  private boolean onlySpacesBefore(int offset) {
    for (int i = EditableFile.lineStart(text, offset); i < offset; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /** The offset just after the {@code :} that follows a key. */
  private int afterColon(ScalarNode key) throws EditException {
    int colon = text.indexOf(':', file.end(key));
    if (colon < 0) {
      throw new EditException(where(key) + ": cannot find the ':' after the key");
    }
    return colon + 1;
  }

  private String splice(int from, int to, String with) {
    return text.substring(0, from) + with + text.substring(to);
  }

  private String replace(Located at, JsonNode value) throws EditException {
    Node old = at.node();
    boolean blockCollection = !(old instanceof ScalarNode) && !isFlow(old);
    if (old instanceof ScalarNode s && !value.isContainerNode()) {
      return splice(file.start(s), contentEnd(s), render.scalar(value, s.getScalarStyle()));
    }
    if (at.key() != null && (blockCollection || value.isContainerNode())) {
      // Everything after "key:" up to the end of the old value's content.
      int keyIndent = column(file.start(at.key()));
      return splice(afterColon(at.key()), contentEnd(old), render.afterKey(value, keyIndent));
    }
    String flow = value.isContainerNode() ? render.flow(value) : render.scalar(value, null);
    return splice(file.start(old), contentEnd(old), flow);
  }

  private String addMember(MappingNode m, String key, JsonNode value) {
    List<NodeTuple> tuples = m.getValue();
    if (isFlow(m)) {
      String entry = render.key(key) + ": " + render.inline(value);
      if (tuples.isEmpty()) {
        return splice(file.start(m), file.end(m), "{" + entry + "}");
      }
      NodeTuple lastTuple = tuples.get(tuples.size() - 1);
      int at = contentEnd(lastTuple.getValueNode());
      String between = text.substring(file.start(m), file.end(m));
      if (between.contains("\n")) {
        int indent = column(file.start(lastTuple.getKeyNode()));
        return splice(at, at, ",\n" + " ".repeat(indent) + entry);
      }
      return splice(at, at, ", " + entry);
    }
    int indent = column(file.start(tuples.get(0).getKeyNode()));
    int at = EditableFile.nextLine(text, contentEnd(m));
    String line =
        " ".repeat(indent) + render.key(key) + ":" + render.afterKey(value, indent) + "\n";
    if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
      line = "\n" + line;
    }
    return splice(at, at, line);
  }

  private String addItem(SequenceNode s, ScalarNode key, int index, JsonNode value)
      throws EditException {
    List<Node> items = s.getValue();
    if (isFlow(s) || items.isEmpty()) {
      String flow = render.inline(value);
      if (items.isEmpty()) {
        return splice(file.start(s), file.end(s), "[" + flow + "]");
      }
      if (index < items.size()) {
        int at = file.start(items.get(index));
        return splice(at, at, flow + ", ");
      }
      int at = contentEnd(items.get(items.size() - 1));
      String between = text.substring(file.start(s), file.end(s));
      if (between.contains("\n")) {
        int indent = column(file.start(items.get(items.size() - 1)));
        return splice(at, at, ",\n" + " ".repeat(indent) + flow);
      }
      return splice(at, at, ", " + flow);
    }
    int dash = dashOf(items.get(0));
    int dashColumn = column(dash);
    String line = " ".repeat(dashColumn) + render.item(value, dashColumn) + "\n";
    int at =
        index < items.size()
            ? EditableFile.lineStart(text, dashOf(items.get(index)))
            : EditableFile.nextLine(text, contentEnd(s));
    if (at == text.length() && !text.endsWith("\n")) {
      line = "\n" + line;
    }
    return splice(at, at, line);
  }

  /** The offset of the {@code -} that introduces a block sequence item, alone on its line. */
  private int dashOf(Node item) throws EditException {
    int i = file.start(item) - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || text.charAt(i) != '-' || !onlySpacesBefore(i)) {
      throw new EditException(where(item) + ": this list layout cannot be edited in place");
    }
    return i;
  }

  private String remove(Node parent, ScalarNode parentKey, Located at) throws EditException {
    if (parent instanceof MappingNode m) {
      List<NodeTuple> tuples = m.getValue();
      if (isFlow(m)) {
        return removeFlowEntry(m, file.start(at.key()), contentEnd(at.node()), at.position());
      }
      if (tuples.size() == 1) {
        return emptyCollection(m, parentKey, "{}");
      }
      int keyStart = file.start(at.key());
      if (onlySpacesBefore(keyStart)) {
        return splice(
            EditableFile.lineStart(text, keyStart),
            EditableFile.nextLine(text, contentEnd(at.node())),
            "");
      }
      // The first key of a list item ("- name: web"): the next key moves up behind the dash.
      if (at.position() + 1 < tuples.size()) {
        return splice(keyStart, file.start(tuples.get(at.position() + 1).getKeyNode()), "");
      }
      throw new EditException(where(at.key()) + ": this layout cannot be edited in place");
    }
    SequenceNode s = (SequenceNode) parent;
    if (isFlow(s)) {
      return removeFlowEntry(s, file.start(at.node()), contentEnd(at.node()), at.position());
    }
    if (s.getValue().size() == 1) {
      return emptyCollection(s, parentKey, "[]");
    }
    int dash = dashOf(at.node());
    return splice(
        EditableFile.lineStart(text, dash), EditableFile.nextLine(text, contentEnd(at.node())), "");
  }

  private String emptyCollection(Node collection, ScalarNode key, String empty)
      throws EditException {
    if (key != null) {
      return splice(afterColon(key), contentEnd(collection), " " + empty);
    }
    int start = file.start(collection);
    if (collection instanceof SequenceNode s) {
      start = dashOf(s.getValue().get(0));
    }
    return splice(start, contentEnd(collection), empty);
  }

  private String removeFlowEntry(Node collection, int from, int to, int position) {
    int size =
        collection instanceof MappingNode m
            ? m.getValue().size()
            : ((SequenceNode) collection).getValue().size();
    if (size == 1) {
      return splice(
          file.start(collection),
          file.end(collection),
          collection instanceof MappingNode ? "{}" : "[]");
    }
    if (position + 1 < size) {
      // Remove up to the next entry, taking the comma and the space or line break after it.
      int next = text.indexOf(',', to) + 1;
      while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      return splice(from, next, "");
    }
    int prev = text.lastIndexOf(',', from);
    return splice(prev, to, "");
  }

  /** 2 when the file indents block sequences past their key ({@code key:\n - a}), else 0. */
  static int sequenceIndent(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i + 1 < lines.length; i++) {
      String l = lines[i];
      String next = lines[i + 1];
      if (l.stripTrailing().endsWith(":") && next.stripLeading().startsWith("- ")) {
        int a = l.length() - l.stripLeading().length();
        int b = next.length() - next.stripLeading().length();
        return b > a ? 2 : 0;
      }
    }
    return 2;
  }
}
