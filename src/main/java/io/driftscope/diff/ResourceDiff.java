package io.driftscope.diff;

import io.driftscope.core.DriftStatus;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.List;

/**
 * The comparison of one resource across both sides.
 *
 * @param key the pairing key (for one-namespace pairs, the left side's key)
 * @param version the left side's API version, the right's when only right
 * @param status {@code SAME}, {@code CHANGED}, {@code ONLY_LEFT} or {@code ONLY_RIGHT}; a resource
 *     whose differences are all ignored is {@code SAME}
 * @param ignored a one-sided resource that does not count as drift (e.g. live-only, never applied,
 *     in {@code desired} mode; or matched by a rule)
 * @param reason why it is ignored; else empty
 * @param differences every difference, ignored ones included, sorted by path
 * @param notes evidence for explain (may be empty when notes were not collected)
 * @param left the left resource, {@code null} when only right
 * @param right the right resource, {@code null} when only left
 */
public record ResourceDiff(
    ResourceKey key,
    String version,
    DriftStatus status,
    boolean ignored,
    String reason,
    List<Difference> differences,
    List<Note> notes,
    Resource left,
    Resource right) {

  public ResourceDiff {
    reason = reason == null ? "" : reason;
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  /** Whether this resource counts as drift. */
  public boolean isDrift() {
    return status.isDrift() && !ignored;
  }

  /** The differences that count as drift (all but the ignored ones). */
  public List<Difference> drifted() {
    return differences.stream().filter(d -> d.status() != DriftStatus.IGNORED).toList();
  }
}
