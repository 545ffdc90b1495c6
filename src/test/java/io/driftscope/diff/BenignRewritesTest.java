package io.driftscope.diff;

import static io.driftscope.diff.Fixtures.container;
import static io.driftscope.diff.Fixtures.driftPaths;
import static io.driftscope.diff.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rewrites that change a document's spelling but not its meaning are never drift. */
class BenignRewritesTest {

  private static Arguments of(
      String name,
      Mode mode,
      String left,
      String right,
      Consumer<ObjectNode> onLeft,
      Consumer<ObjectNode> onRight) {
    return Arguments.of(name, mode, left, right, onLeft, onRight);
  }

  private static final Consumer<ObjectNode> NONE = d -> {};

  static Stream<Arguments> rewrites() {
    return Stream.of(
        of(
            "keys reordered everywhere (live)",
            Mode.DESIRED,
            "deployment-config.json",
            "deployment-live.json",
            NONE,
            BenignRewritesTest::reverseKeys),
        of(
            "keys reordered everywhere (desired)",
            Mode.DESIRED,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            BenignRewritesTest::reverseKeys,
            NONE),
        of(
            "env reordered",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            NONE,
            d -> reverse((ArrayNode) container(d, "elasticsearch").get("env"))),
        of(
            "volumeMounts reordered",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            NONE,
            d -> reverse((ArrayNode) container(d, "elasticsearch").get("volumeMounts"))),
        of(
            "initContainers reordered",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            NONE,
            d -> reverse((ArrayNode) d.at("/spec/template/spec/initContainers"))),
        of(
            "containers reordered",
            Mode.SYMMETRIC,
            "smd-deploy-live.yaml",
            "smd-deploy-live.yaml",
            BenignRewritesTest::addSidecar,
            d -> {
              addSidecar(d);
              reverse((ArrayNode) d.at("/spec/template/spec/containers"));
            }),
        of(
            "service ports reordered",
            Mode.SYMMETRIC,
            "smd-service-live.yaml",
            "smd-service-live.yaml",
            NONE,
            d -> reverse((ArrayNode) d.at("/spec/ports"))),
        of(
            "service ports reordered (desired)",
            Mode.DESIRED,
            "smd-service-config.yaml",
            "smd-service-live.yaml",
            d -> {
              reverse((ArrayNode) d.at("/spec/ports"));
              ((ObjectNode) d.at("/spec/ports/1")).put("targetPort", 1935);
            },
            NONE),
        of(
            "1Gi vs 1024Mi (storage), 1.5Gi vs 1536Mi (memory)",
            Mode.DESIRED,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            d -> {
              ((ObjectNode) d.at("/spec/volumeClaimTemplates/0/spec/resources/requests"))
                  .put("storage", "30720Mi");
              ((ObjectNode) container(d, "elasticsearch").at("/resources/requests"))
                  .put("memory", "1.5Gi");
            },
            NONE),
        of(
            "0.5 vs 500m, 1 vs 1000m, 25m vs 0.025",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            d -> {
              ObjectNode res = (ObjectNode) container(d, "elasticsearch").get("resources");
              ((ObjectNode) res.get("limits")).put("memory", "0.5");
            },
            d -> {
              ObjectNode res = (ObjectNode) container(d, "elasticsearch").get("resources");
              ((ObjectNode) res.get("limits")).put("memory", "500m").put("cpu", "1000m");
              ((ObjectNode) res.get("requests")).put("cpu", "0.025");
            }),
        of(
            "number vs quantity string",
            Mode.SYMMETRIC,
            "elasticsearch-live.json",
            "elasticsearch-live.json",
            d -> ((ObjectNode) container(d, "elasticsearch").at("/resources/limits")).put("cpu", 1),
            NONE),
        of(
            "added defaults (symmetric: desired vs live)",
            Mode.SYMMETRIC,
            "smd-deploy-config.yaml",
            "smd-deploy-live.yaml",
            NONE,
            NONE),
        of(
            "added defaults (symmetric: apps/v1beta1 StatefulSet)",
            Mode.SYMMETRIC,
            "elasticsearch-config.json",
            "elasticsearch-live.json",
            NONE,
            NONE),
        of(
            "added defaults and allocations (symmetric: Service)",
            Mode.SYMMETRIC,
            "smd-service-live.yaml",
            "smd-service-config.yaml",
            NONE,
            d -> ((ObjectNode) d.at("/spec/ports/1")).put("targetPort", 1935)),
        of(
            "added status, managedFields, uid",
            Mode.SYMMETRIC,
            "deployment-live.json",
            "deployment-live.json",
            d -> {
              d.remove("status");
              ObjectNode meta = (ObjectNode) d.get("metadata");
              meta.remove("uid");
              meta.remove("resourceVersion");
              meta.remove("creationTimestamp");
            },
            d -> {
              ObjectNode meta = (ObjectNode) d.get("metadata");
              meta.put("uid", "another-uid").put("resourceVersion", "1").put("generation", 99);
              meta.set("managedFields", load("smd-deploy-live.yaml").at("/metadata/managedFields"));
              ((ObjectNode) d.get("status")).put("replicas", 7);
            }),
        of(
            "allocated clusterIP and nodePort differ between environments",
            Mode.SYMMETRIC,
            "smd-service-live.yaml",
            "smd-service-live.yaml",
            NONE,
            d -> {
              ObjectNode spec = (ObjectNode) d.get("spec");
              spec.put("clusterIP", "10.0.0.9");
              spec.set("clusterIPs", Json.NODES.arrayNode().add("10.0.0.9"));
              ((ObjectNode) d.at("/spec/ports/0")).put("nodePort", 31000);
            }),
        of(
            "empty vs absent vs null",
            Mode.SYMMETRIC,
            "deployment-live.json",
            "deployment-live.json",
            d -> {
              ObjectNode meta = (ObjectNode) d.get("metadata");
              meta.putNull("finalizers");
              meta.put("generateName", "");
              ((ObjectNode) container(d, "guestbook-ui")).set("args", Json.NODES.arrayNode());
            },
            d -> {
              ObjectNode c = container(d, "guestbook-ui");
              c.remove("resources");
              ((ObjectNode) d.at("/spec/template/spec")).set("tolerations", Json.NODES.nullNode());
            }),
        of(
            "\"100Mi\" in quotes vs plain 100Mi",
            Mode.SYMMETRIC,
            "target-deployment.yaml",
            "target-deployment.yaml",
            d ->
                ((ObjectNode) container(d, "guestbook-ui").at("/resources/requests"))
                    .put("memory", "100Mi"),
            NONE),
        of(
            "last-applied annotation and revision annotation",
            Mode.SYMMETRIC,
            "deployment-config.json",
            "deployment-config.json",
            NONE,
            d ->
                ((ObjectNode) d.at("/metadata"))
                    .putObject("annotations")
                    .put("kubectl.kubernetes.io/last-applied-configuration", "{}")
                    .put("deployment.kubernetes.io/revision", "3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rewrites")
  void isNotDrift(
      String name,
      Mode mode,
      String left,
      String right,
      Consumer<ObjectNode> onLeft,
      Consumer<ObjectNode> onRight) {
    ObjectNode l = load(left);
    ObjectNode r = load(right);
    onLeft.accept(l);
    onRight.accept(r);
    ResourceDiff d = Fixtures.diff(mode, l, r);
    assertEquals(List.of(), driftPaths(d), () -> "differences: " + d.differences());
    assertEquals(DriftStatus.SAME, d.status());
  }

  static void reverse(ArrayNode list) {
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    Collections.reverse(items);
    list.removeAll();
    list.addAll(items);
  }

  static void reverseKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        entries.add(it.next());
      }
      Collections.reverse(entries);
      o.removeAll();
      for (Map.Entry<String, JsonNode> e : entries) {
        reverseKeys(e.getValue());
        o.set(e.getKey(), e.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(BenignRewritesTest::reverseKeys);
    }
  }

  private static void addSidecar(ObjectNode d) {
    ((ArrayNode) d.at("/spec/template/spec/containers"))
        .addObject()
        .put("name", "sidecar")
        .put("image", "busybox:1.36")
        .put("imagePullPolicy", "IfNotPresent");
  }
}
