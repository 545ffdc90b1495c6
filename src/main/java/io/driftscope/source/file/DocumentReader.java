package io.driftscope.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.driftscope.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON file into its top-level documents with their positions, and turns every way
 * a file can be bad into one line naming the file (and line and column where the parser knows
 * them). The factories are shared: they are thread-safe and costly to build.
 */
final class DocumentReader {

  /** The syntax a file is parsed with. */
  enum Syntax {
    YAML,
    JSON
  }

  private static final JsonFactory JSON = jsonFactory();
  private static final YAMLFactory YAML = yamlFactory();

  /** How far into a file a NUL byte marks it as binary. */
  private static final int BINARY_PROBE = 8000;

  /** How much of a file is read to sniff it. */
  static final int HEAD = 512;

  private DocumentReader() {}

  /** Reads a file's bytes; a missing or unreadable file is bad input. */
  static byte[] readBytes(Path file, String display) throws SourceException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SourceException("missing path: " + display + " (no such file or folder)");
    } catch (AccessDeniedException e) {
      throw new SourceException("unreadable file: " + display + " (permission denied)");
    } catch (IOException e) {
      throw new SourceException("unreadable file: " + display + " (" + reason(e) + ")");
    } catch (OutOfMemoryError e) {
      throw new SourceException("unreadable file: " + display + " (too large to read)");
    }
  }

  /**
   * A file's content: all its bytes when it is small, else its first bytes and a stream over the
   * rest, so that a large file is parsed as it is read rather than held whole beside its tree.
   */
  record Content(byte[] head, InputStream rest) implements Closeable {

    /** Whether the file has no bytes at all. */
    boolean isEmpty() {
      return head.length == 0;
    }

    @Override
    public void close() throws IOException {
      if (rest != null) {
        rest.close();
      }
    }
  }

  /** Files up to this size are read whole; larger ones stream into the parser. */
  private static final int WHOLE = 1 << 20;

  /**
   * Opens a file's content (see {@link Content}); errors as {@link #readBytes}. The caller closes
   * it.
   */
  static Content open(Path file, String display) throws SourceException {
    InputStream in = null;
    try {
      SeekableByteChannel channel = Files.newByteChannel(file);
      in = Channels.newInputStream(channel);
      byte[] head = readHead(in, channel.size());
      if (head.length <= WHOLE) {
        in.close();
        return new Content(head, null);
      }
      return new Content(head, in);
    } catch (NoSuchFileException e) {
      throw new SourceException("missing path: " + display + " (no such file or folder)");
    } catch (AccessDeniedException e) {
      throw new SourceException("unreadable file: " + display + " (permission denied)");
    } catch (IOException e) {
      closeQuietly(in);
      throw new SourceException("unreadable file: " + display + " (" + reason(e) + ")");
    }
  }

  /**
   * Up to {@code WHOLE + 1} bytes of a file said to hold {@code size}: a small file goes straight
   * into one array of its size (reading in chunks and joining them would allocate it three times
   * over, which a folder of thousands of files pays in garbage collections).
   */
  private static byte[] readHead(InputStream in, long size) throws IOException {
    if (size <= 0 || size > WHOLE) {
      return in.readNBytes(WHOLE + 1);
    }
    byte[] bytes = new byte[(int) size];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      return Arrays.copyOf(bytes, n); // it shrank meanwhile
    }
    int next = in.read();
    if (next < 0) {
      return bytes;
    }
    // It grew meanwhile: read on as for a file of unknown size.
    byte[] more = in.readNBytes(WHOLE - n);
    byte[] head = Arrays.copyOf(bytes, n + 1 + more.length);
    head[n] = (byte) next;
    System.arraycopy(more, 0, head, n + 1, more.length);
    return head;
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // already failing: the first error is the one to report
      }
    }
  }

  /** Reads the first bytes of a file (enough to sniff it); errors as {@link #readBytes}. */
  static byte[] readHead(Path file, String display) throws SourceException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(HEAD);
    } catch (NoSuchFileException e) {
      throw new SourceException("missing path: " + display + " (no such file or folder)");
    } catch (AccessDeniedException e) {
      throw new SourceException("unreadable file: " + display + " (permission denied)");
    } catch (IOException e) {
      throw new SourceException("unreadable file: " + display + " (" + reason(e) + ")");
    }
  }

  /** Whether the content looks binary rather than text. */
  static boolean isBinary(byte[] bytes) {
    int end = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < end; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The syntax for a file: by its extension, else JSON when it starts like JSON. */
  static Syntax syntaxOf(Path file, byte[] bytes) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return Syntax.JSON;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Syntax.YAML;
    }
    for (byte b : bytes) {
      if (b == '{' || b == '[') {
        return Syntax.JSON;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return Syntax.YAML;
      }
    }
    return Syntax.YAML;
  }

  /** A parser for the given content. */
  static JsonParser parser(Syntax syntax, byte[] bytes) throws IOException {
    return syntax == Syntax.JSON ? JSON.createParser(bytes) : YAML.createParser(bytes);
  }

  /** A streaming parser over a file, for reading only its beginning. */
  static JsonParser parser(Syntax syntax, Path file) throws IOException {
    return syntax == Syntax.JSON
        ? JSON.createParser(Files.newInputStream(file))
        : YAML.createParser(Files.newInputStream(file));
  }

  /** A parser over a file's content, read whole or streamed. */
  private static JsonParser parser(Syntax syntax, Content content) throws IOException {
    if (content.rest() == null) {
      return parser(syntax, content.head());
    }
    InputStream all =
        new SequenceInputStream(new ByteArrayInputStream(content.head()), content.rest());
    return syntax == Syntax.JSON ? JSON.createParser(all) : YAML.createParser(all);
  }

  /** Receives each element of a document's elements field as soon as it is read. */
  interface ElementSink {
    /**
     * The element {@code node} at {@code at}. The document holding it is still being read: it may
     * yet turn out malformed, or not to be a list.
     */
    void element(DocumentLocation at, JsonNode node);
  }

  /**
   * Parses every top-level document of a file, skipping empty ones.
   *
   * @param elementsField a top-level array field whose elements' positions are wanted (e.g. {@code
   *     items}), or {@code null}
   */
  static List<RawDocument> parse(
      byte[] bytes, Syntax syntax, Path file, String display, String elementsField)
      throws SourceException {
    return parse(
        new Content(bytes, null), syntax, file, display, elementsField, new TextValues(), null);
  }

  /**
   * Parses every top-level document of a file's content, skipping empty ones; short string values
   * are shared through {@code texts}.
   *
   * @param elementsField a top-level array field whose elements' positions are wanted (e.g. {@code
   *     items}), or {@code null}
   * @param sink receives each element of the elements field as soon as it is read (small YAML files
   *     are read whole first), or {@code null}
   */
  static List<RawDocument> parse(
      Content content,
      Syntax syntax,
      Path file,
      String display,
      String elementsField,
      TextValues texts,
      ElementSink sink)
      throws SourceException {
    if (syntax == Syntax.YAML && content.rest() == null) {
      // Most manifests are plain block YAML, which a small reader takes far faster; it declines
      // the rest, and what it declines is read (and any error reported) the general way.
      List<RawDocument> fast =
          BlockYamlReader.read(content.head(), file, display, elementsField, texts);
      if (fast != null) {
        if (sink != null) {
          handOver(fast, elementsField, sink);
        }
        return fast;
      }
    }
    return parseGeneral(content, syntax, file, display, elementsField, texts, sink);
  }

  /** Hands the elements of documents read whole to {@code sink}, in order. */
  private static void handOver(
      List<RawDocument> documents, String elementsField, ElementSink sink) {
    for (RawDocument doc : documents) {
      List<DocumentLocation> at = doc.elements();
      JsonNode elements = at.isEmpty() ? null : doc.node().get(elementsField);
      for (int i = 0; i < at.size(); i++) {
        sink.element(at.get(i), elements.get(i));
      }
    }
  }

  /** {@link #parse} through the general parsers only (for YAML: SnakeYAML). */
  static List<RawDocument> parseGeneral(
      Content content,
      Syntax syntax,
      Path file,
      String display,
      String elementsField,
      TextValues texts,
      ElementSink sink)
      throws SourceException {
    List<RawDocument> documents = new ArrayList<>();
    try (JsonParser parser = parser(syntax, content)) {
      TreeBuilder builder = new TreeBuilder(parser, texts);
      int index = -1;
      while (parser.nextToken() != null) {
        index++;
        DocumentLocation at = location(file, display, index, parser.currentTokenLocation());
        List<DocumentLocation> elements = new ArrayList<>();
        TreeBuilder.ElementListener listener =
            (start, node) -> {
              DocumentLocation e =
                  at.item(elements.size(), start.getLineNr(), start.getColumnNr(), offset(start));
              elements.add(e);
              if (sink != null) {
                sink.element(e, node);
              }
            };
        JsonNode node = builder.value(elementsField, elementsField == null ? null : listener);
        if (isEmptyDocument(node, parser)) {
          continue;
        }
        documents.add(new RawDocument(node, at, elements));
      }
    } catch (IOException e) {
      throw malformed(e, syntax, display);
    }
    return documents;
  }

  private static boolean isEmptyDocument(JsonNode node, JsonParser parser) {
    // An empty YAML document reads as a null (or, from some parsers, an empty plain string).
    return node.isNull()
        || (parser instanceof YAMLParser && node.isTextual() && node.textValue().isEmpty());
  }

  private static DocumentLocation location(
      Path file, String display, int index, JsonLocation start) {
    return new DocumentLocation(
        file, display, index, -1, start.getLineNr(), start.getColumnNr(), offset(start));
  }

  private static long offset(JsonLocation location) {
    long chars = location.getCharOffset();
    return chars >= 0 ? chars : location.getByteOffset();
  }

  /** The one-line message for a file that cannot be parsed. */
  static SourceException malformed(IOException e, Syntax syntax, String display) {
    String what = "malformed " + syntax.name();
    CharConversionException encoding = encodingProblem(e);
    if (encoding != null) {
      return new SourceException(
          display + ": not UTF-8 text (" + firstLine(encoding.getMessage()) + ")");
    }
    MarkedYAMLException y = yamlProblem(e);
    if (y != null) {
      Mark mark = y.getProblemMark();
      String problem = firstLine(y.getProblem());
      if (mark == null) {
        return new SourceException(display + ": " + what + ": " + problem);
      }
      return new SourceException(
          display
              + ":"
              + (mark.getLine() + 1)
              + ":"
              + (mark.getColumn() + 1)
              + ": "
              + what
              + ": "
              + problem);
    }
    if (e instanceof TreeBuilder.ContentException c) {
      return new SourceException(at(display, c.location) + what + ": " + c.getMessage());
    }
    if (e instanceof JsonProcessingException j) {
      return new SourceException(
          at(display, j.getLocation()) + what + ": " + firstLine(j.getOriginalMessage()));
    }
    return new SourceException("unreadable file: " + display + " (" + reason(e) + ")");
  }

  private static MarkedYAMLException yamlProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }

  private static CharConversionException encodingProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException c) {
        return c;
      }
    }
    return null;
  }

  private static String at(String display, JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return display + ": ";
    }
    return display + ":" + location.getLineNr() + ":" + Math.max(1, location.getColumnNr()) + ": ";
  }

  /** The first line of a parser's message, without Jackson's "at [Source…]" tail. */
  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable content";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line;
  }

  /** A short reason for an I/O failure. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : firstLine(message);
  }

  private static JsonFactory jsonFactory() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // Large List files and deep CRD schemas are normal here; SnakeYAML's defaults (3 MB per
    // document, 50 levels) are made for untrusted input.
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(1000);
    options.setAllowDuplicateKeys(true); // TreeBuilder reports duplicates with their position
    return YAMLFactory.builder()
        .loaderOptions(options)
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .streamReadConstraints(constraints())
        .build();
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(-1)
        .maxStringLength(Integer.MAX_VALUE)
        .maxNestingDepth(1000)
        .build();
  }
}
