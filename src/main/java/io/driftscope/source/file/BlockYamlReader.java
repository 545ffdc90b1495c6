package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.driftscope.core.CompactFields;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain block YAML that Kubernetes manifests are written in, several times faster than
 * the general parser, or declines.
 *
 * <p>The contract: for every input it accepts, {@link #read} returns exactly what {@link
 * DocumentReader} builds through SnakeYAML, Jackson and {@link TreeBuilder} for it: the same nodes
 * (classes and values, plain scalars typed as Jackson's YAML parser types them, strings shared
 * through the same {@link TextValues}, objects over {@link CompactFields}), the same field order,
 * the same documents (empty ones skipped but counted) and the same positions (line, column and
 * character offset of each document and of each element of the elements field). For any other input
 * it returns {@code null}, having built nothing that matters, and the file is read the general way,
 * which reports what is wrong with it; this reader reports nothing.
 *
 * <p>What it reads: UTF-8 text (no byte-order mark, characters of the Basic Multilingual Plane
 * only) with {@code \n} or {@code \r\n} line ends and no tabs or other control characters;
 * documents separated by {@code ---} lines; comments; block mappings whose keys are plain or quoted
 * on one line; block sequences, also unindented under a key and with mappings starting on the
 * dash's line; plain, single-quoted and double-quoted (common escapes) scalars, values also over
 * several lines as long strings are wrapped (continuation lines more indented than the collection,
 * folded as SnakeYAML folds them); literal and folded block scalars with any chomping and
 * indentation indicator; empty flow collections and one-line flow sequences of scalars. A plain
 * scalar on one line is taken when its type is certain: text, decimal integers, simple decimals,
 * {@code true}/{@code false} and {@code null}/{@code ~} as YAML 1.1 spells them; over several lines
 * it is always text.
 *
 * <p>What it declines, among others: anchors, aliases, tags, merge keys, directives, {@code ...},
 * complex keys, duplicate keys, keys over several lines, scalars continued on a line no more
 * indented than their collection or starting on the line after their key, the booleans {@code yes},
 * {@code no}, {@code on} and {@code off}, numbers in other notations (octal, hex, underscores,
 * sexagesimal, {@code .inf}), unusual escapes and anything malformed.
 */
