package io.driftscope.source.file;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.SecretDigest;
import io.driftscope.core.SecretMasking;
import io.driftscope.core.Snapshot;
import io.driftscope.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Writes and reads snapshot files. Format version 1 is one JSON object:
 *
 * <pre>{@code
 * {
 *   "driftscopeSnapshot": 1,                        // format version; newer ones are refused
 *   "source": "k8s://prod/shop",                    // the spec the snapshot was taken from
 *   "takenAt": "2025-06-01T10:15:30Z",              // ISO-8601 instant
 *   "secrets": {"values": "digest", "salt": "…"},   // or {"values": "clear"}
 *   "namespaces": ["shop"],                         // namespaces the documents name themselves
 *   "resources": [
 *     {"key": {"group": "apps", "version": "v1", "kind": "Deployment",
 *              "namespace": "shop", "name": "web"},
 *      "apiVersion": "apps/v1",
 *      "origin": {"location": "deploy.yaml", "line": 1, "column": 1},
 *      "document": {…}}                             // the raw document, as the source held it
 *   ]
 * }
 * }</pre>
 *
 * Documents are written as they are, so numbers stay numbers and strings stay strings. Unless
 * secrets are included, every value of a core {@code Secret}'s {@code data} and {@code stringData}
 * (and of its last-applied annotation) is replaced by a {@link SecretDigest} whose salt is stored
 * under {@code secrets}; a file with secrets in clear is created readable by its owner only. The
 * header fields come before {@code resources}, so the header can be read without the rest.
 */
public final class SnapshotFormat {

  /** The field that marks a snapshot and holds its format version. */
  public static final String VERSION_FIELD = "driftscopeSnapshot";

  private static final String RESOURCES = "resources";

  /**
   * How to write a snapshot.
   *
   * @param includeSecrets keep Secret values in clear (and create the file owner-only)
   * @param digest the salted digest that replaces Secret values otherwise
   */
  public record WriteOptions(boolean includeSecrets, SecretDigest digest) {

    /** Options with the given salt for the digests. */
    public static WriteOptions writeOptions(boolean includeSecrets, byte[] salt) {
      return new WriteOptions(includeSecrets, SecretDigest.withSalt(salt));
    }

    /** Secret values masked with a fresh random salt: the default. */
    public static WriteOptions masked() {
      return new WriteOptions(false, SecretDigest.random(new SecureRandom()));
    }
  }

  /**
   * What a snapshot file says about itself.
   *
   * @param digest the digest its Secret values are masked with; empty when they are in clear
   * @param namespaces the namespaces its documents name themselves, sorted
   */
  public record Header(
      int version,
      String source,
      Instant takenAt,
      Optional<SecretDigest> digest,
      List<String> namespaces) {
    public Header {
      namespaces = List.copyOf(namespaces);
    }
  }

  /**
   * A snapshot as read: its header, and its resources, each with the snapshot file and the position
   * of its entry as origin.
   */
  public record SnapshotFile(Header header, Snapshot snapshot) {}

  private SnapshotFormat() {}

