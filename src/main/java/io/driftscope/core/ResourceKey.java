package io.driftscope.core;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identity of one resource: API group ({@code ""} for the core group), kind, namespace ({@code ""}
 * when cluster-scoped or not namespaced at all) and name. A value: equal keys are interchangeable.
 *
 * <p>Keys are hashed, compared and sorted by the hundred thousand in a comparison, so this is a
 * class rather than a record: it keeps its hash, and its methods are written out (the record's
 * generated ones and a comparator chain cost several times more with the quick compiler).
 */
public final class ResourceKey implements Comparable<ResourceKey> {

  /** The group strings shared by {@link #groupOf}; at most this many, whatever the input holds. */
  private static final int MAX_GROUPS = 10_000;

  private static final ConcurrentHashMap<String, String> GROUPS = new ConcurrentHashMap<>();

  private final String group;
  private final String kind;
  private final String namespace;
  private final String name;
  private final int hash;

  public ResourceKey(String group, String kind, String namespace, String name) {
    this.group = group == null ? "" : group;
    this.namespace = namespace == null ? "" : namespace;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
    this.hash =
        ((this.group.hashCode() * 31 + kind.hashCode()) * 31 + this.namespace.hashCode()) * 31
            + name.hashCode();
  }

  /** The API group, {@code ""} for the core group. */
  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  /** The namespace, {@code ""} when cluster-scoped or not namespaced. */
  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The group of an {@code apiVersion} such as {@code apps/v1} ({@code ""} for {@code v1}). */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return "";
    }
    // One string per group, so that keys compare their groups by identity.
    String group = apiVersion.substring(0, slash);
    String shared = GROUPS.get(group);
    if (shared != null) {
      return shared;
    }
    if (GROUPS.size() < MAX_GROUPS) {
      shared = GROUPS.putIfAbsent(group, group);
    }
    return shared != null ? shared : group;
  }

  /** The version of an {@code apiVersion} such as {@code apps/v1} ({@code v1}). */
  public static String versionOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** The same key in another namespace. */
  public ResourceKey withNamespace(String otherNamespace) {
    return new ResourceKey(group, kind, otherNamespace, name);
  }

  /** {@code KIND[.GROUP]} as written on the command line. */
  public String kindWithGroup() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** The command-line form {@code KIND[.GROUP]/[NAMESPACE/]NAME}. */
  @Override
  public String toString() {
    return kindWithGroup() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  /** A shorter display form {@code Kind/[namespace/]name}, without the group. */
  public String shortName() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  /**
   * Parses {@code KIND[.GROUP]/[NAMESPACE/]NAME}. The namespace is {@code null}-free: a missing
   * namespace parses as {@code ""}, meaning "any namespace" to {@link #matches}.
   */
  public static ResourceKey parse(String text) {
    int firstSlash = text.indexOf('/');
    if (firstSlash <= 0 || firstSlash == text.length() - 1) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a resource: write KIND[.GROUP]/[NAMESPACE/]NAME, e.g. Deployment.apps/shop/api");
    }
    String kindPart = text.substring(0, firstSlash);
    String rest = text.substring(firstSlash + 1);
    int dot = kindPart.indexOf('.');
    String kind = dot < 0 ? kindPart : kindPart.substring(0, dot);
    String group = dot < 0 ? null : kindPart.substring(dot + 1);
    int slash = rest.indexOf('/');
    String namespace = slash < 0 ? "" : rest.substring(0, slash);
    String name = slash < 0 ? rest : rest.substring(slash + 1);
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a resource: write KIND[.GROUP]/[NAMESPACE/]NAME");
    }
    return new ResourceKey(group == null ? "*" : group, kind, namespace, name);
  }

  /**
   * Whether this key, parsed from user input, names {@code other}: kind compared ignoring case, a
   * group of {@code *} (none written) matches any group, an empty namespace matches any namespace.
   */
  public boolean matches(ResourceKey other) {
    return kind.equalsIgnoreCase(other.kind)
        && ("*".equals(group) || group.equals(other.group))
        && (namespace.isEmpty() || namespace.equals(other.namespace))
        && name.equals(other.name);
  }

  /** Ordered by group, kind, namespace and name. */
  @Override
  public int compareTo(ResourceKey o) {
    // Most keys share their group, kind and namespace strings: identity settles those first.
    int c = group == o.group ? 0 : group.compareTo(o.group);
    if (c == 0) {
      c = kind == o.kind ? 0 : kind.compareTo(o.kind);
      if (c == 0) {
        c = namespace == o.namespace ? 0 : namespace.compareTo(o.namespace);
        if (c == 0) {
          c = name.compareTo(o.name);
        }
      }
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof ResourceKey k
            && hash == k.hash
            && name.equals(k.name)
            && kind.equals(k.kind)
            && namespace.equals(k.namespace)
            && group.equals(k.group));
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
