package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.Side;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.source.Change;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link Plan} that makes the selected nodes of the target side equal to the source
 * side: per target resource, guarded operations for exactly the differences selected; a create for
 * a resource the target lacks and a delete for one only the target has.
 *
 * <p>Differences come from the differ, so the comparison mode is respected: in {@code desired} mode
 * live-only fields that were never applied are not differences and are left alone; when the desired
 * side is the target, the chosen nodes are made equal to live. Ignored differences and ignored
 * resources are skipped unless the selection names them explicitly (a field at or inside them, or
 * the resource itself). Values are taken from the source side's raw document and written at
 * positions of the target's raw document, keyed list entries guarded by {@code test}s on their key
 * fields and every replaced or removed value guarded by a {@code test} of its old value.
 */
public final class Planner {

  /** Fields a source adds that must not be sent when creating a resource elsewhere. */
  private static final List<String> SERVER_OWNED_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "generation",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private static final List<String> SERVER_OWNED_ANNOTATIONS =
      List.of(
          "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");

  private final boolean serverSide;
  private final boolean forceConflicts;

  /** A planner whose changes are guarded JSON Patches, creates and deletes. */
  public Planner() {
    this(false, false);
  }

  /**
   * A planner for the given way of writing.
   *
   * @param serverSide whole resources (creates included) go as {@link Change.Apply}, server-side
   *     apply of the source side's document; fields chosen one by one still go as JSON Patches
   * @param forceConflicts with {@code serverSide}: take over fields other managers own
   */
  public Planner(boolean serverSide, boolean forceConflicts) {
    this.serverSide = serverSide;
    this.forceConflicts = forceConflicts;
  }

  /** Plans from the resources of a comparison view. */
  public Plan plan(ComparisonView view, Direction direction, Selection selection, Target target) {
    String from = (direction.source() == Side.LEFT ? view.left() : view.right()).label();
    return plan(view.resources(), from, direction, selection, target);
  }

  /**
   * Plans from a set of resource diffs.
   *
   * @param from the label of the environment the values come from
   */
  public Plan plan(
      List<ResourceDiff> diffs,
      String from,
      Direction direction,
      Selection selection,
      Target target) {
    List<PlannedChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String targetNamespace = singleNamespace(diffs, direction.target());
    for (ResourceDiff d : diffs) {
      boolean explicit = selection.namesExplicitly(d);
      List<FieldPath> fields = selectedFields(selection, d);
      if (fields.isEmpty()) {
        continue;
      }
      if (d.ignored() && !explicit) {
        notes.add("left out " + d.key().shortName() + ": ignored (" + d.reason() + ")");
        continue;
      }
      Resource source = side(d, direction.source());
      Resource tgt = side(d, direction.target());
      if (source == null && tgt == null) {
        continue;
      }
      if (tgt == null) {
        PlannedChange c = create(d, source, targetNamespace, target);
        changes.add(serverSide ? serverSideApply(c, null, (Change.Create) c.change()) : c);
      } else if (source == null) {
        changes.add(delete(d, tgt, target));
      } else {
        PlannedChange c = patch(d, source, tgt, direction, fields, notes);
        if (c != null && serverSide && fields.contains(FieldPath.ROOT)) {
          ObjectNode doc = source.document().deepCopy();
          stripServerOwned(doc);
          if (!tgt.key().namespace().isEmpty() && doc.get("metadata") instanceof ObjectNode m) {
            m.put("namespace", tgt.key().namespace());
          }
          c = serverSideApply(c, tgt, new Change.Create(tgt.key(), doc));
        } else if (c != null && serverSide) {
          notes.add(
              "fields of "
                  + tgt.key().shortName()
                  + " go as a guarded JSON Patch: server-side apply sends whole resources");
        }
        if (c != null) {
          changes.add(c);
        }
      }
    }
    changes.sort(ORDER);
    return new Plan(direction, from, target, changes, notes, 0);
  }

  /** {@code planned} as a server-side apply of {@code whole}'s document onto {@code tgt}. */
  private PlannedChange serverSideApply(PlannedChange planned, Resource tgt, Change.Create whole) {
    ResourceKey key = whole.key();
    return new PlannedChange(
        planned.key(),
        new Change.Apply(key, tgt, whole.document(), forceConflicts),
        planned.steps(),
        Display.masked(key, whole.document()).toPrettyString(),
        planned.warnings());
  }

  /** Namespaces first, deletes last, otherwise by key. */
  private static final Comparator<PlannedChange> ORDER =
      Comparator.comparingInt(
              (PlannedChange c) ->
                  c.change() instanceof Change.Delete
                      ? 2
                      : c.key().kind().equals("Namespace") ? 0 : 1)
          .thenComparing(PlannedChange::key);

