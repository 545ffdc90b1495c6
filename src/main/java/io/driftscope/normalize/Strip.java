package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A row of the server-owned fields table: a field that is not compared because the API server, an
 * allocator or a controller writes it.
 *
 * @param kind how the field is owned
 * @param why the sentence {@code explain} cites
 * @param keep values a person chooses (e.g. {@code None} for a headless Service's clusterIP): when
 *     either side holds one, the field is compared
 * @param when a sibling field that must be present on either side for the row to apply (e.g. a
 *     ClusterRole's {@code aggregationRule}); {@code null} when unconditional
 */
public record Strip(Kind kind, String why, List<JsonNode> keep, String when) {

  /** How a stripped field is owned. */
  public enum Kind {
    /** Always written by the server (status, uid …): never compared. */
    SERVER_OWNED,
    /**
     * Allocated by the control plane (clusterIP, nodePort …): not compared when one side lacks it
     * or between two environments (symmetric); compared in desired mode when both sides hold it.
     */
    ALLOCATED,
    /** Part of the pairing, not of the comparison (apiVersion, kind, namespace). */
    NOT_COMPARED
  }

  public Strip {
    keep = List.copyOf(keep);
  }

  /**
   * Whether the field is skipped, given both values and both parent objects; {@code symmetric} when
   * both sides are environments (no side is the desired state).
   */
  public boolean applies(
      JsonNode left, JsonNode right, JsonNode leftParent, JsonNode rightParent, boolean symmetric) {
    if (when != null && !present(leftParent, when) && !present(rightParent, when)) {
      return false;
    }
    if (kind != Kind.ALLOCATED) {
      return true;
    }
    if (!keep.isEmpty() && (kept(left) || kept(right))) {
      return false;
    }
    if (Nodes.isAbsent(left) || Nodes.isAbsent(right)) {
      return true;
    }
    return symmetric;
  }

  private static boolean present(JsonNode parent, String field) {
    return parent != null && !Nodes.isAbsent(parent.get(field));
  }

  private boolean kept(JsonNode value) {
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode v : value) {
        if (keep.contains(v)) {
          return true;
        }
      }
      return false;
    }
    return keep.contains(value);
  }
}
