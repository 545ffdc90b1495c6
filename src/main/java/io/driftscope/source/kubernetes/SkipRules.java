package io.driftscope.source.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a Kubernetes source leaves out as noise for drift. An entry is a kind ({@code Event}), a
 * kind in a group ({@code Event.events.k8s.io}), or {@code owned:KIND}: objects of that kind whose
 * {@code ownerReferences} name a controller ({@code controller: true}). Kinds that cannot be both
 * listed and watched (TokenReview, SubjectAccessReview …) are always left out.
 */
final class SkipRules {

  /**
   * The default list, replaced as a whole by the setting {@code kubernetes.skipKinds}: Events (core
   * and {@code events.k8s.io}), Leases, EndpointSlices, Endpoints, ControllerRevisions, and Pods,
   * ReplicaSets and Jobs owned by a controller.
   */
  static final List<String> DEFAULT =
      List.of(
          "Event",
          "Lease",
          "EndpointSlice",
          "Endpoints",
          "ControllerRevision",
          "owned:Pod",
          "owned:ReplicaSet",
          "owned:Job");

  private final List<String> kinds = new ArrayList<>();
  private final List<String> owned = new ArrayList<>();

  SkipRules(Collection<String> entries) {
    for (String e : entries) {
      String t = e.trim();
      if (t.startsWith("owned:")) {
        owned.add(t.substring("owned:".length()));
      } else if (!t.isEmpty()) {
        kinds.add(t);
      }
    }
  }

  /** Rules from a setting value (a list, or a comma-separated string), else the default. */
  static SkipRules of(Object setting) {
    if (setting == null) {
      return new SkipRules(DEFAULT);
    }
    List<String> entries = new ArrayList<>();
    if (setting instanceof Collection<?> c) {
      c.forEach(o -> entries.add(String.valueOf(o)));
    } else {
      entries.addAll(List.of(setting.toString().split(",")));
    }
    return new SkipRules(entries);
  }

  /** Whether a whole kind is skipped. */
  boolean skipsKind(KindInfo k) {
    return matches(kinds, k);
  }

  /** Whether one object is skipped (owned by a controller, for the {@code owned:} kinds). */
  boolean skipsObject(KindInfo k, JsonNode object) {
    if (!matches(owned, k)) {
      return false;
    }
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> entries, KindInfo k) {
    for (String e : entries) {
      if (e.equalsIgnoreCase(k.kind()) || e.equalsIgnoreCase(k.label())) {
        return true;
      }
    }
    return false;
  }
}
