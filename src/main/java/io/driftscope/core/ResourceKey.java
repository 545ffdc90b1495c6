package io.driftscope.core;

import java.util.Objects;

/**
 * Identity of one resource: API group ({@code ""} for the core group), kind, namespace ({@code ""}
 * when cluster-scoped or not namespaced at all) and name.
 */
public record ResourceKey(String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {

  public ResourceKey {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** The group of an {@code apiVersion} such as {@code apps/v1} ({@code ""} for {@code v1}). */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
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

  // Keys are compared, hashed and sorted by the hundred thousand in a comparison: these three are
  // written out rather than left to the record's generated methods and a comparator chain, which
  // cost several times more with the quick compiler.

  /** Ordered by group, kind, namespace and name. */
  @Override
  public int compareTo(ResourceKey o) {
    int c = group.compareTo(o.group);
    if (c == 0) {
      c = kind.compareTo(o.kind);
      if (c == 0) {
        c = namespace.compareTo(o.namespace);
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
            && name.equals(k.name)
            && kind.equals(k.kind)
            && namespace.equals(k.namespace)
            && group.equals(k.group));
  }

  @Override
  public int hashCode() {
    return ((group.hashCode() * 31 + kind.hashCode()) * 31 + namespace.hashCode()) * 31
        + name.hashCode();
  }
}
