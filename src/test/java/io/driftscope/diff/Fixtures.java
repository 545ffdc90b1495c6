package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.normalize.IgnoreRule;
import io.driftscope.normalize.IgnoreRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the fixture documents and builds resources and differs for the tests. */
final class Fixtures {

  static final String DIR = "/fixtures/kubernetes-live-vs-desired/";
  private static final YAMLMapper YAML = new YAMLMapper();

  private Fixtures() {}

  /** A fresh copy of a fixture document (JSON files read as YAML, which they also are). */
  static ObjectNode load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document from YAML text. */
  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any YAML value (a list, a scalar …). */
  static JsonNode yamlValue(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource of a document, keyed by its apiVersion, kind, namespace and name. */
  static Resource resource(ObjectNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    JsonNode meta = doc.path("metadata");
    ResourceKey key =
        new ResourceKey(
            ResourceKey.groupOf(apiVersion),
            doc.path("kind").asText(),
            meta.path("namespace").asText(""),
            meta.path("name").asText());
    return new Resource(key, apiVersion, doc, Origin.of("test"));
  }

  static Resource resource(String name) {
    return resource(load(name));
  }

  static StructuralDiffer differ(Mode mode, IgnoreRule... rules) {
    return new StructuralDiffer(new DiffOptions(mode, new IgnoreRules(List.of(rules)), true));
  }

  static ResourceDiff diff(Mode mode, ObjectNode left, ObjectNode right, IgnoreRule... rules) {
    return differ(mode, rules).diff(resource(left), resource(right));
  }

  /** The paths of the differences that count as drift. */
  static List<String> driftPaths(ResourceDiff d) {
    return d.drifted().stream().map(x -> x.path().toString()).toList();
  }

  /** The container named {@code name} of a workload's pod template. */
  static ObjectNode container(ObjectNode doc, String name) {
    for (JsonNode c : (ArrayNode) doc.at("/spec/template/spec/containers")) {
      if (c.path("name").asText().equals(name)) {
        return (ObjectNode) c;
      }
    }
    throw new IllegalArgumentException("no container " + name);
  }
}