  /**
   * The field paths selected in one resource: the root for a whole resource or a subtree, else the
   * fields named; empty when the resource is not selected.
   */
  private static List<FieldPath> selectedFields(Selection selection, ResourceDiff d) {
    List<FieldPath> out = new ArrayList<>();
    for (Selection.Item item : selection.items()) {
      if (item instanceof Selection.Whole w && Selection.keyMatches(w.key(), d)) {
        out.add(FieldPath.ROOT);
      } else if (item instanceof Selection.Field f && Selection.keyMatches(f.key(), d)) {
        out.add(f.path());
      } else if (item instanceof Selection.Subtree s
          && Selection.subtreeMatches(s, d)
          && d.isDrift()) {
        out.add(FieldPath.ROOT);
      }
    }
    return out;
  }

  private static Resource side(ResourceDiff d, Side side) {
    return side == Side.LEFT ? d.left() : d.right();
  }

  private static String singleNamespace(List<ResourceDiff> diffs, Side side) {
    Set<String> namespaces = new HashSet<>();
    for (ResourceDiff d : diffs) {
      Resource r = side(d, side);
      if (r != null && !r.key().namespace().isEmpty()) {
        namespaces.add(r.key().namespace());
      }
    }
    return namespaces.size() == 1 ? namespaces.iterator().next() : null;
  }

  private PlannedChange create(
      ResourceDiff d, Resource source, String targetNamespace, Target target) {
    ObjectNode doc = source.document().deepCopy();
    stripServerOwned(doc);
    ResourceKey key = source.key();
    if (targetNamespace != null && !key.namespace().isEmpty()) {
      key = key.withNamespace(targetNamespace);
      if (doc.path("metadata").has("namespace")) {
        ((ObjectNode) doc.get("metadata")).put("namespace", targetNamespace);
      }
    }
    List<String> warnings = new ArrayList<>();
    if (Display.isSecret(key)) {
      warnings.add(key.shortName() + ": secret values are applied but not shown");
    }
    Step step =
        new Step(
            "create",
            FieldPath.ROOT,
            null,
            doc,
            "create " + key.shortName() + " on " + target.label());
    return new PlannedChange(
        d.key(),
        new Change.Create(key, doc),
        List.of(step),
        Display.masked(key, doc).toPrettyString(),
        warnings);
  }

