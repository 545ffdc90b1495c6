package io.driftscope.compare;

import io.driftscope.core.ResourceKey;
import io.driftscope.diff.Mode;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.Summary;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An immutable picture of a comparison at one instant, pushed to listeners on every change.
 *
 * @param sequence increases with every published view
 * @param left the left side
 * @param right the right side
 * @param mode how the sides are compared
 * @param loaded both sides have loaded and {@code resources} is complete
 * @param resources every paired resource, sorted by key
 * @param summary counts over {@code resources}
 * @param changed the keys whose diff changed since the previous view (empty on a full reload)
 * @param lastChangeAt when the last change arrived from a source, {@code null} before any
 * @param lastChange what it was, e.g. {@code prod Deployment/shop/api}
 * @param notices one-line notices from loading (skipped files, forbidden kinds, mode choice)
 */
public record ComparisonView(
    long sequence,
    SideView left,
    SideView right,
    Mode mode,
    boolean loaded,
    List<ResourceDiff> resources,
    Summary summary,
    Set<ResourceKey> changed,
    Instant lastChangeAt,
    String lastChange,
    List<String> notices) {

  /** No difference and no resource that counts as drift. */
  public boolean inSync() {
    for (ResourceDiff d : resources) {
      if (d.isDrift()) {
        return false;
      }
    }
    return true;
  }
}
