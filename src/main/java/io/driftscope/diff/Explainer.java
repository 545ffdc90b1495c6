package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Resource;
import io.driftscope.normalize.DocumentPaths;
import io.driftscope.normalize.KubernetesNormalization;
import io.driftscope.normalize.Nodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a resource or a field is or is not drift, from a {@link ResourceDiff} computed with
 * notes: the verdict first, then each difference and each piece of evidence (normalization, ignore
 * rule, live-only, manager). Pure; secret values are shown masked.
 */
public final class Explainer {

  private final SecretMask mask;
  private final KubernetesNormalization normalization;

  public Explainer(SecretMask mask) {
    this(mask, KubernetesNormalization.standard());
  }

  public Explainer(SecretMask mask, KubernetesNormalization normalization) {
    this.mask = mask;
    this.normalization = normalization;
  }

  /**
   * Lines explaining {@code diff} at {@code prefix} (the root for the whole resource): a verdict
   * line, then one line per difference and note at, under or above that path.
   */
  public List<String> explain(ResourceDiff diff, FieldPath prefix) {
    List<String> lines = new ArrayList<>();
    String where = diff.key() + (prefix.isRoot() ? "" : ":" + prefix);
    List<Difference> under = new ArrayList<>();
    for (Difference d : diff.differences()) {
      if (d.path().startsWith(prefix) || prefix.startsWith(d.path())) {
        under.add(d);
      }
    }
    lines.add(where + ": " + verdict(diff, prefix, under));
    for (Difference d : under) {
      lines.add("  " + d.path() + ": " + describe(diff, d));
    }
    boolean any = false;
    for (Note n : diff.notes()) {
      if (n.path().startsWith(prefix) || prefix.startsWith(n.path())) {
        lines.add(
            "  " + (n.path().isRoot() ? "/" : n.path()) + ": " + label(n.kind()) + ": " + n.text());
        any = true;
      }
    }
    if (under.isEmpty() && !any && !prefix.isRoot()) {
      lines.add("  " + prefix + ": " + plainly(diff, prefix));
    }
    return lines;
  }

  private static String verdict(ResourceDiff diff, FieldPath prefix, List<Difference> under) {
    if (prefix.isRoot()
        || diff.status() == DriftStatus.ONLY_LEFT
        || diff.status() == DriftStatus.ONLY_RIGHT) {
      String s =
          switch (diff.status()) {
            case SAME -> "same: no drift";
            case CHANGED -> "changed: drift";
            case ONLY_LEFT -> "only on the left side: drift";
            case ONLY_RIGHT ->
                "only on the right side: " + (diff.ignored() ? "not drift" : "drift");
            default -> diff.status().jsonName();
          };
      return diff.ignored() && !diff.reason().isEmpty() ? s + " (" + diff.reason() + ")" : s;
    }
    boolean drift = under.stream().anyMatch(d -> d.status().isDrift());
    if (drift) {
      return "drift";
    }
    if (under.isEmpty()) {
      return "no drift";
    }
    // Ignored differences carry their reason, shown on their lines below.
    return "no drift (the differences are ignored)";
  }

  private String describe(ResourceDiff diff, Difference d) {
    StringBuilder sb = new StringBuilder();
    DriftStatus shown = d.status() == DriftStatus.IGNORED ? d.underlying() : d.status();
    switch (shown) {
      case CHANGED ->
          sb.append("changed from ")
              .append(value(diff, d.path(), d.left()))
              .append(" (left) to ")
              .append(value(diff, d.path(), d.right()))
              .append(" (right)");
      case ONLY_LEFT ->
          sb.append("only on the left side: ").append(value(diff, d.path(), d.left()));
      case ONLY_RIGHT ->
          sb.append("only on the right side: ").append(value(diff, d.path(), d.right()));
      default -> sb.append(shown.jsonName());
    }
    if (d.status() == DriftStatus.IGNORED) {
      sb.append("; not drift, ").append(d.reason());
    } else {
      sb.append("; drift");
    }
    return sb.toString();
  }

  private String value(ResourceDiff diff, FieldPath path, JsonNode v) {
    if (v == null) {
      return "(absent)";
    }
    return SecretMask.isSecretValue(diff.key(), path) ? mask.mask(v) : Nodes.brief(v);
  }

  private String plainly(ResourceDiff diff, FieldPath path) {
    JsonNode l = find(diff.left(), path);
    JsonNode r = find(diff.right(), path);
    if (l == null && r == null) {
      return "absent on both sides";
    }
    if (l == null || r == null) {
      return "present on one side only, and not compared (see the resource's notes)";
    }
    return "equal on both sides: " + value(diff, path, l);
  }

  private JsonNode find(Resource resource, FieldPath path) {
    if (resource == null) {
      return null;
    }
    JsonNode v = DocumentPaths.resolve(resource.document(), normalization.rootType(resource), path);
    return Nodes.isAbsent(v) ? null : v;
  }

  private static String label(Note.Kind kind) {
    return switch (kind) {
      case SERVER_OWNED -> "server-owned, not compared";
      case DEFAULTED -> "equal after defaults";
      case QUANTITY -> "equal as quantities";
      case EMPTY -> "equal as empty values";
      case KEYED_LIST -> "keyed list";
      case LIVE_ONLY -> "live-only, not drift";
      case APPLIED_BEFORE -> "applied before, drift";
      case IGNORED -> "ignored";
      case MANAGER -> "manager";
      case OTHER -> "normalized";
    };
  }
}