  static void stripServerOwned(ObjectNode doc) {
    doc.remove("status");
    if (doc.get("metadata") instanceof ObjectNode meta) {
      SERVER_OWNED_METADATA.forEach(meta::remove);
      if (meta.get("annotations") instanceof ObjectNode ann) {
        SERVER_OWNED_ANNOTATIONS.forEach(ann::remove);
        if (ann.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
  }

  private PlannedChange delete(ResourceDiff d, Resource tgt, Target target) {
    Step step =
        new Step(
            "delete",
            FieldPath.ROOT,
            tgt.document(),
            null,
            "delete " + tgt.key().shortName() + " from " + target.label());
    List<String> warnings = new ArrayList<>();
    warnings.add("deletes " + tgt.key().shortName() + " from " + target.label());
    return new PlannedChange(
        d.key(),
        new Change.Delete(tgt),
        List.of(step),
        "DELETE "
            + tgt.key()
            + (tgt.origin().location().isEmpty() ? "" : " (" + tgt.origin() + ")"),
        warnings);
  }

  private PlannedChange patch(
      ResourceDiff d,
      Resource source,
      Resource tgt,
      Direction direction,
      List<FieldPath> fields,
      List<String> notes) {
    JsonNode working = tgt.document().deepCopy();
    List<PatchOp> ops = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int leftOut = 0;
    ResourceKey key = tgt.key();
    for (Difference diff : d.differences()) {
      if (!touches(fields, diff.path())) {
        continue;
      }
      if (diff.status() == DriftStatus.IGNORED) {
        if (!explicitlyInside(fields, diff.path())) {
          leftOut++;
          continue;
        }
        warnings.add(
            key.shortName()
                + ": "
                + diff.path()
                + " is ignored ("
                + diff.reason()
                + ") but was chosen explicitly");
      }
      JsonNode fallback = direction.source() == Side.LEFT ? diff.left() : diff.right();
      PathResolver.Resolution src = PathResolver.resolve(source.document(), diff.path());
      JsonNode want = src.complete() ? src.value() : fallback;
      if (!src.complete() && Display.isSecret(key)) {
        // The differ's secret values are digests: never write them; read stringData instead.
        want = fromStringData(source.document(), diff.path());
        if (want == null && fallback != null) {
          notes.add(
              "left out "
                  + key.shortName()
                  + " "
                  + diff.path()
                  + ": its value cannot be read from "
                  + source.origin()
                  + "; apply the whole resource");
          continue;
        }
      }
      List<PatchOp> these = new ArrayList<>();
      Step step = step(key, diff.path(), working, want, source.document(), these);
      if (step == null) {
        continue;
      }
      try {
        working = JsonPatch.apply(working, these);
      } catch (JsonPatch.PatchFailure e) {
        notes.add("left out " + key.shortName() + " " + diff.path() + ": " + e.getMessage());
        continue;
      }
      ops.addAll(these);
      steps.add(step);
      replicaWarning(key, step).ifPresent(warnings::add);
    }
    if (leftOut > 0) {
      notes.add(
          "left out "
              + leftOut
              + " ignored difference"
              + (leftOut == 1 ? "" : "s")
              + " of "
              + key.shortName()
              + " (choose the field to apply it anyway)");
    }
    if (ops.isEmpty()) {
      return null;
    }
    if (Display.isSecret(key)) {
      warnings.add(0, key.shortName() + ": secret values are applied but not shown");
    }
    List<PatchOp> shown = ops.stream().map(op -> Display.masked(key, op)).toList();
    return new PlannedChange(
        d.key(), new Change.Patch(tgt, ops), steps, JsonPatch.toText(shown), warnings);
  }

  /** The base64 of {@code /stringData/K} for a path {@code /data/K}, or {@code null}. */
  private static JsonNode fromStringData(JsonNode doc, FieldPath path) {
    if (path.size() != 2
        || !(path.segments().get(0) instanceof FieldPath.Name n)
        || !n.name().equals("data")
        || !(path.last() instanceof FieldPath.Name k)
        || !doc.path("stringData").path(k.name()).isTextual()) {
      return null;
    }
    String plain = doc.path("stringData").path(k.name()).asText();
    return io.driftscope.core.Json.NODES.textNode(
        java.util.Base64.getEncoder()
            .encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Whether a difference lies under a selected field, or a selected field lies inside it. */
  private static boolean touches(List<FieldPath> fields, FieldPath path) {
    for (FieldPath f : fields) {
      if (path.startsWith(f) || f.startsWith(path)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a selected field (not the whole resource) is at or inside this path. */
  private static boolean explicitlyInside(List<FieldPath> fields, FieldPath path) {
    for (FieldPath f : fields) {
      if (!f.isRoot() && f.startsWith(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The operations making {@code path} in {@code working} hold {@code want} ({@code null}: absent),
   * added to {@code out}; the step describing them, or {@code null} when nothing is to be done.
   */
  private static Step step(
      ResourceKey key,
      FieldPath path,
      JsonNode working,
      JsonNode want,
      JsonNode sourceDoc,
      List<PatchOp> out) {
    PathResolver.Resolution at = PathResolver.resolve(working, path);
    boolean secret = Display.secret(key, path);
    if (at.complete()) {
      JsonNode have = at.value();
      if (want != null && want.equals(have)) {
        return null;
      }
      out.addAll(at.guards());
      out.add(PatchOp.test(at.pointer(), have));
      if (want == null) {
        out.add(PatchOp.remove(at.pointer()));
        return new Step(
            "remove",
            path,
            have,
            null,
            "remove " + path + " (was " + Display.value(have, secret) + ")");
      }
      out.add(PatchOp.replace(at.pointer(), want));
      return new Step(
          "replace",
          path,
          have,
          want,
          "replace "
              + path
              + " "
              + Display.value(have, secret)
              + " → "
              + Display.value(want, secret));
    }
    if (want == null) {
      return null;
    }
    if (!at.last().isContainerNode()) {
      // The parent holds a scalar (often null): replace it with the structure the path needs.
      FieldPath parent = FieldPath.of(path.segments().subList(0, at.resolved()));
      JsonNode value = PathResolver.wrap(path, at.resolved() - 1, want, sourceDoc);
      if (at.resolved() == 0) {
        return null;
      }
      out.addAll(at.guards());
      out.add(PatchOp.test(at.pointer(), at.last()));
      out.add(PatchOp.replace(at.pointer(), value));
      return new Step(
          "replace",
          parent,
          at.last(),
          value,
          "replace "
              + parent
              + " "
              + Display.value(at.last(), false)
              + " → "
              + Display.value(value, secret));
    }
    FieldPath.Segment missing = path.segments().get(at.resolved());
    List<String> tokens = new ArrayList<>(at.tokens());
    tokens.add(PathResolver.addToken(missing, at.last()));
    JsonNode value = PathResolver.wrap(path, at.resolved(), want, sourceDoc);
    out.addAll(at.guards());
    out.add(PatchOp.add(JsonPatch.pointer(tokens), value));
    FieldPath added = FieldPath.of(path.segments().subList(0, at.resolved() + 1));
    return new Step("add", added, null, value, "add " + added + " " + Display.value(value, secret));
  }

  private static java.util.Optional<String> replicaWarning(ResourceKey key, Step step) {
    if (!step.path().equals(FieldPath.of("spec", "replicas"))
        || step.before() == null
        || step.after() == null
        || !step.before().isNumber()
        || !step.after().isNumber()) {
      return java.util.Optional.empty();
    }
    long from = step.before().asLong();
    long to = step.after().asLong();
    String way = to < from ? "go down" : "go up";
    return java.util.Optional.of(
        key.shortName() + ": replicas " + way + " from " + from + " to " + to);
  }
}
