package io.driftscope.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Kubernetes kinds are cluster-scoped and which are namespaced, by group and kind. The
 * built-in table ({@code kind-scopes.txt} beside this class) covers Kubernetes' own kinds; {@link
 * #withDefinitions} adds the kinds that CustomResourceDefinition documents declare, and {@link
 * #with} what discovery reports. A kind found nowhere has no known scope and keeps whatever
 * namespace its document has. Immutable and thread-safe.
 */
public final class KindScopes {

  /** The scope of a kind. */
  public enum Scope {
    CLUSTER,
    NAMESPACED
  }

  /** A kind in its API group ({@code ""} for the core group). */
  public record GroupKind(String group, String kind) {
    public GroupKind {
      group = group == null ? "" : group;
      Objects.requireNonNull(kind, "kind");
    }

    /** Parses {@code KIND[.GROUP]}, e.g. {@code ClusterRole.rbac.authorization.k8s.io}. */
    public static GroupKind parse(String text) {
      int dot = text.indexOf('.');
      return dot < 0
          ? new GroupKind("", text)
          : new GroupKind(text.substring(dot + 1), text.substring(0, dot));
    }
  }

  /**
   * The {@code SourceContext} setting under which a caller may hand a source a table to start from
   * (e.g. with kinds discovered on the other side).
   */
  public static final String SETTING = "kubernetes.kindScopes";

  private static final String TABLE = "kind-scopes.txt";
  private static final KindScopes BUILT_IN = new KindScopes(readTable());

  private final Map<GroupKind, Scope> scopes;

  private KindScopes(Map<GroupKind, Scope> scopes) {
    this.scopes = Map.copyOf(scopes);
  }

  /** The table of Kubernetes' built-in kinds. */
  public static KindScopes builtIn() {
    return BUILT_IN;
  }

  /** The scope of a kind, when known. */
  public Optional<Scope> scopeOf(String group, String kind) {
    return Optional.ofNullable(scopes.get(new GroupKind(group, kind)));
  }

  /** Whether a kind is known to be cluster-scoped. */
  public boolean isClusterScoped(String group, String kind) {
    return scopes.get(new GroupKind(group, kind)) == Scope.CLUSTER;
  }

  /**
   * The namespace a resource of this kind belongs to: {@code ""} for a cluster-scoped kind; for a
   * namespaced kind the document's namespace, else {@code defaultNamespace}; for a kind of unknown
   * scope the document's namespace, or {@code ""} when it has none.
   *
   * @param documentNamespace {@code metadata.namespace} of the document, or {@code null}/{@code ""}
   *     when absent
   */
  public String namespaceFor(
      String group, String kind, String documentNamespace, String defaultNamespace) {
    boolean hasOwn = documentNamespace != null && !documentNamespace.isEmpty();
    Scope scope = scopes.get(new GroupKind(group, kind));
    if (scope == Scope.CLUSTER) {
      return "";
    }
    if (scope == Scope.NAMESPACED) {
      return hasOwn ? documentNamespace : defaultNamespace;
    }
    return hasOwn ? documentNamespace : "";
  }

  /** This table with one kind's scope set (overriding what it said before). */
  public KindScopes with(String group, String kind, Scope scope) {
    GroupKind key = new GroupKind(group, kind);
    if (scopes.get(key) == scope) {
      return this;
    }
    Map<GroupKind, Scope> copy = new HashMap<>(scopes);
    copy.put(key, scope);
    return new KindScopes(copy);
  }

  /**
   * This table extended by the kinds that the CustomResourceDefinition documents among {@code
   * documents} declare; other documents are ignored.
   */
  public KindScopes withDefinitions(Iterable<? extends JsonNode> documents) {
    Map<GroupKind, Scope> copy = null;
    for (JsonNode doc : documents) {
      Optional<Map.Entry<GroupKind, Scope>> def = definitionOf(doc);
      if (def.isPresent() && scopes.get(def.get().getKey()) != def.get().getValue()) {
        if (copy == null) {
          copy = new HashMap<>(scopes);
        }
        copy.put(def.get().getKey(), def.get().getValue());
      }
    }
    return copy == null ? this : new KindScopes(copy);
  }

  /**
   * The kind and scope a CustomResourceDefinition document declares ({@code spec.group}, {@code
   * spec.names.kind}, {@code spec.scope}); empty for any other document or an incomplete one.
   */
  public static Optional<Map.Entry<GroupKind, Scope>> definitionOf(JsonNode doc) {
    if (!isDefinition(doc)) {
      return Optional.empty();
    }
    JsonNode spec = doc.path("spec");
    String group = spec.path("group").asText("");
    String kind = spec.path("names").path("kind").asText("");
    String scope = spec.path("scope").asText("");
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Scope parsed =
        switch (scope) {
          case "Cluster" -> Scope.CLUSTER;
          case "Namespaced" -> Scope.NAMESPACED;
          default -> null;
        };
    return parsed == null
        ? Optional.empty()
        : Optional.of(Map.entry(new GroupKind(group, kind), parsed));
  }

  /** Whether a document is a CustomResourceDefinition. */
  public static boolean isDefinition(JsonNode doc) {
    return doc != null
        && "CustomResourceDefinition".equals(doc.path("kind").asText())
        && "apiextensions.k8s.io".equals(ResourceKey.groupOf(doc.path("apiVersion").asText()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KindScopes other && other.scopes.equals(scopes);
  }

  @Override
  public int hashCode() {
    return scopes.hashCode();
  }

  private static Map<GroupKind, Scope> readTable() {
    Map<GroupKind, Scope> table = new HashMap<>();
    try (InputStream in = KindScopes.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TABLE + " beside KindScopes");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Scope current = null;
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        switch (line) {
          case "[cluster]" -> current = Scope.CLUSTER;
          case "[namespaced]" -> current = Scope.NAMESPACED;
          default -> {
            if (current == null) {
              throw new IllegalStateException(
                  TABLE + ":" + number + ": a kind before any [cluster] or [namespaced] header");
            }
            table.put(GroupKind.parse(line), current);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
