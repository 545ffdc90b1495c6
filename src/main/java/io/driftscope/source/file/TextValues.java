package io.driftscope.source.file;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node per distinct short string value while a source loads: an environment repeats the same
 * values thousands of times ({@code TCP}, {@code IfNotPresent}, manager names, label values,
 * timestamps), and text nodes are immutable, so documents can share them. Field names need no such
 * help: the parser interns them. Thread-safe, for files parsed in parallel; dropped after the load.
 */
final class TextValues {

  /** Longer values are rarely repeated (annotations holding whole documents, certificates). */
  private static final int MAX_LENGTH = 64;

  /** A bound on the table, so that a huge environment of unique values does not grow it forever. */
  private static final int MAX_ENTRIES = 1 << 20;

  private final ConcurrentHashMap<String, TextNode> nodes = new ConcurrentHashMap<>(1024);

  /** The node for {@code value}, shared with earlier equal values when it is short. */
  TextNode text(String value) {
    if (value.length() > MAX_LENGTH) {
      return TextNode.valueOf(value);
    }
    TextNode known = nodes.get(value);
    if (known != null) {
      return known;
    }
    TextNode fresh = TextNode.valueOf(value);
    if (nodes.size() >= MAX_ENTRIES) {
      return fresh;
    }
    TextNode raced = nodes.putIfAbsent(value, fresh);
    return raced == null ? fresh : raced;
  }
}