  /** Writes a snapshot to a stream (which stays open). */
  public static void write(Snapshot snapshot, OutputStream out, WriteOptions options)
      throws IOException {
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      gen.setPrettyPrinter(printer());
      gen.writeStartObject();
      gen.writeNumberField(VERSION_FIELD, Snapshot.CURRENT_FORMAT);
      gen.writeStringField("source", snapshot.source());
      gen.writeStringField("takenAt", snapshot.takenAt().toString());
      gen.writeObjectFieldStart("secrets");
      if (options.includeSecrets()) {
        gen.writeStringField("values", "clear");
      } else {
        gen.writeStringField("values", "digest");
        gen.writeStringField("salt", options.digest().saltHex());
      }
      gen.writeEndObject();
      gen.writeArrayFieldStart("namespaces");
      for (String namespace : ownNamespaces(snapshot.resources())) {
        gen.writeString(namespace);
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart(RESOURCES);
      for (Resource resource : snapshot.resources()) {
        writeResource(gen, resource, options);
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
  }

  /** Two-space indentation, one array element per line, {@code "key": value}. */
  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /**
   * Writes a snapshot to a file, replacing it. With secrets in clear, the file is written
   * owner-only (0600) from its creation on.
   */
  public static void write(Snapshot snapshot, Path file, WriteOptions options) throws IOException {
    Path target = file.toAbsolutePath();
    if (!options.includeSecrets()) {
      try (OutputStream out = Files.newOutputStream(target)) {
        write(snapshot, out, options);
      }
      return;
    }
    Path temp = createOwnerOnly(target);
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        write(snapshot, out, options);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path createOwnerOnly(Path target) throws IOException {
    Path dir = target.getParent();
    String prefix = "." + target.getFileName() + ".";
    try {
      return Files.createTempFile(
          dir,
          prefix,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Path temp = Files.createTempFile(dir, prefix, ".tmp");
      temp.toFile().setReadable(false, false);
      temp.toFile().setReadable(true, true);
      return temp;
    }
  }

  private static void writeResource(JsonGenerator gen, Resource resource, WriteOptions options)
      throws IOException {
    ResourceKey key = resource.key();
    gen.writeStartObject();
    gen.writeObjectFieldStart("key");
    gen.writeStringField("group", key.group());
    gen.writeStringField("version", resource.version());
    gen.writeStringField("kind", key.kind());
    gen.writeStringField("namespace", key.namespace());
    gen.writeStringField("name", key.name());
    gen.writeEndObject();
    gen.writeStringField("apiVersion", resource.apiVersion());
    Origin origin = resource.origin();
    if (!origin.location().isEmpty()) {
      gen.writeObjectFieldStart("origin");
      gen.writeStringField("location", origin.location());
      if (origin.line() > 0) {
        gen.writeNumberField("line", origin.line());
        gen.writeNumberField("column", origin.column());
      }
      gen.writeEndObject();
    }
    gen.writeFieldName("document");
    ObjectNode document = resource.document();
    if (!options.includeSecrets() && SecretMasking.isSecret(key)) {
      document = SecretMasking.mask(document, options.digest());
    }
    Json.MAPPER.writeTree(gen, document);
    gen.writeEndObject();
  }

  /**
   * The namespaces the resources' documents name themselves (a namespace filled in from a default
   * is left out), sorted.
   */
  static List<String> ownNamespaces(List<Resource> resources) {
    TreeSet<String> namespaces = new TreeSet<>();
    for (Resource resource : resources) {
      String namespace = resource.key().namespace();
      if (!namespace.isEmpty() && !SnapshotSource.namespaceWasDefaulted(resource)) {
        namespaces.add(namespace);
      }
    }
    return new ArrayList<>(namespaces);
  }

  /** Reads only the header of a snapshot file, checking that it is one this build reads. */
  public static Header readHeader(Path file, String display) throws SourceException {
    byte[] head = DocumentReader.readHead(file, display);
    ObjectNode fields = Json.MAPPER.createObjectNode();
    DocumentReader.Syntax syntax = DocumentReader.syntaxOf(file, head);
    try (JsonParser parser = DocumentReader.parser(syntax, file)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notASnapshot(display);
      }
      TreeBuilder builder = new TreeBuilder(parser);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals(RESOURCES)) {
          if (fields.has(VERSION_FIELD)) {
            break; // the header is complete: the writer puts it first
          }
          parser.skipChildren();
        } else {
          fields.set(name, builder.value());
        }
      }
    } catch (IOException e) {
      throw DocumentReader.malformed(e, syntax, display);
    }
    return header(fields, display);
  }

  /** Reads a whole snapshot file. */
  public static SnapshotFile read(Path file, String display) throws SourceException {
    return read(file, display, null);
  }

  /**
   * Reads a whole snapshot file, handing each resource to {@code early} as soon as it is read (a
   * first look: the file may still turn out bad), or to no one when {@code null}.
   */
  static SnapshotFile read(Path file, String display, Consumer<Resource> early)
      throws SourceException {
    byte[] bytes = DocumentReader.readBytes(file, display);
    if (bytes.length == 0) {
      throw new SourceException(display + ": empty file (0 bytes)");
    }
    if (DocumentReader.isBinary(bytes)) {
      throw new SourceException(display + ": binary file, not a Driftscope snapshot");
    }
    DocumentReader.ElementSink sink =
        early == null
            ? null
            : (at, entry) -> {
              try {
                early.accept(resource(entry, at, at.item() + 1));
              } catch (SourceException e) {
                // Reported with the whole file below.
              }
            };
    List<RawDocument> docs =
        DocumentReader.parse(
            new DocumentReader.Content(bytes, null),
            DocumentReader.syntaxOf(file, bytes),
            file,
            display,
            RESOURCES,
            new TextValues(),
            sink);
    if (docs.size() != 1 || !docs.get(0).node().isObject()) {
      throw notASnapshot(display);
    }
    RawDocument doc = docs.get(0);
    Header header = header(doc.node(), display);
    JsonNode entries = doc.node().get(RESOURCES);
    if (entries == null || !entries.isArray()) {
      throw new SourceException(display + ": snapshot has no \"resources\" list");
    }
    List<Resource> resources = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      resources.add(resource(entries.get(i), doc.elements().get(i), i + 1));
    }
    return new SnapshotFile(
        header, new Snapshot(header.version(), header.source(), header.takenAt(), resources));
  }

