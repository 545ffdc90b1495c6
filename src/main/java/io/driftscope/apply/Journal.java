package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.Change;
import io.driftscope.source.PatchOp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every apply, one JSON object per line in {@code
 * $XDG_STATE_HOME/driftscope/journal.jsonl} (or a given file), created owner-only (0600) because it
 * keeps secret values for undo.
 *
 * <p>An apply writes a {@code begin} record before anything is changed (id, time, user,
 * environments, target, every change with the target's full prior state), then a {@code done}
 * record after each change (its new state, or why it failed), then an {@code end} record. Each
 * record is flushed to disk before the call returns. An apply whose {@code end} is missing was
 * interrupted; its {@code done} records still say exactly what was changed.
 */
public final class Journal {

  /** The outcome of one change in the journal. */
  public enum Status {
    /** Written before the change; no outcome recorded (interrupted). */
    PENDING,
    APPLIED,
    FAILED
  }

  /**
   * One change of an apply as journaled.
   *
   * @param index its position in the apply
   * @param verb {@code patch}, {@code create}, {@code delete} or {@code replace}
   * @param key the target resource
   * @param ops the JSON Patch of a {@code patch}; empty otherwise
   * @param document the document of a {@code create} or {@code replace}; else {@code null}
   * @param prior the target's state before, {@code null} for a create
   * @param status what happened
   * @param after the state after, {@code null} when deleted or not applied
   * @param message why it failed; else empty
   * @param backup a backup the applier kept; else empty
   */
  public record ChangeRecord(
      int index,
      String verb,
      ResourceKey key,
      List<PatchOp> ops,
      ObjectNode document,
      Resource prior,
      Status status,
      Resource after,
      String message,
      String backup) {}

  /**
   * One apply as journaled.
   *
   * @param id its number, counted from 1 in this journal
   * @param time when it began
   * @param user who ran it
   * @param from the environment the values came from
   * @param targetLabel the environment written
   * @param targetSpec its source spec
   * @param direction {@code left-to-right} or {@code right-to-left}
   * @param undoOf the apply this one undid; 0 when it is not an undo
   * @param changes its changes with their outcomes
   * @param completed whether its {@code end} record was written
   */
  public record Entry(
      int id,
      Instant time,
      String user,
      String from,
      String targetLabel,
      String targetSpec,
      String direction,
      int undoOf,
      List<ChangeRecord> changes,
      boolean completed) {

    /** The changes that were applied. */
    public List<ChangeRecord> applied() {
      return changes.stream().filter(c -> c.status() == Status.APPLIED).toList();
    }
  }

  private final Path file;
  private final Clock clock;

  /** A journal in {@code file}; the file and its folder are created on first write. */
  public Journal(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** {@code $XDG_STATE_HOME/driftscope/journal.jsonl}, else {@code ~/.local/state/driftscope/}. */
  public static Path defaultFile(Map<String, String> env) {
    String xdg = env.get("XDG_STATE_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
    return base.resolve("driftscope").resolve("journal.jsonl");
  }

  public Path file() {
    return file;
  }

  /**
   * Records the start of an apply, before anything is changed.
   *
   * @return the apply's id
   */
  public synchronized int begin(Plan plan, String user) throws IOException {
    ensureFile();
    // The id is taken and written under the file lock, so two processes never share one.
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      int id = entries().stream().mapToInt(Entry::id).max().orElse(0) + 1;
      write(ch, beginRecord(id, plan, user));
      return id;
    }
  }

  private ObjectNode beginRecord(int id, Plan plan, String user) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("type", "begin");
    o.put("id", id);
    o.put("time", clock.instant().toString());
    o.put("user", user);
    o.put("from", plan.from());
    o.put("target", plan.target().label());
    o.put("targetSpec", plan.target().spec());
    o.put("direction", plan.direction().label());
    o.put("undoOf", plan.undoOf());
    ArrayNode changes = o.putArray("changes");
    int index = 0;
    for (PlannedChange pc : plan.changes()) {
      Change c = pc.change();
      ObjectNode ch = changes.addObject();
      ch.put("index", index++);
      ch.put("verb", c.verb());
      ch.set("key", ResourceCodec.key(c.key()));
      if (c instanceof Change.Patch p) {
        ArrayNode ops = ch.putArray("ops");
        p.ops().forEach(op -> ops.add(op.toJson()));
      } else if (c instanceof Change.Create cr) {
        ch.set("document", cr.document());
      } else if (c instanceof Change.Replace r) {
        ch.set("document", r.document());
      } else if (c instanceof Change.Apply a) {
        ch.set("document", a.document());
        ch.put("force", a.force());
      }
      ch.set("prior", ResourceCodec.resource(c.current()));
    }
    return o;
  }

  /** Records the outcome of one change, right after it was made or refused. */
  public synchronized void done(int id, int index, Resource after, String backup, String failure)
      throws IOException {
    ObjectNode o = Json.NODES.objectNode();
    o.put("type", "done");
    o.put("id", id);
    o.put("index", index);
    o.put("time", clock.instant().toString());
    o.put("status", failure == null ? "applied" : "failed");
    if (failure == null) {
      o.set("after", ResourceCodec.resource(after));
      o.put("backup", backup == null ? "" : backup);
    } else {
      o.put("message", failure);
    }
    append(o);
  }

  /** Records the end of an apply. */
  public synchronized void end(int id, int applied, int failed) throws IOException {
    ObjectNode o = Json.NODES.objectNode();
    o.put("type", "end");
    o.put("id", id);
    o.put("time", clock.instant().toString());
    o.put("applied", applied);
    o.put("failed", failed);
    append(o);
  }

  private void append(ObjectNode record) throws IOException {
    ensureFile();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      write(ch, record);
    }
  }

  /** Writes one record as a line and forces it to disk. */
  private static void write(FileChannel ch, ObjectNode record) throws IOException {
    byte[] line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    ch.force(true);
  }

  private void ensureFile() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      try {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      }
    }
    if (!Files.exists(file)) {
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        // Another process created it in the meantime; it did so owner-only as well.
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
  }

  /** Every apply in the journal, oldest first. */
  public synchronized List<Entry> entries() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Map<Integer, ObjectNode> begins = new LinkedHashMap<>();
    Map<Integer, Map<Integer, JsonNode>> dones = new LinkedHashMap<>();
    Map<Integer, Boolean> ended = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode rec;
      try {
        rec = Json.MAPPER.readTree(line);
      } catch (IOException e) {
        throw new IOException(file + ":" + lineNo + ": not a journal record: " + e.getMessage());
      }
      int id = rec.path("id").asInt();
      switch (rec.path("type").asText()) {
        case "begin" -> begins.put(id, (ObjectNode) rec);
        case "done" ->
            dones
                .computeIfAbsent(id, k -> new LinkedHashMap<>())
                .put(rec.path("index").asInt(), rec);
        case "end" -> ended.put(id, true);
        default -> {
          // Records of a later version are skipped.
        }
      }
    }
    List<Entry> out = new ArrayList<>();
    for (ObjectNode b : begins.values()) {
      int id = b.path("id").asInt();
      Map<Integer, JsonNode> d = dones.getOrDefault(id, Map.of());
      List<ChangeRecord> changes = new ArrayList<>();
      for (JsonNode ch : b.path("changes")) {
        int index = ch.path("index").asInt();
        JsonNode done = d.get(index);
        Status status =
            done == null
                ? Status.PENDING
                : "applied".equals(done.path("status").asText()) ? Status.APPLIED : Status.FAILED;
        List<PatchOp> ops = new ArrayList<>();
        ch.path("ops").forEach(op -> ops.add(PatchOp.fromJson(op)));
        changes.add(
            new ChangeRecord(
                index,
                ch.path("verb").asText(),
                ResourceCodec.key(ch.path("key")),
                List.copyOf(ops),
                ch.get("document") instanceof ObjectNode doc ? doc : null,
                ResourceCodec.resource(ch.get("prior")),
                status,
                done == null ? null : ResourceCodec.resource(done.get("after")),
                done == null ? "" : done.path("message").asText(),
                done == null ? "" : done.path("backup").asText()));
      }
      out.add(
          new Entry(
              id,
              Instant.parse(b.path("time").asText()),
              b.path("user").asText(),
              b.path("from").asText(),
              b.path("target").asText(),
              b.path("targetSpec").asText(),
              b.path("direction").asText(),
              b.path("undoOf").asInt(),
              List.copyOf(changes),
              ended.containsKey(id)));
    }
    return out;
  }

  /** The apply with this id. */
  public Optional<Entry> entry(int id) throws IOException {
    return entries().stream().filter(e -> e.id() == id).findFirst();
  }

  /** The most recent apply. */
  public Optional<Entry> last() throws IOException {
    List<Entry> all = entries();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
