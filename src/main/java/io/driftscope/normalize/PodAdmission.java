package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the API server does to a Pod when it is created, and to a Pod only (a workload's pod
 * template keeps what was written), done to both sides before they are compared:
 *
 * <ul>
 *   <li>a container's resource {@code requests} default to its {@code limits} for each resource
 *       that has a limit and no request (Pod defaulting);
 *   <li>the ServiceAccount admission plugin adds a projected volume {@code kube-api-access-XXXXX}
 *       holding the service account token, mounted in every container, under a name that differs
 *       per Pod: it is left out;
 *   <li>the DefaultTolerationSeconds admission plugin adds tolerations of the {@code not-ready} and
 *       {@code unreachable} node taints for 300 s: those exact tolerations are left out.
 * </ul>
 *
 * Never modifies its input: what changes is copied.
 */
public final class PodAdmission implements DocumentTransform {

  private static final String TOKEN_VOLUME_PREFIX = "kube-api-access-";
  private static final String TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  private static final List<String> CONTAINER_LISTS =
      List.of("containers", "initContainers", "ephemeralContainers");
  private static final List<ObjectNode> DEFAULT_TOLERATIONS =
      List.of(
          defaultToleration("node.kubernetes.io/not-ready"),
          defaultToleration("node.kubernetes.io/unreachable"));

  private static ObjectNode defaultToleration(String key) {
    ObjectNode t = Json.NODES.objectNode();
    t.put("key", key);
    t.put("operator", "Exists");
    t.put("effect", "NoExecute");
    t.put("tolerationSeconds", 300);
    return t;
  }

  @Override
  public boolean appliesTo(String group, String kind) {
    return group.isEmpty() && kind.equals("Pod");
  }

  @Override
  public ObjectNode apply(ObjectNode document, BiConsumer<FieldPath, String> noted) {
    if (!(document.get("spec") instanceof ObjectNode spec)) {
      return document;
    }
    ObjectNode newSpec = spec.deepCopy();
    boolean changed = leaveOutTokenVolume(newSpec, noted);
    changed |= requestsFromLimits(newSpec, noted);
    changed |= leaveOutDefaultTolerations(newSpec, noted);
    if (!changed) {
      return document;
    }
    ObjectNode copy = Json.NODES.objectNode();
    copy.setAll(document);
    copy.set("spec", newSpec);
    return copy;
  }

  /** Removes the injected token volumes and their mounts; whether there were any. */
  private static boolean leaveOutTokenVolume(ObjectNode spec, BiConsumer<FieldPath, String> noted) {
    if (!(spec.get("volumes") instanceof ArrayNode volumes)) {
      return false;
    }
    Set<String> removed = new HashSet<>();
    for (int i = volumes.size() - 1; i >= 0; i--) {
      JsonNode v = volumes.get(i);
      String name = v.path("name").asText("");
      if (name.startsWith(TOKEN_VOLUME_PREFIX) && holdsServiceAccountToken(v)) {
        volumes.remove(i);
        removed.add(name);
        noted.accept(
            FieldPath.of("spec", "volumes"),
            "the service account token volume "
                + name
                + " and its mounts, added by the ServiceAccount admission plugin under a name of"
                + " its own in every Pod, are not compared");
      }
    }
    if (removed.isEmpty()) {
      return false;
    }
    if (volumes.isEmpty()) {
      spec.remove("volumes");
    }
    for (String list : CONTAINER_LISTS) {
      for (JsonNode container : spec.path(list)) {
        if (container instanceof ObjectNode c
            && c.get("volumeMounts") instanceof ArrayNode mounts) {
          for (int i = mounts.size() - 1; i >= 0; i--) {
            JsonNode m = mounts.get(i);
            if (removed.contains(m.path("name").asText(""))
                && TOKEN_MOUNT_PATH.equals(m.path("mountPath").asText(""))) {
              mounts.remove(i);
            }
          }
          if (mounts.isEmpty()) {
            c.remove("volumeMounts");
          }
        }
      }
    }
    return true;
  }

  private static boolean holdsServiceAccountToken(JsonNode volume) {
    for (JsonNode source : volume.path("projected").path("sources")) {
      if (source.has("serviceAccountToken")) {
        return true;
      }
    }
    return false;
  }

  /** Gives each resource with a limit and no request the limit as its request. */
  private static boolean requestsFromLimits(ObjectNode spec, BiConsumer<FieldPath, String> noted) {
    boolean changed = false;
    for (String list : CONTAINER_LISTS) {
      for (JsonNode container : spec.path(list)) {
        JsonNode resources = container.path("resources");
        if (!(resources.get("limits") instanceof ObjectNode limits) || limits.isEmpty()) {
          continue;
        }
        ObjectNode r = (ObjectNode) resources;
        ObjectNode requests =
            r.get("requests") instanceof ObjectNode existing ? existing : r.putObject("requests");
        for (Map.Entry<String, JsonNode> limit : limits.properties()) {
          if (!requests.has(limit.getKey())) {
            requests.set(limit.getKey(), limit.getValue());
            changed = true;
            noted.accept(
                FieldPath.of("spec", list),
                "the "
                    + limit.getKey()
                    + " request of container "
                    + container.path("name").asText("")
                    + " defaults to its limit, as the API server sets it on a Pod");
          }
        }
      }
    }
    return changed;
  }

  /** Removes the tolerations DefaultTolerationSeconds adds; whether there were any. */
  private static boolean leaveOutDefaultTolerations(
      ObjectNode spec, BiConsumer<FieldPath, String> noted) {
    if (!(spec.get("tolerations") instanceof ArrayNode tolerations)) {
      return false;
    }
    boolean changed = false;
    for (int i = tolerations.size() - 1; i >= 0; i--) {
      JsonNode t = tolerations.get(i);
      if (DEFAULT_TOLERATIONS.stream().anyMatch(d -> Nodes.deepEquals(d, t))) {
        tolerations.remove(i);
        changed = true;
        noted.accept(
            FieldPath.of("spec", "tolerations"),
            "the toleration of "
                + t.path("key").asText("")
                + " for 300 s, added by the DefaultTolerationSeconds admission plugin, is not"
                + " compared");
      }
    }
    if (changed && tolerations.isEmpty()) {
      spec.remove("tolerations");
    }
    return changed;
  }
}