  private static Header header(JsonNode fields, String display) throws SourceException {
    JsonNode version = fields.get(VERSION_FIELD);
    if (version == null) {
      throw notASnapshot(display);
    }
    if (!version.canConvertToInt() || !version.isIntegralNumber()) {
      throw new SourceException(
          display + ": \"" + VERSION_FIELD + "\" must be a format version number, not " + version);
    }
    int v = version.intValue();
    if (v > Snapshot.CURRENT_FORMAT) {
      throw new SourceException(
          display
              + ": snapshot format version "
              + v
              + " is newer than this Driftscope reads ("
              + Snapshot.CURRENT_FORMAT
              + "); upgrade Driftscope");
    }
    if (v < 1) {
      throw new SourceException(display + ": unknown snapshot format version " + v);
    }
    String source = fields.path("source").asText("");
    Instant takenAt;
    try {
      takenAt = Instant.parse(fields.path("takenAt").asText(""));
    } catch (DateTimeParseException e) {
      throw new SourceException(
          display + ": \"takenAt\" is not an ISO-8601 instant: " + fields.path("takenAt"));
    }
    Optional<SecretDigest> digest = Optional.empty();
    JsonNode secrets = fields.path("secrets");
    if (!"clear".equals(secrets.path("values").asText("clear"))) {
      try {
        digest = Optional.of(SecretDigest.withHexSalt(secrets.path("salt").asText("")));
      } catch (IllegalArgumentException e) {
        throw new SourceException(
            display + ": \"secrets.salt\" is not hex: " + secrets.get("salt"));
      }
    }
    List<String> namespaces = new ArrayList<>();
    for (JsonNode namespace : fields.path("namespaces")) {
      namespaces.add(namespace.asText());
    }
    return new Header(v, source, takenAt, digest, namespaces);
  }

  private static Resource resource(JsonNode entry, DocumentLocation at, int number)
      throws SourceException {
    String where = at + ": snapshot resource " + number;
    if (!entry.isObject()) {
      throw new SourceException(where + " is not an object");
    }
    JsonNode key = entry.path("key");
    String kind = key.path("kind").asText("");
    String name = key.path("name").asText("");
    if (kind.isEmpty() || name.isEmpty()) {
      throw new SourceException(where + " has no key.kind or key.name");
    }
    JsonNode document = entry.get("document");
    if (!(document instanceof ObjectNode object)) {
      throw new SourceException(where + " has no \"document\" object");
    }
    return new Resource(
        new ResourceKey(key.path("group").asText(""), kind, key.path("namespace").asText(""), name),
        entry.path("apiVersion").asText(""),
        object,
        at.origin());
  }

  private static SourceException notASnapshot(String display) {
    return new SourceException(
        display + ": not a Driftscope snapshot (no \"" + VERSION_FIELD + "\" field)");
  }
}
