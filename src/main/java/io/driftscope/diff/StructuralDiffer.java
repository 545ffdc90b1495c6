package io.driftscope.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.normalize.KubernetesNormalization;
import io.driftscope.normalize.ManagedFields;
import io.driftscope.normalize.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The structural differ: compares one resource pair field by field along the Kubernetes schema
 * (keyed lists, defaults, quantities, empties, server-owned fields), in {@link Mode#SYMMETRIC} or
 * {@link Mode#DESIRED} mode, then applies the ignore rules. Immutable and thread-safe: build one
 * per run and share it.
 */
public final class StructuralDiffer implements ResourceDiffer {

  private static final BiConsumer<FieldPath, String> NO_NOTES = (p, t) -> {};

  private final DiffOptions options;
  private final KubernetesNormalization given; // null: the standard rules
  private final IgnoreMatcher ignore;

  /**
   * A differ with the standard Kubernetes rules. They are read on the first comparison, not here,
   * so that a comparison can start loading its sources first.
   */
  public StructuralDiffer(DiffOptions options) {
    this(options, null);
  }

  /**
   * A differ with the given normalization rules.
   *
   * @throws IllegalArgumentException when an ignore rule's jq expression does not compile
   */
  public StructuralDiffer(DiffOptions options, KubernetesNormalization normalization) {
    this.options = options;
    this.given = normalization;
    this.ignore = new IgnoreMatcher(options.ignoreRules());
  }

  public DiffOptions options() {
    return options;
  }

  @Override
  public ResourceDiff diff(Resource left, Resource right) {
    if (left == null && right == null) {
      throw new IllegalArgumentException("nothing to compare: both sides are absent");
    }
    if (left == null || right == null) {
      return oneSided(left, right);
    }
    ResourceKey key = left.key();
    KubernetesNormalization normalization =
        given != null ? given : KubernetesNormalization.standard();
    List<Note> notes = options.collectNotes() ? new ArrayList<>() : null;
    BiConsumer<FieldPath, String> noted =
        notes == null ? NO_NOTES : (p, t) -> notes.add(new Note(p, Note.Kind.OTHER, t));
    ObjectNode l = normalization.prepare(left, noted);
    ObjectNode r = normalization.prepare(right, noted);
    TypeSpec lt = normalization.rootType(left);
    TypeSpec rt = normalization.rootType(right);
    List<IgnoreMatcher.Compiled> rules = ignore.matching(key);
    Set<String> ignoredManagers = IgnoreMatcher.managers(rules);
    boolean symmetric = options.mode() == Mode.SYMMETRIC;
    // The live side's managedFields are read only when a live-only field, an ignore rule or a note
    // needs them: most pairs never do, and reading them costs more than comparing the pair.
    Evidence evidence = symmetric ? null : new Evidence(r, rt, ignoredManagers);
    ManagedFields rightManaged = null;

    Walk walk = new Walk(symmetric, SecretMask.isSecretKind(key), evidence, notes);
    walk.compareObject(l, r, lt, rt);
    List<Difference> differences = walk.differences;

    ManagedFields leftManaged = null;
    if (!rules.isEmpty() && !differences.isEmpty()) {
      leftManaged = ManagedFields.of(l);
      rightManaged = evidence != null ? evidence.managed() : ManagedFields.of(r);
      List<IgnoreMatcher.Active> active = IgnoreMatcher.activate(rules, l, lt, r, rt);
      for (int i = 0; i < differences.size(); i++) {
        Difference d = differences.get(i);
        IgnoreMatcher.Compiled by =
            IgnoreMatcher.ignoring(active, d.path(), leftManaged, rightManaged);
        if (by != null) {
          differences.set(i, d.ignoredBecause(by.reason));
          if (notes != null) {
            notes.add(new Note(d.path(), Note.Kind.IGNORED, by.reason));
          }
        }
      }
    }
    if (notes != null) {
      managerNotes(notes, leftManaged == null ? ManagedFields.of(l) : leftManaged, "left");
      managerNotes(
          notes,
          rightManaged != null
              ? rightManaged
              : evidence != null ? evidence.managed() : ManagedFields.of(r),
          "right");
    }
    boolean drift = false;
    for (Difference d : differences) {
      drift |= d.status().isDrift();
    }
    return new ResourceDiff(
        key,
        left.version(),
        drift ? DriftStatus.CHANGED : DriftStatus.SAME,
        false,
        "",
        sorted(differences),
        notes == null ? List.of() : sortedNotes(notes),
        left,
        right);
  }

  private ResourceDiff oneSided(Resource left, Resource right) {
    List<Note> notes = new ArrayList<>();
    if (right == null) {
      return new ResourceDiff(
          left.key(),
          left.version(),
          DriftStatus.ONLY_LEFT,
          false,
          "",
          List.of(),
          notes,
          left,
          null);
    }
    boolean ignored = false;
    String reason = "";
    if (options.mode() == Mode.DESIRED) {
      Set<String> ignoredManagers = IgnoreMatcher.managers(ignore.matching(right.key()));
      ManagedFields managed = ManagedFields.of(right.document());
      String applied = Evidence.resourceApplied(right.document(), managed, ignoredManagers);
      if (applied == null) {
        ignored = true;
        reason =
            "only on the live side and never applied from the desired side (no last-applied"
                + " annotation, no Apply manager): not drift";
      } else if (options.collectNotes()) {
        notes.add(
            new Note(
                FieldPath.ROOT,
                Note.Kind.APPLIED_BEFORE,
                "only on the live side, but "
                    + applied
                    + ", and since dropped from the desired side"));
      }
      if (ignored && options.collectNotes()) {
        notes.add(new Note(FieldPath.ROOT, Note.Kind.LIVE_ONLY, reason));
      }
    }
    return new ResourceDiff(
        right.key(),
        right.version(),
        DriftStatus.ONLY_RIGHT,
        ignored,
        reason,
        List.of(),
        notes,
        null,
        right);
  }

  private static void managerNotes(List<Note> notes, ManagedFields managed, String side) {
    for (ManagedFields.Entry e : managed.entries()) {
      String text =
          (e.isApply() ? "applied by " : "owned by ") + e.describe() + " on the " + side + " side";
      ManagedFields.forEachOwned(
          e,
          (path, leaf) ->
              notes.add(new Note(path, Note.Kind.MANAGER, leaf ? text : text + " (the entry)")));
    }
  }

  private static List<Difference> sorted(List<Difference> differences) {
    if (differences.size() < 2) {
      return differences;
    }
    List<Difference> copy = new ArrayList<>(differences);
    copy.sort(Comparator.comparing(d -> d.path().toString()));
    return copy;
  }

  private static List<Note> sortedNotes(List<Note> notes) {
    List<Note> copy = new ArrayList<>(notes);
    copy.sort(Comparator.comparing(n -> n.path().toString()));
    return copy;
  }
}
