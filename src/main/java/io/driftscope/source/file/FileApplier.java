package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.Applied;
import io.driftscope.source.Applier;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import io.driftscope.source.JsonDiff;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes changes into Kubernetes manifest files, editing them in place: each value is found by the
 * parser's source positions and only its characters are replaced, so comments, key order, quoting
 * and fields the other side does not have are kept. Before a file is first written in an apply it
 * is copied to {@code FILE.driftscope-bak} (which the loader skips). A new resource goes to {@code
 * <folder>/<kind>-<name>.yaml} (appended as a new document when that file exists), or is appended
 * to the file when the source is a single file; a deleted resource loses its document and {@code
 * ---} separator, and the file when nothing else is left in it.
 *
 * <p>The precondition is the document itself: it must still read as it did when diffed (a change to
 * another document of the same file does not count). The dry run performs the whole edit in memory
 * and parses the result again: the edited document must read exactly as intended and every other
 * document exactly as before, else the change is rejected.
 */
public final class FileApplier implements Applier {

  /** The suffix of backups, which the loader skips. */
  public static final String BACKUP_SUFFIX = ".driftscope-bak";

  private final Path root;
  private final String display;
  private final boolean isFolder;
  private final Map<String, Set<Path>> backedUp = new HashMap<>();

  /**
   * An applier for a manifest file or folder.
   *
   * @param root the file or folder, absolute
   * @param display the path as the user wrote it; resource origins start with it
   * @param isFolder whether {@code root} is a folder
   */
  public FileApplier(Path root, String display, boolean isFolder) {
    this.root = root;
    this.display = display;
    this.isFolder = isFolder;
  }

