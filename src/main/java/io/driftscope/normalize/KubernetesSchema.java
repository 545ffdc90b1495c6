package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes mini-schema, read once from three data tables under {@code
 * io/driftscope/normalize/kubernetes/}: {@code schema.yaml} (kinds, types, merge keys), {@code
 * defaults.yaml} (the API server's defaults per type) and {@code server-owned.yaml} (fields the
 * server, allocators and controllers write). Immutable and thread-safe once built.
 */
public final class KubernetesSchema {

  private static final String BASE = "/io/driftscope/normalize/kubernetes/";

  private final Map<String, TypeSpec> types = new HashMap<>();
  private final Map<String, TypeSpec> byApiVersionKind = new HashMap<>();
  private final Map<String, TypeSpec> byGroupKind = new HashMap<>();
  private final TypeSpec any;
  private final FieldSpec anyField;
  private final TypeSpec object;

  private static final class Holder {
    static final KubernetesSchema STANDARD = load();
  }

  /** The schema shipped with Driftscope, loaded on first use. */
  public static KubernetesSchema standard() {
    return Holder.STANDARD;
  }

  private static KubernetesSchema load() {
    YAMLMapper yaml = new YAMLMapper();
    try {
      return new KubernetesSchema(
          read(yaml, "schema.yaml"), read(yaml, "defaults.yaml"), read(yaml, "server-owned.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Kubernetes tables", e);
    }
  }

  private static JsonNode read(YAMLMapper yaml, String file) throws IOException {
    try (InputStream in = KubernetesSchema.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IOException("missing resource " + BASE + file);
      }
      return yaml.readTree(in);
    }
  }

