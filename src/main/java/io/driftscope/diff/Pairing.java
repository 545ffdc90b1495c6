package io.driftscope.diff;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairs the resources of two sides by identity. When each side holds at most one namespace,
 * namespaced resources pair by group, kind and name, and the namespace is not compared; otherwise
 * the namespace is part of the key, and the namespace map (left name → right name) pairs namespaces
 * with different names.
 */
public final class Pairing {

  /** Two resources with the same identity, either of which may be absent. */
  public record Pair(ResourceKey key, Resource left, Resource right) {}

  private final Map<String, String> namespaceMap;

  /** A pairing with the given namespace map (left namespace → right namespace). */
  public Pairing(Map<String, String> namespaceMap) {
    this.namespaceMap = Map.copyOf(namespaceMap);
  }

  /** A pairing without a namespace map. */
  public static Pairing plain() {
    return new Pairing(Map.of());
  }

  /**
   * The key function for these two sides: what a resource of each side pairs by. Decided from the
   * namespaces the sides hold; a change in that set needs a new keyer.
   */
  public Keyer keyer(Collection<Resource> left, Collection<Resource> right) {
    return keyer(namespaces(left).size() <= 1 && namespaces(right).size() <= 1);
  }

  /** The key function when each side holds at most one namespace ({@code singleNamespace}). */
  public Keyer keyer(boolean singleNamespace) {
    return new Keyer(singleNamespace, namespaceMap);
  }

  /** The namespaces of the namespaced resources among {@code resources}. */
  public static Set<String> namespaces(Collection<Resource> resources) {
    Set<String> set = new HashSet<>();
    for (Resource r : resources) {
      if (!r.key().namespace().isEmpty()) {
        set.add(r.key().namespace());
      }
    }
    return set;
  }

  /** Pairs two sides; the result is sorted by key. */
  public List<Pair> pair(Collection<Resource> left, Collection<Resource> right) {
    Keyer keyer = keyer(left, right);
    Map<ResourceKey, Resource> rightByMatch = new HashMap<>();
    for (Resource r : right) {
      rightByMatch.put(keyer.match(r.key(), false), r);
    }
    TreeMap<ResourceKey, Pair> pairs = new TreeMap<>();
    for (Resource l : left) {
      Resource r = rightByMatch.remove(keyer.match(l.key(), true));
      pairs.put(l.key(), new Pair(l.key(), l, r));
    }
    for (Resource r : rightByMatch.values()) {
      pairs.put(r.key(), new Pair(r.key(), null, r));
    }
    return new ArrayList<>(pairs.values());
  }

  /** Computes the key a resource pairs by. */
  public record Keyer(boolean singleNamespace, Map<String, String> namespaceMap) {

    /** Whether every resource of the left ({@code isLeft}) or right side pairs by its own key. */
    public boolean keepsKeys(boolean isLeft) {
      return !singleNamespace && (!isLeft || namespaceMap.isEmpty());
    }

    /** The pairing key of a resource of the left ({@code isLeft}) or right side. */
    public ResourceKey match(ResourceKey key, boolean isLeft) {
      if (key.namespace().isEmpty()) {
        return key;
      }
      if (singleNamespace) {
        return key.withNamespace("*");
      }
      if (isLeft) {
        String mapped = namespaceMap.get(key.namespace());
        return mapped == null ? key : key.withNamespace(mapped);
      }
      return key;
    }
  }
}