  /** A hash of the document as loaded: {@code sha256:} and 12 hex digits. */
  @Override
  public String versionOf(Resource resource) {
    try {
      byte[] canonical = Json.MAPPER.writeValueAsBytes(resource.document());
      byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical);
      return "sha256:" + HexFormat.of().formatHex(h, 0, 6);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "";
    }
  }

  @Override
  public Applied dryRun(Change change) throws ApplyException {
    Edit e = edit(change);
    return e.applied(change.key(), "");
  }

  @Override
  public synchronized Applied apply(Change change, String runId) throws ApplyException {
    Edit e = edit(change);
    String backup = "";
    try {
      if (Files.exists(e.file)) {
        Path bak = e.file.resolveSibling(e.file.getFileName() + BACKUP_SUFFIX);
        if (backedUp.computeIfAbsent(runId, k -> new HashSet<>()).add(e.file)) {
          Files.copy(
              e.file, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        backup = displayOf(bak);
      }
      if (e.deleteFile) {
        Files.delete(e.file);
      } else {
        AtomicWrite.write(e.file, e.after);
      }
    } catch (IOException x) {
      throw new ApplyException(
          ApplyException.Kind.FAILED,
          change.key(),
          "cannot write " + displayOf(e.file) + ": " + x.getMessage());
    }
    return e.applied(change.key(), backup);
  }

  /** One planned file edit: the file, its text before and after, and the resource's new state. */
  private final class Edit {
    final Path file;
    final String before;
    final String after;
    final boolean deleteFile;
    final Resource result;
    final boolean secret;

    Edit(
        Path file,
        String before,
        String after,
        boolean deleteFile,
        Resource result,
        boolean secret) {
      this.file = file;
      this.before = before;
      this.after = after;
      this.deleteFile = deleteFile;
      this.result = result;
      this.secret = secret;
    }

    Applied applied(ResourceKey key, String backup) {
      String name = displayOf(file);
      String diff = UnifiedDiff.of(name, before, deleteFile ? "" : after, secret);
      if (deleteFile) {
        diff = diff + "(" + name + " is removed: nothing else is left in it)\n";
      }
      return new Applied(result != null ? result.key() : null, result, diff, backup);
    }
  }

  private Edit edit(Change change) throws ApplyException {
    ResourceKey key = change.key();
    boolean secret = key.kind().equals("Secret") && key.group().isEmpty();
    if (change instanceof Change.Create c) {
      return create(c, secret);
    }
    if (change instanceof Change.Apply) {
      throw new ApplyException(
          ApplyException.Kind.REJECTED, key, "server-side apply is for Kubernetes targets only");
    }
    Resource current = change.current();
    Path file = fileOf(current);
    EditableFile.Found found = locate(file, current);
    JsonNode now = found.value();
    if (!now.equals(current.document())) {
      List<PatchOp> d = JsonDiff.diffUnguarded(current.document(), now);
      throw new ApplyException(
          ApplyException.Kind.CHANGED_SINCE,
          key,
          displayOf(file)
              + " was edited"
              + (d.isEmpty() ? "" : " (" + d.get(0).path() + ")")
              + "; reload and try again");
    }
    if (change instanceof Change.Delete) {
      return delete(found, current, secret);
    }
    JsonNode intended;
    List<PatchOp> ops;
    if (change instanceof Change.Patch p) {
      try {
        intended = JsonPatch.apply(now, p.ops());
      } catch (JsonPatch.PatchFailure f) {
        throw new ApplyException(
            ApplyException.Kind.CHANGED_SINCE, key, displayOf(file) + ": " + f.getMessage());
      }
      ops = p.ops();
    } else {
      intended = ((Change.Replace) change).document();
      ops = JsonDiff.diffUnguarded(now, intended);
    }
    String text = found.file().text;
    EditableFile ef = found.file();
    JsonNode working = now;
    for (PatchOp op : ops) {
      for (PatchOp fine : refine(working, op)) {
        try {
          text = new InPlaceEditor(ef).apply(found.doc(), found.base(), fine);
          working = JsonPatch.apply(working, List.of(fine));
          ef = EditableFile.parse(text, ef.json);
        } catch (InPlaceEditor.EditException | JsonPatch.PatchFailure x) {
          throw new ApplyException(
              ApplyException.Kind.REJECTED, key, displayOf(file) + ": " + x.getMessage());
        } catch (IOException x) {
          throw rejected(
              key, file, "the edit of " + fine.path() + " does not parse: " + x.getMessage());
        }
      }
    }
    Resource result = verify(key, file, found, ef, intended, current.apiVersion());
    return new Edit(file, found.file().text, text, false, result, secret);
  }

  /**
   * Splits a replace of a map by a map (or a list by a list) into the edits of what differs, so
   * that comments and layout inside it are kept; an insert into a list stays one operation.
   */
  private static List<PatchOp> refine(JsonNode working, PatchOp op) {
    if (op.op() == PatchOp.Op.TEST) {
      return List.of();
    }
    if (op.op() == PatchOp.Op.REMOVE || insertsIntoList(working, op)) {
      return List.of(op);
    }
    JsonNode old = JsonPatch.get(working, op.path());
    boolean sameShape =
        old != null
            && ((old.isObject() && op.value().isObject())
                || (old.isArray() && op.value().isArray()));
    if (!sameShape) {
      return List.of(op);
    }
    List<PatchOp> out = new ArrayList<>();
    for (PatchOp inner : JsonDiff.diffUnguarded(old, op.value())) {
      out.add(new PatchOp(inner.op(), op.path() + inner.path(), inner.value()));
    }
    return out;
  }

  /** Whether an add addresses a list position (inserts rather than replaces). */
  private static boolean insertsIntoList(JsonNode working, PatchOp op) {
    if (op.op() != PatchOp.Op.ADD) {
      return false;
    }
    List<String> t = JsonPatch.tokens(op.path());
    if (t.isEmpty()) {
      return false;
    }
    JsonNode parent = JsonPatch.get(working, JsonPatch.pointer(t.subList(0, t.size() - 1)));
    return parent != null && parent.isArray();
  }

  private Resource verify(
      ResourceKey key,
      Path file,
      EditableFile.Found before,
      EditableFile after,
      JsonNode intended,
      String apiVersion)
      throws ApplyException {
    EditableFile.Found again;
    try {
      again = locateIn(after, key, before.line(), file);
    } catch (ApplyException e) {
      throw rejected(key, file, "after the edit the resource cannot be found again");
    }
    if (!again.value().equals(intended)) {
      List<PatchOp> d = JsonDiff.diffUnguarded(intended, again.value());
      throw rejected(
          key,
          file,
          "the edited file does not read back as intended"
              + (d.isEmpty() ? "" : " at " + d.get(0).path())
              + "; edit it by hand");
    }
    checkOthersUnchanged(key, file, before.file(), after, again.doc(), before.doc());
    return new Resource(
        key, apiVersion, (ObjectNode) again.value(), new Origin(displayOf(file), again.line(), 1));
  }

  private void checkOthersUnchanged(
      ResourceKey key,
      Path file,
      EditableFile before,
      EditableFile after,
      int skipAfter,
      int skipBefore)
      throws ApplyException {
    List<JsonNode> a = new ArrayList<>();
    for (int i = 0; i < before.docs.size(); i++) {
      if (i != skipBefore) {
        a.add(before.docs.get(i).value());
      }
    }
    List<JsonNode> b = new ArrayList<>();
    for (int i = 0; i < after.docs.size(); i++) {
      if (i != skipAfter) {
        b.add(after.docs.get(i).value());
      }
    }
    if (!sameIgnoringEmpty(a, b)) {
      throw rejected(
          key, file, "the edit would change other documents of the file; edit it by hand");
    }
  }

  private static boolean sameIgnoringEmpty(List<JsonNode> a, List<JsonNode> b) {
    return nonEmpty(a).equals(nonEmpty(b));
  }

  private static List<JsonNode> nonEmpty(List<JsonNode> docs) {
    return docs.stream().filter(FileApplier::present).toList();
  }

  private static boolean present(JsonNode n) {
    return n != null
        && !n.isNull()
        && !n.isMissingNode()
        && !(n.isTextual() && n.asText().isEmpty());
  }

  private Edit delete(EditableFile.Found found, Resource current, boolean secret)
      throws ApplyException {
    ResourceKey key = current.key();
    Path file = fileOf(current);
    EditableFile ef = found.file();
    String text;
    if (!found.base().isEmpty()) {
      try {
        text =
            new InPlaceEditor(ef)
                .apply(
                    found.doc(), List.of(), PatchOp.remove("/" + String.join("/", found.base())));
      } catch (InPlaceEditor.EditException e) {
        throw rejected(key, file, e.getMessage());
      }
    } else {
      EditableFile.Doc d = ef.docs.get(found.doc());
      text = ef.text.substring(0, d.start()) + ef.text.substring(d.end());
      if (found.doc() == 0 && ef.docs.size() > 1) {
        // The next document's "---" now opens the file; drop it with the document it followed.
        text = text.replaceFirst("\\A---[ \\t]*\\r?\\n", "");
      }
    }
    boolean empty;
    try {
      EditableFile after = EditableFile.parse(text, ef.json);
      empty = after.docs.stream().noneMatch(x -> present(x.value()));
      if (!after.find(key).isEmpty() && found.base().isEmpty()) {
        throw rejected(key, file, "the document is still there after removing it");
      }
      if (found.base().isEmpty()) {
        checkOthersUnchanged(key, file, ef, after, -1, found.doc());
      }
    } catch (IOException e) {
      throw rejected(
          key, file, "the file does not parse after removing the document: " + e.getMessage());
    }
    return new Edit(file, ef.text, text, empty, null, secret);
  }

  private Edit create(Change.Create c, boolean secret) throws ApplyException {
    ResourceKey key = c.key();
    Path file =
        !c.where().isEmpty()
            ? fileOf(c.where())
            : isFolder
                ? root.resolve(key.kind().toLowerCase(Locale.ROOT) + "-" + key.name() + ".yaml")
                : root;
    if (!file.startsWith(root)) {
      throw rejected(key, file, "is outside " + display);
    }
    for (Path f : manifestFiles()) {
      try {
        EditableFile ef = EditableFile.parse(read(f), isJson(f));
        if (!ef.find(key).isEmpty()) {
          throw new ApplyException(
              ApplyException.Kind.CHANGED_SINCE,
              key,
              "exists already in " + displayOf(f) + "; reload and try again");
        }
      } catch (IOException e) {
        // A file that does not parse holds nothing the loader shows; the loader reports it.
      }
    }
    if (isJson(file)) {
      throw rejected(
          key, file, "a JSON file holds one document; apply to a folder to create resources");
    }
    String before = Files.exists(file) ? readQuietly(file) : "";
    String doc =
        new YamlRender(false, InPlaceEditor.sequenceIndent(before)).mapping(c.document(), 0) + "\n";
    String text;
    if (before.isBlank()) {
      text = doc;
    } else {
      text = before + (before.endsWith("\n") ? "" : "\n") + "---\n" + doc;
    }
    try {
      EditableFile ef = EditableFile.parse(text, false);
      List<Integer> at = ef.find(key);
      if (at.size() != 1 || !ef.docs.get(at.get(0)).value().equals(c.document())) {
        throw rejected(key, file, "the new document does not read back as intended");
      }
      int line = ef.lineOf(ef.start(ef.docs.get(at.get(0)).node()));
      Resource result =
          new Resource(
              key,
              c.document().path("apiVersion").asText(),
              c.document().deepCopy(),
              new Origin(displayOf(file), line, 1));
      return new Edit(file, before, text, false, result, secret);
    } catch (IOException e) {
      throw rejected(key, file, "the new document does not parse: " + e.getMessage());
    }
  }

  private EditableFile.Found locate(Path file, Resource current) throws ApplyException {
    if (!Files.isRegularFile(file)) {
      throw new ApplyException(
          ApplyException.Kind.CHANGED_SINCE,
          current.key(),
          displayOf(file) + " is gone; reload and try again");
    }
    EditableFile ef;
    try {
      ef = EditableFile.parse(read(file), isJson(file));
    } catch (IOException e) {
      throw new ApplyException(
          ApplyException.Kind.CHANGED_SINCE,
          current.key(),
          displayOf(file) + " no longer parses (" + e.getMessage() + "); fix it and reload");
    }
    return locateIn(ef, current.key(), current.origin().line(), file);
  }

  private EditableFile.Found locateIn(EditableFile ef, ResourceKey key, int line, Path file)
      throws ApplyException {
    return ef.locate(key, line)
        .orElseThrow(
            () ->
                new ApplyException(
                    ApplyException.Kind.CHANGED_SINCE,
                    key,
                    "no longer in " + displayOf(file) + "; reload and try again"));
  }

  private List<Path> manifestFiles() {
    if (!isFolder) {
      return Files.isRegularFile(root) ? List.of(root) : List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.startsWith(".")
                    && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Path fileOf(Resource r) {
    return fileOf(r.origin().location());
  }

  /** The file a location (as resource origins name it) stands for. */
  private Path fileOf(String loc) {
    if (!isFolder || loc.isEmpty()) {
      return root;
    }
    Path l = Path.of(loc).normalize();
    if (l.isAbsolute()) {
      return l;
    }
    Path d = Path.of(display).normalize();
    try {
      return root.resolve(d.isAbsolute() ? l : d.relativize(l)).normalize();
    } catch (IllegalArgumentException e) {
      return root.resolve(l).normalize();
    }
  }

  /** A file as the loader shows it: the root as the user wrote it, joined with the rest. */
  private String displayOf(Path file) {
    if (file.equals(root)) {
      return display;
    }
    if (file.startsWith(root)) {
      return Path.of(display).resolve(root.relativize(file)).normalize().toString();
    }
    return file.toString();
  }

  private static boolean isJson(Path f) {
    return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  private static String readQuietly(Path f) {
    try {
      return read(f);
    } catch (IOException e) {
      return "";
    }
  }

  private ApplyException rejected(ResourceKey key, Path file, String why) {
    return new ApplyException(ApplyException.Kind.REJECTED, key, displayOf(file) + ": " + why);
  }
}
