package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import io.driftscope.normalize.DocumentPaths;
import io.driftscope.normalize.ManagedFields;
import io.driftscope.normalize.TypeSpec;
import java.io.IOException;
import java.util.Set;

/**
 * What a live object shows was applied from the desired side before: its {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation and the fields owned by {@code
 * Apply} managers, both read once, on first need. One per comparison.
 */
final class Evidence {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final JsonNode live;
  private final TypeSpec root;
  private final Set<String> ignoredManagers;
  private JsonNode lastApplied;
  private boolean parsed;
  private ManagedFields managed;

  Evidence(JsonNode live, TypeSpec root, Set<String> ignoredManagers) {
    this.live = live;
    this.root = root;
    this.ignoredManagers = ignoredManagers;
  }

  /** The live object's managed fields, read on first need. */
  ManagedFields managed() {
    if (managed == null) {
      managed = ManagedFields.of(live);
    }
    return managed;
  }

  /**
   * Why {@code path} counts as applied before ("it is in the last-applied annotation", "the Apply
   * manager argocd owns it"), or {@code null} when it does not.
   */
  String appliedBefore(FieldPath path) {
    JsonNode applied = lastApplied();
    if (applied != null) {
      JsonNode v = DocumentPaths.resolve(applied, root, path);
      // An empty parent such as annotations: {} is no evidence; a scalar leaf or an entry is.
      if (v != null && !v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
        return "it is in the last-applied annotation";
      }
    }
    for (ManagedFields.Entry e : managed().entries()) {
      if (e.isApply() && !ignoredManagers.contains(e.manager()) && e.owns(path)) {
        return "the Apply manager " + e.manager() + " owns it";
      }
    }
    return null;
  }

  private JsonNode lastApplied() {
    if (!parsed) {
      parsed = true;
      lastApplied = parseLastApplied(live);
    }
    return lastApplied;
  }

  /** The last-applied document of a live object, or {@code null}. */
  static JsonNode parseLastApplied(JsonNode live) {
    JsonNode text = live.path("metadata").path("annotations").get(LAST_APPLIED);
    if (text == null || !text.isTextual() || text.textValue().isBlank()) {
      return null;
    }
    try {
      JsonNode doc = Json.MAPPER.readTree(text.textValue());
      return doc != null && doc.isObject() ? doc : null;
    } catch (IOException e) {
      // A malformed annotation is no evidence; the comparison goes on without it.
      return null;
    }
  }

  /**
   * Whether a live-only resource shows it was applied before: a last-applied annotation or an
   * {@code Apply} manager not in {@code ignoredManagers}; the reason, or {@code null}.
   */
  static String resourceApplied(JsonNode live, ManagedFields managed, Set<String> ignoredManagers) {
    if (parseLastApplied(live) != null) {
      return "it carries a last-applied annotation";
    }
    for (ManagedFields.Entry e : managed.entries()) {
      if (e.isApply() && !ignoredManagers.contains(e.manager())) {
        return "the Apply manager " + e.manager() + " manages it";
      }
    }
    return null;
  }
}
