package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;

/** Writes resources and keys into journal records and reads them back. */
final class ResourceCodec {

  private ResourceCodec() {}

  static ObjectNode key(ResourceKey k) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("group", k.group());
    o.put("kind", k.kind());
    o.put("namespace", k.namespace());
    o.put("name", k.name());
    return o;
  }

  static ResourceKey key(JsonNode o) {
    return new ResourceKey(
        o.path("group").asText(),
        o.path("kind").asText(),
        o.path("namespace").asText(),
        o.path("name").asText());
  }

  static JsonNode resource(Resource r) {
    if (r == null) {
      return Json.NODES.nullNode();
    }
    ObjectNode o = Json.NODES.objectNode();
    o.set("key", key(r.key()));
    o.put("apiVersion", r.apiVersion());
    o.set("document", r.document());
    ObjectNode origin = o.putObject("origin");
    origin.put("location", r.origin().location());
    origin.put("line", r.origin().line());
    origin.put("column", r.origin().column());
    return o;
  }

  static Resource resource(JsonNode o) {
    if (o == null || !o.isObject()) {
      return null;
    }
    JsonNode origin = o.path("origin");
    return new Resource(
        key(o.path("key")),
        o.path("apiVersion").asText(),
        (ObjectNode) o.get("document"),
        new Origin(
            origin.path("location").asText(),
            origin.path("line").asInt(),
            origin.path("column").asInt()));
  }
}
