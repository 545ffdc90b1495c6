package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.FieldPath;

/**
 * One difference inside a resource, at a leaf or at the root of a one-sided entry.
 *
 * @param path where, in keyed-segment form
 * @param status {@code CHANGED}, {@code ONLY_LEFT}, {@code ONLY_RIGHT} or {@code IGNORED}
 * @param left the left value, {@code null} when absent on the left
 * @param right the right value, {@code null} when absent on the right
 * @param reason for {@code IGNORED}: the rule that ignored it (with its config file and line); else
 *     empty
 * @param underlying for {@code IGNORED}: what the difference would have been; else equal to {@code
 *     status}
 */
public record Difference(
    FieldPath path,
    DriftStatus status,
    JsonNode left,
    JsonNode right,
    String reason,
    DriftStatus underlying) {

  public Difference {
    reason = reason == null ? "" : reason;
    underlying = underlying == null ? status : underlying;
  }

  /** A difference that counts as drift. */
  public static Difference of(FieldPath path, DriftStatus status, JsonNode left, JsonNode right) {
    return new Difference(path, status, left, right, "", status);
  }

  /** This difference, marked ignored for {@code why}. */
  public Difference ignoredBecause(String why) {
    return new Difference(path, DriftStatus.IGNORED, left, right, why, underlying);
  }
}