final class BlockYamlReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Deeper nesting is left to the general parser and its limits. */
  private static final int MAX_DEPTH = 400;

  /** Up to this many fields, duplicate keys are found by scanning the fields read so far. */
  private static final int LINEAR_DUPLICATE_CHECK = 16;

  /** Longer keys are not simple keys to SnakeYAML. */
  private static final int MAX_KEY = 1000;

  /** Booleans to YAML 1.1 that Jackson reads its own way. */
  private static final String[] OTHER_BOOLEANS = {
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"
  };

  /** Longer numbers are left to the general parser and its limits. */
  private static final int MAX_NUMBER = 100;

  private static final Pattern INT = Resolver.INT;
  private static final Pattern FLOAT = Resolver.FLOAT;

  /** The signal to give up; carries no stack trace, so declining costs little. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Decline INSTANCE = new Decline();

    private Decline() {
      super("outside the subset", null, false, false);
    }
  }

  private final byte[] b;
  private final int end;
  private final Path file;
  private final String display;
  private final String elementsField;
  private final TextValues texts;

  // The current line: [ls, le), le at its line break ("\n" or "\r\n") or at the end of the input;
  // the next line starts at next.
  private int ls;
  private int le;
  private int next;

  /** Leading spaces of the current line, or -1 on a {@code ---} line. */
  private int ind;

  /** Where the current line's content starts, after its indentation. */
  private int cs;

  /** Whether the current line is all ASCII. */
  private boolean ascii;

  private boolean eof;
  private int lineNo;
  private long lineChar;

  /** How many more bytes than characters the current line has. */
  private int lineExtra;

  /** Where a key or quoted scalar just scanned ends. */
  private int p;

  private int depth;
  private final Space space;
  private Object[] scratch;
  private int top;

  /** Where block scalars and unescaped quoted scalars are built. */
  private byte[] buf;

  private int bufLength;
  private boolean bufAscii;

  // The quoted scalar just read: the ASCII bytes quotedBytes[quotedFrom, quotedTo), or, when it
  // needed more than that, quotedString.
  private byte[] quotedBytes;
  private int quotedFrom;
  private int quotedTo;
  private String quotedString;

  /**
   * Work space kept per thread from file to file: a folder's thousands of files need it once, not
   * once each.
   */
  private static final class Space {
    private static final int KEPT = 1 << 16;

    Object[] stack = new Object[256];
    byte[] bytes = new byte[1024];

    void keep(Object[] stack, byte[] bytes) {
      if (stack.length <= KEPT) {
        this.stack = stack;
      }
      if (bytes.length <= KEPT) {
        this.bytes = bytes;
      }
    }
  }

  private static final ThreadLocal<Space> SPACE = ThreadLocal.withInitial(Space::new);

  private BlockYamlReader(
      byte[] bytes, Path file, String display, String elementsField, TextValues texts) {
    this.b = bytes;
    this.end = bytes.length;
    this.file = file;
    this.display = display;
    this.elementsField = elementsField;
    this.texts = texts;
    this.space = SPACE.get();
    this.scratch = space.stack;
    this.buf = space.bytes;
  }

  /**
   * The documents of a YAML file's whole content, as {@link DocumentReader#parse} gives them, or
   * {@code null} when the content is not in the subset this reader takes.
   */
  static List<RawDocument> read(
      byte[] bytes, Path file, String display, String elementsField, TextValues texts) {
    BlockYamlReader reader = new BlockYamlReader(bytes, file, display, elementsField, texts);
    try {
      return reader.documents();
    } catch (Decline e) {
      return null;
    } finally {
      reader.release(0);
      reader.space.keep(reader.scratch, reader.buf);
    }
  }

  private static Decline decline() {
    return Decline.INSTANCE;
  }

  // ---------------------------------------------------------------- lines

  /** Makes the line starting at {@code start} current, checking every byte of it. */
  private void load(int start) {
    ls = start;
    if (start >= end) {
      eof = true;
      le = end;
      next = end;
      cs = end;
      ind = 0;
      return;
    }
    byte[] b = this.b;
    int i = start;
    while (i < end && b[i] == ' ') {
      i++;
    }
    ind = i - start;
    cs = i;
    int extra = 0;
    while (i < end) {
      byte c = b[i];
      if (c >= 0x20 && c != 0x7F) {
        i++;
      } else if (c == '\n' || (c == '\r' && i + 1 < end && b[i + 1] == '\n')) {
        break;
      } else if (c < 0) {
        int n = sequence(i);
        extra += n - 1;
        i += n;
      } else {
        throw decline(); // tab, a lone carriage return, other control characters
      }
    }
    le = i;
    next = i == end ? end : b[i] == '\n' ? i + 1 : i + 2;
    lineExtra = extra;
    ascii = extra == 0;
    if (ind == 0 && cs < le) {
      byte c = b[cs];
      if (c == '-' && isMarker((byte) '-')) {
        ind = -1;
      } else if (c == '%' || (c == '.' && isMarker((byte) '.'))) {
        throw decline(); // directives, document ends
      }
    }
  }

  private boolean isMarker(byte c) {
    return le - ls >= 3 && b[ls + 1] == c && b[ls + 2] == c && (le - ls == 3 || b[ls + 3] == ' ');
  }

  /** The length of the UTF-8 sequence at {@code i}, declining what SnakeYAML would not print. */
  private int sequence(int i) {
    int c = b[i] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < end) {
      int c1 = b[i + 1] & 0xFF;
      if ((c1 & 0xC0) == 0x80 && ((c & 0x1F) << 6 | (c1 & 0x3F)) >= 0xA0) {
        return 2;
      }
    } else if (c >= 0xE0 && c <= 0xEF && i + 2 < end) {
      int c1 = b[i + 1] & 0xFF;
      int c2 = b[i + 2] & 0xFF;
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        int cp = (c & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
        if (cp >= 0x800
            && (cp < 0xD800 || cp > 0xDFFF)
            && cp != 0x2028
            && cp != 0x2029
            && cp != 0xFEFF
            && cp < 0xFFFE) {
          return 3;
        }
      }
    }
    throw decline(); // invalid, a line break SnakeYAML knows, a BOM, or beyond the BMP
  }

  private void advance() {
    if (eof) {
      return;
    }
    lineChar += (next - ls) - lineExtra;
    lineNo++;
    load(next);
  }

  /** Moves past blank and comment lines. */
  private void skipInsignificant() {
    while (!eof && ind >= 0 && (cs == le || b[cs] == '#')) {
      advance();
    }
  }

  private int skipSpaces(int i) {
    while (i < le && b[i] == ' ') {
      i++;
    }
    return i;
  }

  /** Requires the rest of the line from {@code i} to be blank or a comment after a space. */
  private void endOfLine(int i) {
    int j = skipSpaces(i);
    if (j < le && (b[j] != '#' || j == i)) {
      throw decline();
    }
  }

  private boolean isEntry(int i) {
    return b[i] == '-' && (i + 1 == le || b[i + 1] == ' ');
  }

  // ---------------------------------------------------------------- positions

  private int charsBefore(int i) {
    if (ascii) {
      return i - ls;
    }
    int n = 0;
    for (int k = ls; k < i; k++) {
      if ((b[k] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  private DocumentLocation location(int index, int i) {
    int column = charsBefore(i);
    return new DocumentLocation(
        file, display, index, -1, lineNo + 1, column + 1, lineChar + column);
  }

  private DocumentLocation item(DocumentLocation document, int index, int i) {
    int column = charsBefore(i);
    return document.item(index, lineNo + 1, column + 1, lineChar + column);
  }

  // ---------------------------------------------------------------- structure

  private List<RawDocument> documents() {
    List<RawDocument> documents = new ArrayList<>();
    int index = -1;
    load(0);
    skipInsignificant();
    while (!eof) {
      if (ind == -1) {
        index++;
        endOfLine(ls + 3);
        advance();
        skipInsignificant();
        if (eof || ind == -1) {
          continue; // an empty document: a null, skipped
        }
      } else if (index == -1) {
        index = 0; // the implicit first document
      } else {
        throw decline();
      }
      DocumentLocation at = location(index, cs);
      List<DocumentLocation> elements = new ArrayList<>();
      JsonNode node;
      if (isEntry(cs)) {
        node = sequence(ind, false, null, null);
      } else {
        String name = key(cs);
        if (name == null) {
          throw decline(); // a scalar or flow document
        }
        node = mapping(ind, name, at, elements);
      }
      if (!eof && ind != -1) {
        throw decline();
      }
      documents.add(new RawDocument(node, at, elements));
    }
    return documents;
  }

  /**
   * A block node starting on the current line, more indented than its parent collection: a mapping
   * or a sequence.
   */
  private JsonNode block() {
    if (isEntry(cs)) {
      return sequence(ind, false, null, null);
    }
    String name = key(cs);
    if (name == null) {
      throw decline();
    }
    return mapping(ind, name, null, null);
  }

  /**
   * A mapping at column {@code column} whose first key, {@code first}, has been read up to its
   * colon; when {@code document} is given, it is a document's, and the positions of the elements of
   * its elements field go to {@code elements}.
   */
  private JsonNode mapping(
      int column, String first, DocumentLocation document, List<DocumentLocation> elements) {
    if (++depth > MAX_DEPTH) {
      throw decline();
    }
    int base = top;
    String name = first;
    Map<String, Boolean> seen = null;
    for (; ; ) {
      // Names come interned from TextValues: equal names are the same string.
      if (seen == null && top - base >= 2 * LINEAR_DUPLICATE_CHECK) {
        seen = new IdentityHashMap<>();
        for (int k = base; k < top; k += 2) {
          seen.put((String) scratch[k], Boolean.TRUE);
        }
      }
      boolean duplicate = seen != null ? seen.put(name, Boolean.TRUE) != null : holds(base, name);
      if (duplicate || name.equals("<<")) {
        throw decline(); // duplicates and merge keys are the tree builder's to handle
      }
      boolean listed = document != null && name.equals(elementsField);
      JsonNode value = value(column, listed ? document : null, listed ? elements : null);
      push(name, value);
      if (eof || ind < column) {
        break;
      }
      if (ind > column) {
        throw decline();
      }
      name = key(cs);
      if (name == null) {
        throw decline();
      }
    }
    JsonNode node = CompactFields.objectNode(scratch, base, (top - base) / 2);
    release(base);
    depth--;
    return node;
  }

  /** The value after a key's colon (at {@link #p}) in a mapping at {@code column}. */
  private JsonNode value(int column, DocumentLocation document, List<DocumentLocation> elements) {
    int i = skipSpaces(p);
    if (i < le && b[i] != '#') {
      if (elements != null && b[i] == '[') {
        return emptyList(i);
      }
      return inline(i, column);
    }
    advance();
    skipInsignificant();
    if (eof || ind < column) {
      return NODES.nullNode();
    }
    if (ind == column) {
      return isEntry(cs) ? sequence(column, true, document, elements) : NODES.nullNode();
    }
    if (elements != null && isEntry(cs)) {
      return sequence(ind, false, document, elements);
    }
    return block();
  }

  /**
   * A sequence whose dashes are at {@code column}; an unindented one ends at the next key of its
   * mapping.
   */
  private JsonNode sequence(
      int column, boolean unindented, DocumentLocation document, List<DocumentLocation> elements) {
    if (++depth > MAX_DEPTH) {
      throw decline();
    }
    int base = top;
    for (; ; ) {
      int i = skipSpaces(cs + 1);
      JsonNode element;
      if (i == le || b[i] == '#') {
        DocumentLocation empty = elements == null ? null : item(document, top - base, cs + 1);
        advance();
        skipInsignificant();
        if (eof || ind <= column) {
          element = NODES.nullNode();
          if (elements != null) {
            elements.add(empty);
          }
        } else {
          if (elements != null) {
            elements.add(item(document, top - base, cs));
          }
          element = block();
        }
      } else {
        if (elements != null) {
          elements.add(item(document, top - base, i));
        }
        if (isEntry(i)) {
          throw decline(); // a sequence on the dash's line
        }
        String name = key(i);
        element = name != null ? mapping(i - ls, name, null, null) : inline(i, column);
      }
      if (top == scratch.length) {
        scratch = Arrays.copyOf(scratch, top * 2);
      }
      scratch[top++] = element;
      if (eof || ind < column) {
        break;
      }
      if (ind > column) {
        throw decline();
      }
      if (!isEntry(cs)) {
        if (unindented) {
          break;
        }
        throw decline();
      }
    }
    List<JsonNode> list = new ArrayList<>(top - base);
    for (int k = base; k < top; k++) {
      list.add((JsonNode) scratch[k]);
    }
    release(base);
    depth--;
    return new ArrayNode(NODES, list);
  }

  /**
   * A value starting at {@code i} on the current line, in a collection at {@code column}; leaves
   * the next significant line current.
   */
  private JsonNode inline(int i, int column) {
    byte c = b[i];
    JsonNode node;
    switch (c) {
      case '"', '\'' -> {
        node = closesOnLine(i) ? quoted(i) : multiLineQuoted(i, column);
        endOfLine(p);
      }
      case '|', '>' -> {
        return blockScalar(i, column);
      }
      case '{' -> {
        int j = skipSpaces(i + 1);
        if (j == le || b[j] != '}') {
          throw decline();
        }
        endOfLine(j + 1);
        node = CompactFields.objectNode(scratch, top, 0);
      }
      case '[' -> node = flowSequence(i);
      case '&', '*', '!', '%', '@', '`', ',', ']', '}', '#' -> throw decline();
      case '-', '?', ':' -> {
        if (i + 1 == le || b[i + 1] == ' ') {
          throw decline();
        }
        node = plain(i, column);
      }
      default -> node = plain(i, column);
    }
    advance();
    skipInsignificant();
    return node;
  }

  /** {@code []} as the value of the elements field; anything more is left to the general path. */
  private JsonNode emptyList(int i) {
    int j = skipSpaces(i + 1);
    if (j == le || b[j] != ']') {
      throw decline();
    }
    endOfLine(j + 1);
    advance();
    skipInsignificant();
    return new ArrayNode(NODES, new ArrayList<>(0));
  }

  // ---------------------------------------------------------------- keys

  /**
   * The key starting at {@code i} when the line has one there ({@code name:} followed by a space or
   * the line's end), leaving {@link #p} after its colon; else {@code null}.
   */
  private String key(int i) {
    byte c = b[i];
    if (c == '"' || c == '\'') {
      if (!closesOnLine(i)) {
        return null; // a quoted scalar over several lines: no key
      }
      scanQuoted(i);
      int colon = p;
      if (colon - i > MAX_KEY) {
        throw decline();
      }
      if (colon < le && b[colon] == ':' && (colon + 1 == le || b[colon + 1] == ' ')) {
        p = colon + 1;
        return quotedString != null
            ? texts.name(quotedString)
            : texts.name(quotedBytes, quotedFrom, quotedTo - quotedFrom);
      }
      return null;
    }
    if (isIndicator(c)) {
      return null;
    }
    int colon = -1;
    for (int k = i + 1; k < le; k++) {
      byte x = b[k];
      if (x == ':') {
        if (k + 1 == le || b[k + 1] == ' ') {
          colon = k;
          break;
        }
      } else if (x == '#' && b[k - 1] == ' ') {
        return null;
      }
    }
    if (colon < 0) {
      return null;
    }
    if (b[colon - 1] == ' ' || colon - i > MAX_KEY) {
      throw decline();
    }
    p = colon + 1;
    return ascii ? texts.name(b, i, colon - i) : texts.name(utf8(i, colon));
  }

  private static boolean isIndicator(byte c) {
    return switch (c) {
      case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`' ->
          true;
      default -> false;
    };
  }

  private boolean holds(int base, String name) {
    for (int k = base; k < top; k += 2) {
      if (scratch[k] == name) {
        return true;
      }
    }
    return false;
  }

  private void push(Object name, Object value) {
    if (top + 2 > scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[top++] = name;
    scratch[top++] = value;
  }

  private void release(int base) {
    Arrays.fill(scratch, base, top, null);
    top = base;
  }

  // ---------------------------------------------------------------- scalars

  /**
   * A plain scalar in block context from {@code i}, in a collection at {@code column}: to the
   * line's end or comment, or on over the following more indented lines, folded as SnakeYAML folds
   * them (a line break becomes a space, each blank line a line break) into a string. Leaves its
   * last line current.
   */
  private JsonNode plain(int i, int column) {
    int last = plainLine(i);
    if (last < 0) {
      return typed(i, -last);
    }
    if (!continues(column)) {
      return typed(i, last);
    }
    bufLength = 0;
    bufAscii = true;
    append(i, last);
    for (; ; ) {
      advance();
      int breaks = 0;
      while (cs == le) { // blank lines, which continues() has looked past
        breaks++;
        advance();
      }
      if (breaks == 0) {
        appendByte((byte) ' ');
      } else {
        appendBreaks(breaks);
      }
      last = plainLine(cs);
      append(cs, Math.abs(last));
      if (last < 0 || !continues(column)) {
        break;
      }
    }
    return texts.text(
        new String(
            buf, 0, bufLength, bufAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
  }

  /**
   * Scans a plain scalar's text on the current line from {@code i}: where its text ends, negated
   * when a comment ends it.
   */
  private int plainLine(int i) {
    int last = i;
    for (int k = i; k < le; k++) {
      byte x = b[k];
      if (x == ' ') {
        if (k + 1 < le && b[k + 1] == '#') {
          return -last;
        }
      } else {
        if (x == ':' && (k + 1 == le || b[k + 1] == ' ')) {
          throw decline(); // a mapping where a scalar belongs
        }
        last = k + 1;
      }
    }
    return last;
  }

  /**
   * Whether a plain scalar in a collection at {@code column} goes on after the current line: past
   * blank lines, a line more indented than the collection that is no comment. Looks ahead without
   * moving.
   */
  private boolean continues(int column) {
    int start = next;
    while (start < end) {
      int j = start;
      while (j < end && b[j] == ' ') {
        j++;
      }
      if (j == end) {
        return false;
      }
      byte c = b[j];
      if (c == '\n' || (c == '\r' && j + 1 < end && b[j + 1] == '\n')) {
        start = c == '\n' ? j + 1 : j + 2; // a blank line
        continue;
      }
      return j - start > column && c != '#';
    }
    return false;
  }

  /** The node for the plain scalar {@code b[from, to)}, typed as Jackson's YAML parser does. */
  private JsonNode typed(int from, int to) {
    int n = to - from;
    switch (b[from]) {
      case 't', 'T', 'f', 'F', 'n', 'N', 'y', 'Y', 'o', 'O' -> {
        if (n >= 2 && n <= 5) {
          JsonNode word = word(from, n);
          if (word != null) {
            return word;
          }
        }
      }
      case '~' -> {
        if (n == 1) {
          return NODES.nullNode();
        }
      }
      case '<', '=' -> {
        if (n <= 2) {
          throw decline(); // "<<" and "=" have tags of their own
        }
      }
      case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
        return number(from, to);
      }
      default -> {
        // text whatever follows
      }
    }
    return text(from, to);
  }

  /** YAML 1.1's booleans and nulls; the other booleans (yes, on …) are declined. */
  private JsonNode word(int from, int n) {
    if (is(from, n, "true") || is(from, n, "True") || is(from, n, "TRUE")) {
      return NODES.booleanNode(true);
    }
    if (is(from, n, "false") || is(from, n, "False") || is(from, n, "FALSE")) {
      return NODES.booleanNode(false);
    }
    if (is(from, n, "null") || is(from, n, "Null") || is(from, n, "NULL")) {
      return NODES.nullNode();
    }
    for (String other : OTHER_BOOLEANS) {
      if (is(from, n, other)) {
        throw decline();
      }
    }
    return null;
  }

  private boolean is(int from, int n, String word) {
    if (word.length() != n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[from + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A plain scalar starting like a number: a decimal integer or a simple decimal; text when it can
   * be no number in YAML 1.1; declined otherwise.
   */
  private JsonNode number(int from, int to) {
    int i = from;
    if (b[i] == '-') {
      i++;
    }
    int digits = i;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    int intDigits = i - digits;
    boolean simpleStart = intDigits > 0 && (b[digits] != '0' || intDigits == 1);
    if (simpleStart && i == to && intDigits <= MAX_NUMBER) {
      return integer(from, to, intDigits);
    }
    if (simpleStart) {
      int j = i;
      boolean fraction = false;
      if (j < to && b[j] == '.') {
        int k = ++j;
        while (j < to && b[j] >= '0' && b[j] <= '9') {
          j++;
        }
        fraction = j > k;
      }
      boolean exponent = false;
      if (j < to && (b[j] == 'e' || b[j] == 'E') && (fraction || j == i)) {
        j++;
        if (j < to && (b[j] == '+' || b[j] == '-')) {
          j++;
        }
        int k = j;
        while (j < to && b[j] >= '0' && b[j] <= '9') {
          j++;
        }
        exponent = j > k;
      }
      if (j == to && (fraction || exponent) && to - from <= MAX_NUMBER) {
        return NODES.numberNode(Double.parseDouble(latin1(from, to)));
      }
    }
    // Not a simple number: text only if it cannot match YAML 1.1's int or float.
    int dots = 0;
    for (int k = from; k < to; k++) {
      byte c = b[k];
      if (c == '.') {
        dots++;
      } else if (!maybeNumeric(c)) {
        return text(from, to);
      }
    }
    if (dots > 1) {
      return text(from, to);
    }
    String s = latin1(from, to);
    if (INT.matcher(s).matches() || FLOAT.matcher(s).matches()) {
      throw decline();
    }
    return texts.text(s);
  }

  /** Whether a character can be part of a YAML 1.1 int or float (other than the point). */
  private static boolean maybeNumeric(byte c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')
        || c == '_'
        || c == '+'
        || c == '-'
        || c == ':'
        || c == 'x'
        || c == 'i'
        || c == 'n'
        || c == 'I'
        || c == 'N';
  }

  private JsonNode integer(int from, int to, int digits) {
    if (digits <= 9) {
      int v = 0;
      for (int k = to - digits; k < to; k++) {
        v = v * 10 + (b[k] - '0');
      }
      return NODES.numberNode(b[from] == '-' ? -v : v);
    }
    String s = latin1(from, to);
    if (digits <= 18) {
      long v = Long.parseLong(s);
      return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }
    BigInteger v = new BigInteger(s);
    return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
  }

  private JsonNode text(int from, int to) {
    return ascii ? texts.text(b, from, to - from) : texts.text(utf8(from, to));
  }

  private String latin1(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private String utf8(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Reads the one-line quoted scalar at {@code i}, leaving {@link #p} past its closing quote, and
   * gives its node.
   */
  private JsonNode quoted(int i) {
    scanQuoted(i);
    return quotedString != null
        ? texts.text(quotedString)
        : texts.text(quotedBytes, quotedFrom, quotedTo - quotedFrom);
  }

  /** Reads the one-line quoted scalar at {@code i} into the quoted* fields. */
  private void scanQuoted(int i) {
    quotedString = null;
    if (b[i] == '"') {
      doubleQuoted(i);
    } else {
      singleQuoted(i);
    }
  }

  private void quotedBytes(byte[] bytes, int from, int to) {
    quotedBytes = bytes;
    quotedFrom = from;
    quotedTo = to;
  }

  /** A quoted scalar without escapes, {@code [from, to)} of the input, taken as it stands. */
  private void quotedAsIs(int from, int to) {
    if (ascii) {
      quotedBytes(b, from, to);
    } else {
      quotedString = utf8(from, to);
    }
  }

  private void doubleQuoted(int i) {
    int start = i + 1;
    int k = start;
    boolean escaped = false;
    for (; ; ) {
      if (k >= le) {
        throw decline(); // continues on the next line
      }
      byte c = b[k];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        k += 2;
      } else {
        k++;
      }
    }
    p = k + 1;
    if (!escaped) {
      quotedAsIs(start, k);
      return;
    }
    bufLength = 0;
    bufAscii = ascii;
    int run = start;
    for (int j = start; j < k; j++) {
      if (b[j] != '\\') {
        continue;
      }
      append(run, j);
      j = escape(j, k);
      run = j + 1;
    }
    append(run, k);
    bufDone();
  }

  /**
   * Appends the character the escape sequence at {@code j} (a backslash, before {@code limit})
   * stands for, and gives where the sequence's last character is.
   */
  private int escape(int j, int limit) {
    byte e = b[++j];
    switch (e) {
      case '"', '\\', ' ' -> appendByte(e);
      case 'n' -> appendByte((byte) '\n');
      case 't' -> appendByte((byte) '\t');
      case 'r' -> appendByte((byte) '\r');
      case 'b' -> appendByte((byte) '\b');
      case 'f' -> appendByte((byte) '\f');
      case '0' -> appendByte((byte) 0);
      case 'u' -> {
        if (j + 4 >= limit) {
          throw decline();
        }
        int cp = 0;
        for (int h = 1; h <= 4; h++) {
          int d = Character.digit(b[j + h], 16);
          if (d < 0) {
            throw decline();
          }
          cp = cp * 16 + d;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          throw decline();
        }
        appendChar(cp);
        j += 4;
      }
      default -> throw decline();
    }
    return j;
  }

  /** Whether the quoted scalar at {@code i} ends on the current line. */
  private boolean closesOnLine(int i) {
    byte q = b[i];
    for (int k = i + 1; k < le; k++) {
      byte c = b[k];
      if (c == q) {
        if (q == '"' || k + 1 == le || b[k + 1] != '\'') {
          return true;
        }
        k++; // '' stands for '
      } else if (c == '\\' && q == '"') {
        k++;
      }
    }
    return false;
  }

  /**
   * A quoted scalar at {@code i}, in a collection at {@code column}, that goes on over the
   * following lines, each more indented than the collection, folded as SnakeYAML folds it: spaces
   * around a line break go, the break becomes a space, each blank line a line break, and in double
   * quotes a backslash at a line's end drops the break. Leaves its last line current and {@link #p}
   * past its closing quote.
   */
  private JsonNode multiLineQuoted(int i, int column) {
    byte q = b[i];
    bufLength = 0;
    bufAscii = true;
    int k = i + 1;
    for (; ; ) {
      boolean escapedBreak = false;
      int run = k;
      while (k < le) {
        byte c = b[k];
        if (c == q) {
          if (q == '\'' && k + 1 < le && b[k + 1] == '\'') {
            append(run, k + 1);
            k += 2;
            run = k;
            continue;
          }
          append(run, k);
          p = k + 1;
          return texts.text(
              new String(
                  buf,
                  0,
                  bufLength,
                  bufAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        if (c == '\\' && q == '"') {
          append(run, k);
          if (k + 1 == le) {
            escapedBreak = true;
            run = k = le;
            break;
          }
          k = escape(k, le) + 1;
          run = k;
        } else if (c == ' ') {
          int j = skipSpaces(k);
          if (j == le) {
            break; // spaces before a line break go
          }
          k = j;
        } else {
          k++;
        }
      }
      if (!escapedBreak) {
        int to = k;
        while (to > run && b[to - 1] == ' ') {
          to--;
        }
        append(run, to);
      }
      if (le == end) {
        throw decline(); // unterminated
      }
      advance();
      int breaks = 0;
      while (!eof && ind >= 0 && cs == le && le < end) {
        breaks++;
        advance();
      }
      if (eof || ind <= column || cs == le) {
        throw decline(); // a document marker, a line not indented enough, the end
      }
      if (breaks == 0 && !escapedBreak) {
        appendByte((byte) ' ');
      } else {
        appendBreaks(breaks);
      }
      k = cs;
    }
  }

  private void singleQuoted(int i) {
    int start = i + 1;
    int k = start;
    boolean doubled = false;
    for (; ; ) {
      if (k >= le) {
        throw decline();
      }
      if (b[k] == '\'') {
        if (k + 1 < le && b[k + 1] == '\'') {
          doubled = true;
          k += 2;
          continue;
        }
        break;
      }
      k++;
    }
    p = k + 1;
    if (!doubled) {
      quotedAsIs(start, k);
      return;
    }
    bufLength = 0;
    bufAscii = ascii;
    for (int j = start; j < k; j++) {
      appendByte(b[j]);
      if (b[j] == '\'') {
        j++; // '' stands for '
      }
    }
    bufDone();
  }

  /** The scalar built in {@link #buf} is the quoted scalar just read. */
  private void bufDone() {
    if (bufAscii) {
      quotedBytes(buf, 0, bufLength);
    } else {
      quotedString = new String(buf, 0, bufLength, StandardCharsets.UTF_8);
    }
  }

  /** Appends a character of the Basic Multilingual Plane as UTF-8. */
  private void appendChar(int c) {
    if (c < 0x80) {
      appendByte((byte) c);
      return;
    }
    bufAscii = false;
    if (c < 0x800) {
      appendByte((byte) (0xC0 | c >> 6));
    } else {
      appendByte((byte) (0xE0 | c >> 12));
      appendByte((byte) (0x80 | (c >> 6 & 0x3F)));
    }
    appendByte((byte) (0x80 | (c & 0x3F)));
  }

  /** A one-line flow sequence of scalars at {@code i}. */
  private JsonNode flowSequence(int i) {
    List<JsonNode> list = new ArrayList<>();
    int k = skipSpaces(i + 1);
    if (k < le && b[k] == ']') {
      endOfLine(k + 1);
      return new ArrayNode(NODES, list);
    }
    for (; ; ) {
      if (k >= le) {
        throw decline();
      }
      byte c = b[k];
      if (c == '"' || c == '\'') {
        list.add(quoted(k));
        k = skipSpaces(p);
      } else {
        if (isIndicator(c) && c != '-') {
          throw decline();
        }
        int last = k;
        int j = k;
        for (; j < le && b[j] != ',' && b[j] != ']'; j++) {
          byte x = b[j];
          if (x == ':' || x == '#' || x == '?' || x == '[' || x == '{' || x == '}' || x == '"'
              || x == '\'') {
            throw decline();
          }
          if (x != ' ') {
            last = j + 1;
          }
        }
        if (c == '-' && (k + 1 == last || b[k + 1] == ' ')) {
          throw decline();
        }
        list.add(typed(k, last));
        k = j;
      }
      if (k >= le) {
        throw decline();
      }
      if (b[k] == ']') {
        endOfLine(k + 1);
        return new ArrayNode(NODES, list);
      }
      if (b[k] != ',') {
        throw decline();
      }
      k = skipSpaces(k + 1);
      if (k < le && (b[k] == ']' || b[k] == ',')) {
        throw decline(); // trailing or empty entries
      }
    }
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar whose header is at {@code i}, in a
   * collection at column {@code column}, read as SnakeYAML's scanner reads it.
   */
  private JsonNode blockScalar(int i, int column) {
    boolean folded = b[i] == '>';
    int chomp = 0; // -1 strip, 0 clip, 1 keep
    int increment = 0;
    int k = i + 1;
    for (int n = 0; n < 2 && k < le; n++) {
      byte c = b[k];
      if ((c == '+' || c == '-') && chomp == 0) {
        chomp = c == '+' ? 1 : -1;
        k++;
      } else if (c >= '1' && c <= '9' && increment == 0) {
        increment = c - '0';
        k++;
      } else {
        break;
      }
    }
    endOfLine(k);
    int minIndent = Math.max(column + 1, 1);
    advance();
    int indent;
    int breaks = 0;
    if (increment > 0) {
      indent = minIndent + increment - 1;
    } else {
      int max = 0;
      while (!eof && ind >= 0 && cs == le && le < end) {
        max = Math.max(max, ind);
        breaks++;
        advance();
      }
      if (eof || ind < 0 || cs == le) {
        throw decline();
      }
      indent = Math.max(minIndent, Math.max(max, ind));
      if (ind != indent) {
        throw decline(); // no content: the block is empty
      }
    }
    while (isBreak(indent)) {
      breaks++;
      advance();
    }
    if (!isContent(indent)) {
      throw decline();
    }
    bufLength = 0;
    bufAscii = true;
    boolean lineBreak = false;
    for (; ; ) {
      appendBreaks(breaks);
      boolean leadingNonSpace = b[ls + indent] != ' ';
      append(ls + indent, le);
      lineBreak = le < end;
      advance();
      breaks = 0;
      while (isBreak(indent)) {
        breaks++;
        advance();
      }
      if (!isContent(indent)) {
        break;
      }
      if (folded && lineBreak && leadingNonSpace && b[ls + indent] != ' ') {
        if (breaks == 0) {
          appendByte((byte) ' ');
        }
      } else if (lineBreak) {
        appendByte((byte) '\n');
      }
    }
    if (chomp >= 0 && lineBreak) {
      appendByte((byte) '\n');
    }
    if (chomp > 0) {
      appendBreaks(breaks);
    }
    if (bufLength == 0) {
      throw decline();
    }
    String value =
        new String(
            buf, 0, bufLength, bufAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    skipInsignificant();
    return texts.text(value);
  }

  /** A line of spaces only, no more than the indentation, ended by a line break. */
  private boolean isBreak(int indent) {
    return !eof && ind >= 0 && cs == le && ind <= indent && le < end;
  }

  /** A line of the block scalar's content. */
  private boolean isContent(int indent) {
    return !eof && ind >= indent && (cs < le || ind > indent);
  }

  private void appendBreaks(int n) {
    for (int k = 0; k < n; k++) {
      appendByte((byte) '\n');
    }
  }

  private void append(int from, int to) {
    int n = to - from;
    if (bufLength + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLength + n));
    }
    System.arraycopy(b, from, buf, bufLength, n);
    bufLength += n;
    bufAscii &= ascii;
  }

  private void appendByte(byte c) {
    if (bufLength == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[bufLength++] = c;
  }
}