  /** Builds a schema from the three tables (tests may pass their own). */
  public KubernetesSchema(JsonNode schema, JsonNode defaults, JsonNode serverOwned) {
    any = new TypeSpec("Any");
    anyField =
        new FieldSpec(FieldSpec.Shape.AUTO, any, List.of(), null, null, null, null, "Any", null);
    any.values = anyField;
    types.put("Any", any);
    Map<String, ObjectNode> raw = new LinkedHashMap<>();
    schema
        .path("types")
        .fields()
        .forEachRemaining(e -> raw.put(e.getKey(), (ObjectNode) e.getValue()));
    for (String name : raw.keySet()) {
      types.put(name, new TypeSpec(name));
    }
    Map<String, FieldSpec> structural = new HashMap<>();
    schema
        .path("structural")
        .fields()
        .forEachRemaining(
            e -> structural.put(e.getKey(), fieldFrom("structural", e.getKey(), e.getValue())));
    any.structural = structural;
    Set<String> done = new HashSet<>();
    for (String name : raw.keySet()) {
      build(name, raw, defaults, serverOwned, done, new HashSet<>());
    }
    for (String name : fieldNames(defaults)) {
      requireType(name, "defaults.yaml");
    }
    for (String name : fieldNames(serverOwned)) {
      requireType(name, "server-owned.yaml");
    }
    object = requireType("Object", "schema.yaml");
    for (JsonNode k : schema.path("kinds")) {
      TypeSpec t = requireType(k.path("type").asText(), "schema.yaml kinds");
      String kind = k.path("kind").asText();
      for (JsonNode av : k.path("apiVersions")) {
        byApiVersionKind.put(av.asText() + "|" + kind, t);
        String group =
            av.asText().contains("/") ? av.asText().substring(0, av.asText().indexOf('/')) : "";
        byGroupKind.putIfAbsent(group + "|" + kind, t);
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private TypeSpec requireType(String name, String where) {
    TypeSpec t = types.get(name);
    if (t == null) {
      throw new IllegalStateException(where + " names an unknown type " + name);
    }
    return t;
  }

  private void build(
      String name,
      Map<String, ObjectNode> raw,
      JsonNode defaults,
      JsonNode serverOwned,
      Set<String> done,
      Set<String> visiting) {
    if (done.contains(name)) {
      return;
    }
    if (!visiting.add(name)) {
      throw new IllegalStateException("schema.yaml: type " + name + " extends itself");
    }
    ObjectNode decl = raw.get(name);
    TypeSpec t = types.get(name);
    t.values = anyField;
    String parent = decl.path("extends").asText(null);
    if (parent != null) {
      requireType(parent, "schema.yaml " + name + ".extends");
      build(parent, raw, defaults, serverOwned, done, visiting);
      TypeSpec p = types.get(parent);
      t.fields.putAll(p.fields);
      t.prefixes.addAll(p.prefixes);
      t.values = p.values;
      t.structural = p.structural;
    }
    if (decl.path("structural").asBoolean(false)) {
      t.structural = any.structural;
    }
    if (decl.has("values")) {
      t.values = fieldFrom(name, "*", decl.get("values"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = decl.path("fields").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      t.fields.put(e.getKey(), fieldFrom(name, e.getKey(), e.getValue()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = defaults.path(name).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldSpec f = t.fields.getOrDefault(e.getKey(), t.values);
      t.fields.put(e.getKey(), withDefault(name, e.getKey(), f, e.getValue()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = serverOwned.path(name).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Strip strip = stripFrom(name, e.getKey(), e.getValue());
      String key = e.getKey();
      if (key.endsWith("*")) {
        String prefix = key.substring(0, key.length() - 1);
        t.prefixes.add(Map.entry(prefix, t.values.with(strip, null, null, null, name + "." + key)));
      } else {
        FieldSpec f = t.fields.getOrDefault(key, t.values);
        t.fields.put(key, f.with(strip, null, null, null, name + "." + key));
      }
    }
    visiting.remove(name);
    done.add(name);
  }

  private FieldSpec withDefault(String type, String field, FieldSpec f, JsonNode value) {
    String owner = type + "." + field;
    if (value.isObject() && value.has("rule")) {
      String ruleName = value.get("rule").asText();
      DefaultRule rule = DefaultRules.named(ruleName);
      if (rule == null) {
        throw new IllegalStateException(
            "defaults.yaml: " + owner + " names an unknown rule " + ruleName);
      }
      return f.with(null, null, rule, value.path("arg").asText(""), owner);
    }
    return f.with(null, value, null, null, owner);
  }

  private static Strip stripFrom(String type, String field, JsonNode v) {
    String kind = v.path("strip").asText("serverOwned");
    Strip.Kind k =
        switch (kind) {
          case "serverOwned" -> Strip.Kind.SERVER_OWNED;
          case "allocated" -> Strip.Kind.ALLOCATED;
          case "notCompared" -> Strip.Kind.NOT_COMPARED;
          default ->
              throw new IllegalStateException(
                  "server-owned.yaml: " + type + "." + field + ": unknown strip kind " + kind);
        };
    List<JsonNode> keep = new ArrayList<>();
    v.path("keep").forEach(keep::add);
    return new Strip(k, v.path("why").asText(""), keep, v.path("when").asText(null));
  }

  private FieldSpec fieldFrom(String type, String field, JsonNode v) {
    String owner = type + "." + field;
    if (v.isTextual()) {
      return shape(v.textValue(), owner);
    }
    FieldSpec f = shape(v.path("type").asText("any"), owner);
    if (v.has("whenPresent")) {
      f = f.whenPresent(v.get("whenPresent").asText());
    }
    return f;
  }

  /**
   * Parses a shape: {@code any}, {@code atomic}, {@code quantity}, {@code Type}, {@code Type[]} (by
   * position), {@code Type[k1,k2]} (keyed), {@code {Shape}} (a map whose values have Shape).
   */
  private FieldSpec shape(String text, String owner) {
    String s = text.trim();
    switch (s) {
      case "any":
        return new FieldSpec(
            FieldSpec.Shape.AUTO, any, List.of(), null, null, null, null, owner, null);
      case "atomic":
        return new FieldSpec(
            FieldSpec.Shape.ATOMIC, any, List.of(), null, null, null, null, owner, null);
      case "quantity":
        return new FieldSpec(
            FieldSpec.Shape.QUANTITY, any, List.of(), null, null, null, null, owner, null);
      default:
        break;
    }
    if (s.startsWith("{") && s.endsWith("}")) {
      FieldSpec values = shape(s.substring(1, s.length() - 1), owner);
      TypeSpec map = new TypeSpec(s);
      map.values = values;
      return new FieldSpec(
          FieldSpec.Shape.OBJECT, map, List.of(), null, null, null, null, owner, null);
    }
    int bracket = s.indexOf('[');
    if (bracket > 0 && s.endsWith("]")) {
      TypeSpec elem = requireType(s.substring(0, bracket), "schema.yaml " + owner);
      String inside = s.substring(bracket + 1, s.length() - 1).trim();
      if (inside.isEmpty()) {
        return new FieldSpec(
            FieldSpec.Shape.LIST, elem, List.of(), null, null, null, null, owner, null);
      }
      List<String> keys = new ArrayList<>();
      for (String k : inside.split(",")) {
        keys.add(k.trim());
      }
      return new FieldSpec(
          FieldSpec.Shape.KEYED_LIST, elem, keys, null, null, null, null, owner, null);
    }
    return new FieldSpec(
        FieldSpec.Shape.OBJECT,
        requireType(s, "schema.yaml " + owner),
        List.of(),
        null,
        null,
        null,
        null,
        owner,
        null);
  }

  /** The type of untyped content (custom resources, undeclared fields). */
  public TypeSpec any() {
    return any;
  }

  /** The spec used for undeclared fields. */
  public FieldSpec anyField() {
    return anyField;
  }

  /** The type named {@code name}, or {@code null}. */
  public TypeSpec type(String name) {
    return types.get(name);
  }

  /**
   * The root type of a document of {@code apiVersion} and {@code kind}: the exact version's, else
   * the group's, else the generic {@code Object} (metadata and status known, the rest structural).
   */
  public TypeSpec rootType(String apiVersion, String kind) {
    TypeSpec t = byApiVersionKind.get(apiVersion + "|" + kind);
    if (t != null) {
      return t;
    }
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    t = byGroupKind.get(group + "|" + kind);
    return t != null ? t : object;
  }
}
