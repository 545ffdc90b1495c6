package io.driftscope.diff;

import io.driftscope.core.DriftStatus;
import java.util.Collection;

/**
 * Counts over a set of resource diffs: {@code same + changed + onlyLeft + onlyRight} is the number
 * of resources; {@code ignored} counts ignored differences and ignored one-sided resources.
 */
public record Summary(int same, int changed, int onlyLeft, int onlyRight, int ignored) {

  public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

  /** The counts of one resource diff. */
  public static Summary of(ResourceDiff d) {
    int ignoredDiffs = 0;
    for (Difference x : d.differences()) {
      if (x.status() == DriftStatus.IGNORED) {
        ignoredDiffs++;
      }
    }
    return new Summary(
        d.status() == DriftStatus.SAME ? 1 : 0,
        d.status() == DriftStatus.CHANGED ? 1 : 0,
        d.status() == DriftStatus.ONLY_LEFT ? 1 : 0,
        d.status() == DriftStatus.ONLY_RIGHT ? 1 : 0,
        ignoredDiffs + (d.ignored() ? 1 : 0));
  }

  /** The counts over many diffs. */
  public static Summary of(Collection<ResourceDiff> diffs) {
    Summary s = EMPTY;
    for (ResourceDiff d : diffs) {
      s = s.plus(of(d));
    }
    return s;
  }

  public Summary plus(Summary o) {
    return new Summary(
        same + o.same,
        changed + o.changed,
        onlyLeft + o.onlyLeft,
        onlyRight + o.onlyRight,
        ignored + o.ignored);
  }

  public Summary minus(Summary o) {
    return new Summary(
        same - o.same,
        changed - o.changed,
        onlyLeft - o.onlyLeft,
        onlyRight - o.onlyRight,
        ignored - o.ignored);
  }

  /** The number of resources. */
  public int resources() {
    return same + changed + onlyLeft + onlyRight;
  }
}
