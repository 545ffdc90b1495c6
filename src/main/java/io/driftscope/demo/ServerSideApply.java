package io.driftscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply as the demo server does it: each {@code Apply} manager owns the fields of its
 * last applied configuration; applying a field that another Apply manager owns with a different
 * value is a conflict unless forced; fields a manager stops applying are removed unless someone
 * else owns them. {@code metadata.managedFields} lists the Apply managers in the {@code FieldsV1}
 * format. Not modelled: ownership by {@code Update} operations (PUT/PATCH), which real servers also
 * record. Not thread-safe: the dispatcher serialises writes.
 */
final class ServerSideApply {

  /** One step of a field path: a map key, or a keyed list element. */
  sealed interface Step permits Field, Keyed {}

  record Field(String name) implements Step {}

  record Keyed(String key, JsonNode value) implements Step {}

  /** A field another manager owns with a different value. */
  record Conflict(String manager, String field) {}

  /** The object after an apply, or the conflicts that stopped it. */
  record Outcome(ObjectNode object, List<Conflict> conflicts) {}

  private final Map<String, Map<String, Set<List<Step>>>> owners = new HashMap<>();

  /** Forgets the owners of a deleted object. */
  void forget(String objectId) {
    owners.remove(objectId);
  }

  /**
   * Applies {@code applied} over {@code current} (null when the object does not exist yet) for
   * {@code manager}; records ownership only when {@code commit}.
   */
  Outcome apply(
      String objectId,
      ObjectNode current,
      ObjectNode applied,
      String manager,
      boolean force,
      boolean commit) {
    Map<String, Set<List<Step>>> byManager =
        new LinkedHashMap<>(owners.getOrDefault(objectId, Map.of()));
    Set<List<Step>> leaves = new LinkedHashSet<>();
    collect(applied, new ArrayList<>(), leaves, true);
    List<Conflict> conflicts = new ArrayList<>();
    for (List<Step> leaf : leaves) {
      if (leaf.get(leaf.size() - 1) instanceof Keyed || current == null) {
        continue;
      }
      JsonNode now = valueAt(current, leaf);
      if (now != null && now.equals(valueAt(applied, leaf))) {
        continue;
      }
      for (Map.Entry<String, Set<List<Step>>> e : byManager.entrySet()) {
        if (!e.getKey().equals(manager) && e.getValue().contains(leaf)) {
          conflicts.add(new Conflict(e.getKey(), display(leaf)));
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      return new Outcome(null, conflicts);
    }
    for (Map.Entry<String, Set<List<Step>>> e : byManager.entrySet()) {
      if (!e.getKey().equals(manager)) {
        Set<List<Step>> kept = new LinkedHashSet<>(e.getValue());
        if (force) {
          kept.removeAll(leaves);
        }
        e.setValue(kept);
      }
    }
    ObjectNode result =
        (ObjectNode)
            Patches.strategicMerge(current == null ? Json.NODES.objectNode() : current, applied);
    Set<List<Step>> before = byManager.getOrDefault(manager, Set.of());
    for (List<Step> old : before) {
      if (!leaves.contains(old) && !ownedByOthers(byManager, manager, old)) {
        removeAt(result, old);
      }
    }
    byManager.put(manager, leaves);
    byManager.values().removeIf(Set::isEmpty);
    writeManagedFields(result, byManager);
    if (commit) {
      owners.put(objectId, byManager);
    }
    return new Outcome(result, List.of());
  }

  private static boolean ownedByOthers(
      Map<String, Set<List<Step>>> byManager, String manager, List<Step> path) {
    for (Map.Entry<String, Set<List<Step>>> e : byManager.entrySet()) {
      if (e.getKey().equals(manager)) {
        continue;
      }
      for (List<Step> p : e.getValue()) {
        if (p.size() >= path.size() && p.subList(0, path.size()).equals(path)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void collect(JsonNode node, List<Step> prefix, Set<List<Step>> out, boolean top) {
    if (!node.isObject() || node.isEmpty()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String f = e.getKey();
      if (top && (f.equals("apiVersion") || f.equals("kind") || f.equals("status"))) {
        continue;
      }
      if (prefix.size() == 1
          && prefix.get(0).equals(new Field("metadata"))
          && (f.equals("name")
              || f.equals("namespace")
              || f.equals("managedFields")
              || f.equals("resourceVersion"))) {
        continue;
      }
      prefix.add(new Field(f));
      JsonNode v = e.getValue();
      String key = v.isArray() ? Patches.mergeKey(f, v) : null;
      if (key != null) {
        for (JsonNode el : v) {
          prefix.add(new Keyed(key, el.path(key)));
          out.add(List.copyOf(prefix));
          ObjectNode rest = el.deepCopy();
          rest.remove(key);
          if (!rest.isEmpty()) {
            collect(rest, prefix, out, false);
          }
          prefix.remove(prefix.size() - 1);
        }
      } else {
        collect(v, prefix, out, false);
      }
      prefix.remove(prefix.size() - 1);
    }
  }

  private static JsonNode valueAt(JsonNode node, List<Step> path) {
    JsonNode n = node;
    for (Step s : path) {
      if (n == null) {
        return null;
      }
      if (s instanceof Field f) {
        n = n.get(f.name());
      } else if (s instanceof Keyed k) {
        JsonNode found = null;
        for (JsonNode el : n) {
          if (k.value().equals(el.get(k.key()))) {
            found = el;
          }
        }
        n = found;
      }
    }
    return n;
  }

  private static void removeAt(JsonNode root, List<Step> path) {
    JsonNode parent = valueAt(root, path.subList(0, path.size() - 1));
    Step last = path.get(path.size() - 1);
    if (last instanceof Field f && parent instanceof ObjectNode o) {
      o.remove(f.name());
    } else if (last instanceof Keyed k && parent instanceof ArrayNode a) {
      for (int i = a.size() - 1; i >= 0; i--) {
        if (k.value().equals(a.get(i).get(k.key()))) {
          a.remove(i);
        }
      }
    }
  }

  /**
   * {@code .spec.template.spec.containers[name="web"].image}, as real conflict messages name it.
   */
  static String display(List<Step> path) {
    StringBuilder sb = new StringBuilder();
    for (Step s : path) {
      if (s instanceof Field f) {
        sb.append('.').append(f.name());
      } else if (s instanceof Keyed k) {
        sb.append('[').append(k.key()).append('=').append(k.value()).append(']');
      }
    }
    return sb.toString();
  }

  private static void writeManagedFields(
      ObjectNode object, Map<String, Set<List<Step>>> byManager) {
    ArrayNode entries = Json.NODES.arrayNode();
    String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (Map.Entry<String, Set<List<Step>>> e : byManager.entrySet()) {
      ObjectNode fields = Json.NODES.objectNode();
      for (List<Step> leaf : e.getValue()) {
        ObjectNode n = fields;
        for (Step s : leaf) {
          String name;
          if (s instanceof Field f) {
            name = "f:" + f.name();
          } else {
            Keyed k = (Keyed) s;
            name = "k:{\"" + k.key() + "\":" + k.value() + "}";
          }
          n = n.has(name) ? (ObjectNode) n.get(name) : n.putObject(name);
          if (s instanceof Keyed) {
            n.putObject(".");
          }
        }
      }
      ObjectNode entry = entries.addObject();
      entry.put("manager", e.getKey());
      entry.put("operation", "Apply");
      entry.put("apiVersion", object.path("apiVersion").asText());
      entry.put("time", time);
      entry.put("fieldsType", "FieldsV1");
      entry.set("fieldsV1", fields);
    }
    ObjectNode metadata =
        object.has("metadata") ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    metadata.set("managedFields", entries);
  }
}
