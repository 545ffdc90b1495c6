package io.driftscope.source.file;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One node per distinct short string value while a source loads: an environment repeats the same
 * values thousands of times ({@code TCP}, {@code IfNotPresent}, manager names, label values,
 * timestamps), and text nodes are immutable, so documents can share them. Field names need no such
 * help: the parser interns them. Values are found by content, so a value the parser holds as
 * characters costs, when repeated, a hash and a comparison and no allocation. Not thread-safe: each
 * thread that parses files of a load has its own; dropped after the load.
 */
final class TextValues {

  /** Longer values are rarely repeated (annotations holding whole documents, certificates). */
  static final int MAX_LENGTH = 64;

  /** A bound on the table, so that a huge environment of unique values does not grow it forever. */
  private static final int MAX_ENTRIES = 1 << 20;

  private TextNode[] nodes = new TextNode[1024];
  private int[] hashes = new int[1024];
  private int size;
  private String[] names = new String[256];

  /** Beside each name, its bytes when it is ASCII, for lookups by bytes. */
  private byte[][] nameBytes = new byte[256][];

  private int nameCount;

  /**
   * The one instance of a field name: the JVM's interned one, as the JSON parser hands out, so that
   * lookups by literal names succeed on identity. The YAML parser makes a new string per key: 4.5 M
   * of them, 270 MB, for 30,000 resources per side.
   */
  String name(String name) {
    int h = name.hashCode();
    int mask = names.length - 1;
    for (int s = slot(h) & mask; ; s = (s + 1) & mask) {
      String known = names[s];
      if (known == null) {
        String canonical = name.intern();
        if (nameCount < MAX_ENTRIES) {
          names[s] = canonical;
          nameBytes[s] = asciiBytes(canonical);
          if (++nameCount * 2 > names.length) {
            growNames();
          }
        }
        return canonical;
      }
      if (known.hashCode() == h && known.equals(name)) {
        return known;
      }
    }
  }

  /**
   * The one instance of the field name spelled by the ASCII bytes {@code bytes[offset, offset +
   * length)}, as {@link #name(String)} gives it; a known name costs no allocation.
   */
  String name(byte[] bytes, int offset, int length) {
    int h = hash(bytes, offset, length);
    int mask = names.length - 1;
    for (int s = slot(h) & mask; ; s = (s + 1) & mask) {
      String known = names[s];
      if (known == null) {
        return name(ascii(bytes, offset, length));
      }
      byte[] k = nameBytes[s];
      if (known.hashCode() == h
          && k != null
          && Arrays.equals(k, 0, k.length, bytes, offset, offset + length)) {
        return known;
      }
    }
  }

  private static byte[] asciiBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return null;
      }
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private void growNames() {
    String[] old = names;
    byte[][] oldBytes = nameBytes;
    names = new String[old.length * 2];
    nameBytes = new byte[old.length * 2][];
    int mask = names.length - 1;
    for (int i = 0; i < old.length; i++) {
      String n = old[i];
      if (n != null) {
        int s = slot(n.hashCode()) & mask;
        while (names[s] != null) {
          s = (s + 1) & mask;
        }
        names[s] = n;
        nameBytes[s] = oldBytes[i];
      }
    }
  }

  /** The node for {@code value}, shared with earlier equal values when it is short. */
  TextNode text(String value) {
    int length = value.length();
    if (length > MAX_LENGTH) {
      return TextNode.valueOf(value);
    }
    int h = value.hashCode();
    int mask = nodes.length - 1;
    for (int s = slot(h) & mask; ; s = (s + 1) & mask) {
      TextNode n = nodes[s];
      if (n == null) {
        return add(s, h, TextNode.valueOf(value));
      }
      if (hashes[s] == h && n.textValue().equals(value)) {
        return n;
      }
    }
  }

  /** The node for the characters {@code chars[offset, offset + length)}. */
  TextNode text(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return TextNode.valueOf(new String(chars, offset, length));
    }
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + chars[i]; // String.hashCode, so both lookups agree
    }
    int mask = nodes.length - 1;
    for (int s = slot(h) & mask; ; s = (s + 1) & mask) {
      TextNode n = nodes[s];
      if (n == null) {
        return add(s, h, TextNode.valueOf(new String(chars, offset, length)));
      }
      if (hashes[s] == h && same(n.textValue(), chars, offset, length)) {
        return n;
      }
    }
  }

  /** The node for the ASCII bytes {@code bytes[offset, offset + length)}. */
  TextNode text(byte[] bytes, int offset, int length) {
    if (length > MAX_LENGTH) {
      return TextNode.valueOf(ascii(bytes, offset, length));
    }
    int h = hash(bytes, offset, length);
    int mask = nodes.length - 1;
    for (int s = slot(h) & mask; ; s = (s + 1) & mask) {
      TextNode n = nodes[s];
      if (n == null) {
        return add(s, h, TextNode.valueOf(ascii(bytes, offset, length)));
      }
      if (hashes[s] == h && same(n.textValue(), bytes, offset, length)) {
        return n;
      }
    }
  }

  private static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  /** {@link String#hashCode} of the ASCII characters the bytes spell. */
  private static int hash(byte[] bytes, int offset, int length) {
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  private static boolean same(String known, byte[] bytes, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != bytes[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Spreads a string hash: similar values ({@code app-1}, {@code app-2}) hash alike. */
  private static int slot(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean same(String known, char[] chars, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private TextNode add(int slot, int hash, TextNode node) {
    if (size >= MAX_ENTRIES) {
      return node;
    }
    nodes[slot] = node;
    hashes[slot] = hash;
    if (++size * 2 > nodes.length) {
      grow();
    }
    return node;
  }

  private void grow() {
    TextNode[] oldNodes = nodes;
    int[] oldHashes = hashes;
    nodes = new TextNode[oldNodes.length * 2];
    hashes = new int[oldNodes.length * 2];
    int mask = nodes.length - 1;
    for (int i = 0; i < oldNodes.length; i++) {
      if (oldNodes[i] != null) {
        int s = slot(oldHashes[i]) & mask;
        while (nodes[s] != null) {
          s = (s + 1) & mask;
        }
        nodes[s] = oldNodes[i];
        hashes[s] = oldHashes[i];
      }
    }
  }
}
