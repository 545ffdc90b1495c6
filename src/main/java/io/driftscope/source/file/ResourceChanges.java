package io.driftscope.source.file;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What to report between two states of a source: one entry per resource that changed. */
final class ResourceChanges {

  private ResourceChanges() {}

  /**
   * The resources added or whose document or apiVersion changed (with their new state), then the
   * resources removed (with {@code null}). A document that only moved (another file or line) is not
   * a change.
   */
  static List<Map.Entry<ResourceKey, Resource>> between(
      Map<ResourceKey, Resource> before, Map<ResourceKey, Resource> after) {
    List<Map.Entry<ResourceKey, Resource>> changes = new ArrayList<>();
    for (Map.Entry<ResourceKey, Resource> e : after.entrySet()) {
      Resource old = before.get(e.getKey());
      Resource now = e.getValue();
      if (old == null
          || !old.apiVersion().equals(now.apiVersion())
          || !old.document().equals(now.document())) {
        changes.add(e);
      }
    }
    for (ResourceKey key : before.keySet()) {
      if (!after.containsKey(key)) {
        changes.add(new AbstractMap.SimpleImmutableEntry<>(key, null));
      }
    }
    return changes;
  }
}
