package io.driftscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The discovery and OpenAPI documents of the demo API server, built from its kinds. */
final class Discovery {

  private Discovery() {}

  static ObjectNode apiVersions(String serverAddress) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("kind", "APIVersions");
    n.putArray("versions").add("v1");
    ObjectNode cidr = n.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return n;
  }

  /** The named groups ({@code /apis}); per group the first version seen is preferred. */
  static ObjectNode groups(List<ApiKind> kinds) {
    Map<String, List<String>> versions = new LinkedHashMap<>();
    for (ApiKind k : kinds) {
      if (!k.group().isEmpty()) {
        List<String> list = versions.computeIfAbsent(k.group(), g -> new ArrayList<>());
        if (!list.contains(k.version())) {
          list.add(k.version());
        }
      }
    }
    ObjectNode n = Json.NODES.objectNode();
    n.put("kind", "APIGroupList");
    n.put("apiVersion", "v1");
    ArrayNode groups = n.putArray("groups");
    versions.forEach(
        (group, list) -> {
          ObjectNode g = groups.addObject();
          g.put("name", group);
          ArrayNode vs = g.putArray("versions");
          for (String v : list) {
            ObjectNode gv = vs.addObject();
            gv.put("groupVersion", group + "/" + v);
            gv.put("version", v);
          }
          ObjectNode pref = g.putObject("preferredVersion");
          pref.put("groupVersion", group + "/" + list.get(0));
          pref.put("version", list.get(0));
        });
    return n;
  }

  /** The resources of one group-version, or null when the server does not serve it. */
  static ObjectNode resourceList(List<ApiKind> kinds, String groupVersion) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("kind", "APIResourceList");
    n.put("apiVersion", "v1");
    n.put("groupVersion", groupVersion);
    ArrayNode resources = n.putArray("resources");
    for (ApiKind k : kinds) {
      if (!k.groupVersion().equals(groupVersion)) {
        continue;
      }
      ObjectNode r = resources.addObject();
      r.put("name", k.plural());
      r.put("singularName", k.kind().toLowerCase());
      r.put("namespaced", k.namespaced());
      r.put("kind", k.kind());
      ArrayNode verbs = r.putArray("verbs");
      k.verbs().forEach(verbs::add);
      if (!k.shortNames().isEmpty()) {
        ArrayNode sn = r.putArray("shortNames");
        k.shortNames().forEach(sn::add);
      }
      if (BuiltinKinds.SUBRESOURCES_WITH_STATUS.contains(k.plural())) {
        ObjectNode s = resources.addObject();
        s.put("name", k.plural() + "/status");
        s.put("singularName", "");
        s.put("namespaced", k.namespaced());
        s.put("kind", k.kind());
        s.putArray("verbs").add("get").add("patch").add("update");
      }
    }
    return resources.isEmpty() ? null : n;
  }

  /** The kinds a CustomResourceDefinition adds, one per served version, storage version first. */
  static List<ApiKind> kindsOfCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    JsonNode names = spec.path("names");
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    List<ApiKind> out = new ArrayList<>();
    List<String> shortNames = new ArrayList<>();
    names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
    for (JsonNode v : spec.path("versions")) {
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      ApiKind k =
          new ApiKind(
              group,
              v.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              namespaced,
              ApiKind.ALL_VERBS,
              List.copyOf(shortNames));
      if (v.path("storage").asBoolean(false)) {
        out.add(0, k);
      } else {
        out.add(k);
      }
    }
    return out;
  }

  /** {@code /openapi/v3}: one entry per group-version. */
  static ObjectNode openApiIndex(List<ApiKind> kinds) {
    ObjectNode n = Json.NODES.objectNode();
    ObjectNode paths = n.putObject("paths");
    for (ApiKind k : kinds) {
      String key = k.group().isEmpty() ? "api/" + k.version() : "apis/" + k.groupVersion();
      paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=driftscope");
    }
    return n;
  }

  /**
   * A schema-less OpenAPI v3 document for one group-version whose PATCH operations declare the
   * {@code fieldValidation} parameter, which is what kubectl checks before validating on the
   * server; null when the server does not serve the group-version.
   */
  static ObjectNode openApiDocument(List<ApiKind> kinds, String groupVersion) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    boolean any = false;
    for (ApiKind k : kinds) {
      if (!k.groupVersion().equals(groupVersion)) {
        continue;
      }
      any = true;
      String prefix = k.group().isEmpty() ? "/api/" + k.version() : "/apis/" + k.groupVersion();
      String collection = prefix + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.plural();
      ObjectNode item = paths.putObject(collection + "/{name}");
      for (String op : List.of("get", "put", "patch", "delete")) {
        ObjectNode o = item.putObject(op);
        o.put("operationId", op + k.kind());
        ObjectNode fv = o.putArray("parameters").addObject();
        fv.put("name", op.equals("get") ? "pretty" : "fieldValidation");
        fv.put("in", "query");
        fv.putObject("schema").put("type", "string");
        o.putObject("responses").putObject("200").put("description", "OK");
      }
      ObjectNode coll = paths.putObject(collection);
      for (String op : List.of("get", "post")) {
        ObjectNode o = coll.putObject(op);
        o.put("operationId", op + k.kind() + "List");
        ObjectNode fv = o.putArray("parameters").addObject();
        fv.put("name", op.equals("get") ? "pretty" : "fieldValidation");
        fv.put("in", "query");
        fv.putObject("schema").put("type", "string");
        o.putObject("responses").putObject("200").put("description", "OK");
      }
    }
    doc.putObject("components").putObject("schemas");
    return any ? doc : null;
  }
}
