package io.driftscope.tui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A small shop application on two sides with a few real drifts, for screen tests. */
final class Shop {

  static final String NS = "shop";
  static final Map<String, String> IGNORED =
      Map.of(
          "/spec/template/spec/containers/name=api/env/name=LOG_LEVEL/value",
          "rule 2, driftscope.yaml:14");

  private Shop() {}

  /** The engine's real differ, symmetric, with the shop's ignored path as a rule. */
  static io.driftscope.diff.ResourceDiffer differ() {
    java.util.List<io.driftscope.normalize.IgnoreRule> rules = new java.util.ArrayList<>();
    for (String path : IGNORED.keySet()) {
      rules.add(io.driftscope.normalize.IgnoreRuleParser.fromFlag("apps/Deployment:" + path));
    }
    return new io.driftscope.diff.StructuralDiffer(
        new io.driftscope.diff.DiffOptions(
            io.driftscope.diff.Mode.SYMMETRIC,
            new io.driftscope.normalize.IgnoreRules(rules),
            true));
  }

  static List<Resource> staging() {
    return List.of(
        deployment("api", 2, "shop/api:1.4.2", "info"),
        deployment("web", 3, "shop/web:2.0.0", "info"),
        deployment("worker", 1, "shop/worker:1.0.0", "info"),
        service("api", 80),
        service("web", 80),
        configMap("feature-flags", "checkout", "on"),
        configMap("settings", "currency", "EUR"),
        secret("db", "cGFzc3dvcmQx"));
  }

  static List<Resource> prod() {
    return List.of(
        deployment("api", 5, "shop/api:1.4.3-hotfix", "debug"),
        deployment("web", 3, "shop/web:2.0.0", "info"),
        deployment("worker", 1, "shop/worker:1.0.0", "info"),
        service("api", 80),
        service("web", 80),
        configMap("legacy-settings", "mode", "old"),
        configMap("settings", "currency", "EUR"),
        secret("db", "cGFzc3dvcmQy"));
  }

  static Resource deployment(String name, int replicas, String image, String logLevel) {
    return resource(
        "apps",
        "apps/v1",
        "Deployment",
        name,
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"%s","namespace":"shop","labels":{"app":"%s"}},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "template":{"spec":{"containers":[{"name":"%s","image":"%s",
            "env":[{"name":"LOG_LEVEL","value":"%s"}]}]}}}}
        """
            .formatted(name, name, replicas, name, name, image, logLevel));
  }

  static Resource service(String name, int port) {
    return resource(
        "",
        "v1",
        "Service",
        name,
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"shop"},
         "spec":{"selector":{"app":"%s"},"ports":[{"port":%d,"protocol":"TCP"}]}}
        """
            .formatted(name, name, port));
  }

  static Resource configMap(String name, String key, String value) {
    return resource(
        "",
        "v1",
        "ConfigMap",
        name,
        """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"shop"},
         "data":{"%s":"%s"}}
        """
            .formatted(name, key, value));
  }

  static Resource secret(String name, String password) {
    return resource(
        "",
        "v1",
        "Secret",
        name,
        """
        {"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","namespace":"shop"},
         "type":"Opaque","data":{"password":"%s","user":"YWRtaW4="}}
        """
            .formatted(name, password));
  }

  static Resource resource(String group, String apiVersion, String kind, String name, String json) {
    try {
      ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(json);
      return new Resource(
          new ResourceKey(group, kind, NS, name), apiVersion, doc, Origin.of("mem"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
