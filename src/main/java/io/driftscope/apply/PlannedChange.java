package io.driftscope.apply;

import io.driftscope.core.ResourceKey;
import io.driftscope.source.Change;
import java.util.List;

/**
 * The change a plan makes to one target resource.
 *
 * @param key the resource as the comparison tree shows it
 * @param change what the target's applier is asked to do
 * @param steps the change in plain words, one per operation
 * @param exactChange the exact change as text (the JSON Patch, or the document to create), secret
 *     values masked
 * @param warnings what deserves a second look (deletion, replicas going down, secrets, ignored
 *     fields chosen explicitly)
 */
public record PlannedChange(
    ResourceKey key, Change change, List<Step> steps, String exactChange, List<String> warnings) {

  public PlannedChange {
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }
}
