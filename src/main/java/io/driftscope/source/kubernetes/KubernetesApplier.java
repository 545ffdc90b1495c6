package io.driftscope.source.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.Applied;
import io.driftscope.source.Applier;
import io.driftscope.source.ApplyException;
import io.driftscope.source.Change;
import io.driftscope.source.JsonDiff;
import io.driftscope.source.JsonPatch;
import io.driftscope.source.PatchOp;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes changes into a Kubernetes cluster through its REST API, as a real API server documents it:
 * a {@link Change.Patch} is a JSON Patch ({@code application/json-patch+json}) whose {@code test}
 * operations guard the old values and whose first operation tests the {@code resourceVersion} that
 * was diffed; a create is a POST; a delete and a replace (undo) first check that the object is
 * still as seen apart from what the cluster maintains itself (status, resourceVersion …), then go
 * with {@code uid} and {@code resourceVersion} preconditions (a PUT with the live version). A dry
 * run sends the same request with {@code dryRun=All}. A 409, or a 422 caused by a failed {@code
 * test}, means the object changed since it was read.
 *
 * <p>A {@link Change.Apply} is server-side apply: a PATCH of the whole desired object (server-owned
 * fields removed) as {@code application/apply-patch+yaml} (JSON is YAML) with {@code
 * fieldManager=driftscope}, and {@code force=true} only when the change forces. An existing target
 * is first checked to be as seen. A 409 names the fields and the managers owning them ({@link
 * ApplyException.Kind#CONFLICT}).
 */
final class KubernetesApplier implements Applier {

  private static final long TIMEOUT_SECONDS = 30;

  private static final String APPLY_PATCH = "application/apply-patch+yaml";

  private static final List<String> SERVER_OWNED_METADATA =
      List.of(
          "managedFields",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** Where one kind is served. */
  private record Endpoint(String apiPath, String plural, boolean namespaced) {}

  private final KubernetesClient client;
  private final String spec;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  KubernetesApplier(KubernetesClient client, String spec) {
    this.client = client;
    this.spec = spec;
  }

  @Override
  public String versionOf(Resource resource) {
    String rv = resource.document().path("metadata").path("resourceVersion").asText("");
    return rv.isEmpty() ? "" : "resourceVersion " + rv;
  }

  @Override
  public Applied dryRun(Change change) throws ApplyException {
    return send(change, true);
  }

  @Override
  public Applied apply(Change change, String runId) throws ApplyException {
    return send(change, false);
  }

  private Applied send(Change change, boolean dryRun) throws ApplyException {
    ResourceKey key = change.key();
    String apiVersion =
        change instanceof Change.Create c
            ? c.document().path("apiVersion").asText()
            : change instanceof Change.Apply a
                ? a.document().path("apiVersion").asText()
                : change.current().apiVersion();
    Endpoint e = endpoint(key, apiVersion);
    String collection =
        client.getMasterUrl().toString().replaceAll("/$", "")
            + e.apiPath()
            + (e.namespaced() ? "/namespaces/" + key.namespace() : "")
            + "/"
            + e.plural();
    String object = collection + "/" + key.name();
    String query = dryRun ? "?dryRun=All" : "";
    HttpRequest.Builder req = client.getHttpClient().newHttpRequestBuilder();
    String exact;
    if (change instanceof Change.Patch p) {
      List<PatchOp> ops = new ArrayList<>();
      String rv = p.current().document().path("metadata").path("resourceVersion").asText("");
      if (!rv.isEmpty()) {
        ops.add(PatchOp.test("/metadata/resourceVersion", Json.NODES.textNode(rv)));
      }
      ops.addAll(p.ops());
      ArrayNode body = Json.NODES.arrayNode();
      ops.forEach(op -> body.add(op.toJson()));
      req.uri(object + query).patch("application/json-patch+json", body.toString());
      exact = "PATCH " + path(object) + "\n" + JsonPatch.toText(masked(key, ops));
    } else if (change instanceof Change.Apply a) {
      if (a.current() != null) {
        unchangedSince(a.current(), object);
      }
      ObjectNode doc = a.document().deepCopy();
      stripServerOwned(doc);
      ObjectNode meta = doc.withObjectProperty("metadata");
      meta.put("name", key.name());
      if (e.namespaced()) {
        meta.put("namespace", key.namespace());
      }
      String options =
          "?fieldManager=" + Change.Apply.FIELD_MANAGER + (a.force() ? "&force=true" : "");
      req.uri(object + options + (dryRun ? "&dryRun=All" : "")).patch(APPLY_PATCH, doc.toString());
      exact = "PATCH " + path(object) + options + "\n" + maskedDoc(key, doc).toPrettyString();
    } else if (change instanceof Change.Create c) {
      ObjectNode doc = c.document().deepCopy();
      if (e.namespaced()) {
        doc.withObjectProperty("metadata").put("namespace", key.namespace());
      }
      req.uri(collection + query).post("application/json", doc.toString());
      exact = "POST " + path(collection) + "\n" + maskedDoc(key, doc).toPrettyString();
    } else if (change instanceof Change.Delete d) {
      ObjectNode options = Json.NODES.objectNode();
      options.put("kind", "DeleteOptions");
      options.put("apiVersion", "v1");
      ObjectNode pre = options.putObject("preconditions");
      JsonNode meta = unchangedSince(d.current(), object).path("metadata");
      if (meta.hasNonNull("uid")) {
        pre.put("uid", meta.get("uid").asText());
      }
      if (meta.hasNonNull("resourceVersion")) {
        pre.put("resourceVersion", meta.get("resourceVersion").asText());
      }
      req.uri(object + query).delete("application/json", options.toString());
      exact = "DELETE " + path(object) + "\n" + options.toPrettyString();
    } else {
      Change.Replace r = (Change.Replace) change;
      ObjectNode doc = r.document().deepCopy();
      ObjectNode meta = doc.withObjectProperty("metadata");
      JsonNode live = unchangedSince(r.current(), object);
      meta.put("resourceVersion", live.path("metadata").path("resourceVersion").asText(""));
      meta.remove("managedFields");
      doc.remove("status");
      req.uri(object + query).put("application/json", doc.toString());
      exact = "PUT " + path(object) + "\n" + maskedDoc(key, doc).toPrettyString();
    }
    HttpResponse<String> resp;
    try {
      resp =
          client
              .getHttpClient()
              .sendAsync(req.build(), String.class)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new ApplyException(ApplyException.Kind.FAILED, key, "interrupted");
    } catch (ExecutionException | TimeoutException x) {
      throw new ApplyException(
          ApplyException.Kind.FAILED, key, spec + ": " + Failures.rootMessage(x), x);
    }
    int code = resp.code();
    JsonNode body = parse(resp.body());
    if (code >= 200 && code < 300) {
      Resource after =
          change instanceof Change.Delete || !(body instanceof ObjectNode o)
              ? null
              : new Resource(key, o.path("apiVersion").asText(apiVersion), o, Origin.of(spec));
      return new Applied(key, after, exact, "");
    }
    throw failure(change, code, body, dryRun);
  }

  /** Removes what the server owns from a document sent by server-side apply. */
  private static void stripServerOwned(ObjectNode doc) {
    doc.remove("status");
    if (doc.get("metadata") instanceof ObjectNode meta) {
      meta.remove(SERVER_OWNED_METADATA);
      if (meta.get("annotations") instanceof ObjectNode ann) {
        ann.remove(LAST_APPLIED);
        if (ann.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
  }

  /**
   * A 409 to a server-side apply: the fields and the managers that own them, from the Status's
   * causes (or its message when it has none).
   */
  private static ApplyException conflict(Change.Apply a, JsonNode status) {
    List<String> owned = new ArrayList<>();
    for (JsonNode c : status.path("details").path("causes")) {
      String field = c.path("field").asText("");
      String message = c.path("message").asText("");
      int open = message.indexOf('"');
      int close = open < 0 ? -1 : message.indexOf('"', open + 1);
      String manager = close > open ? message.substring(open + 1, close) : message;
      owned.add(
          (field.isEmpty() ? "a field" : field)
              + " is owned by "
              + (manager.isEmpty() ? "another field manager" : manager));
    }
    String what =
        owned.isEmpty()
            ? status.path("message").asText("HTTP 409").replace('\n', ' ')
            : String.join(", ", owned);
    return new ApplyException(
        ApplyException.Kind.CONFLICT,
        a.key(),
        what
            + (a.force()
                ? "; forcing did not take it over"
                : "; re-run with --force-conflicts to take it over"));
  }

  /** A copy without the fields the cluster changes by itself. */
  private static JsonNode ownFields(JsonNode doc) {
    ObjectNode copy = doc.deepCopy();
    copy.remove("status");
    if (copy.get("metadata") instanceof ObjectNode meta) {
      meta.remove(List.of("resourceVersion", "generation", "managedFields"));
      if (meta.get("annotations") instanceof ObjectNode ann) {
        ann.remove("deployment.kubernetes.io/revision");
        if (ann.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
    return copy;
  }

  /**
   * The live object, after checking that it is still {@code seen} apart from what the cluster
   * maintains itself (status, resourceVersion, generation, managedFields); a delete or replace then
   * goes with the live resourceVersion, so a write in between still fails with 409.
   */
  private JsonNode unchangedSince(Resource seen, String object) throws ApplyException {
    ResourceKey key = seen.key();
    HttpResponse<String> resp;
    try {
      resp =
          client
              .getHttpClient()
              .sendAsync(
                  client.getHttpClient().newHttpRequestBuilder().uri(object).build(), String.class)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new ApplyException(ApplyException.Kind.FAILED, key, "interrupted");
    } catch (ExecutionException | TimeoutException x) {
      throw new ApplyException(
          ApplyException.Kind.FAILED, key, spec + ": " + Failures.rootMessage(x), x);
    }
    if (resp.code() == 404) {
      throw new ApplyException(
          ApplyException.Kind.CHANGED_SINCE,
          key,
          "it no longer exists in " + spec + "; reload and try again");
    }
    JsonNode live = parse(resp.body());
    if (resp.code() != 200) {
      throw failure(new Change.Delete(seen), resp.code(), live, false);
    }
    List<PatchOp> changed = JsonDiff.diffUnguarded(ownFields(seen.document()), ownFields(live));
    if (!changed.isEmpty()) {
      throw new ApplyException(
          ApplyException.Kind.CHANGED_SINCE,
          key,
          changed.get(0).path() + " changed in " + spec + "; reload and try again");
    }
    return live;
  }

  private ApplyException failure(Change change, int code, JsonNode status, boolean dryRun) {
    ResourceKey key = change.key();
    String message = status.path("message").asText("HTTP " + code);
    StringBuilder causes = new StringBuilder();
    for (JsonNode c : status.path("details").path("causes")) {
      causes.append(' ').append(c.path("message").asText());
    }
    String all = (message + causes).trim();
    if (code == 409 && change instanceof Change.Apply a) {
      return conflict(a, status);
    }
    boolean testFailed = code == 422 && all.contains("test");
    boolean creating =
        change instanceof Change.Create || change instanceof Change.Apply a && a.current() == null;
    if (code == 409 || testFailed || (code == 404 && !creating)) {
      String why =
          code == 404
              ? "it no longer exists in " + spec
              : code == 409 && change instanceof Change.Create
                  ? "it exists already in " + spec
                  : all;
      return new ApplyException(
          ApplyException.Kind.CHANGED_SINCE, key, why + "; reload and try again");
    }
    if (code == 400 || code == 422 || code == 403 || code == 415) {
      return new ApplyException(
          ApplyException.Kind.REJECTED,
          key,
          (dryRun ? "the dry run was refused by " : "refused by ") + spec + ": " + all);
    }
    return new ApplyException(
        ApplyException.Kind.FAILED, key, spec + ": HTTP " + code + ": " + all);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return Json.NODES.objectNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return Json.NODES
          .objectNode()
          .put("message", body.length() > 200 ? body.substring(0, 200) : body);
    }
  }

  private String path(String url) {
    return url.substring(client.getMasterUrl().toString().replaceAll("/$", "").length());
  }

  private Endpoint endpoint(ResourceKey key, String apiVersion) throws ApplyException {
    String gv =
        apiVersion.isEmpty() ? (key.group().isEmpty() ? "v1" : key.group() + "/v1") : apiVersion;
    String id = gv + "/" + key.kind();
    Endpoint known = endpoints.get(id);
    if (known != null) {
      return known;
    }
    APIResourceList list;
    try {
      list = client.getApiResources(gv);
    } catch (RuntimeException e) {
      throw new ApplyException(
          ApplyException.Kind.FAILED,
          key,
          spec + ": cannot discover " + gv + " (" + Failures.rootMessage(e) + ")",
          e);
    }
    if (list != null && list.getResources() != null) {
      for (APIResource r : list.getResources()) {
        if (key.kind().equals(r.getKind()) && !r.getName().contains("/")) {
          Endpoint e =
              new Endpoint(
                  gv.contains("/") ? "/apis/" + gv : "/api/" + gv,
                  r.getName(),
                  Boolean.TRUE.equals(r.getNamespaced()));
          endpoints.put(id, e);
          return e;
        }
      }
    }
    throw new ApplyException(
        ApplyException.Kind.REJECTED, key, spec + " does not serve " + key.kind() + " in " + gv);
  }

  private static boolean secret(ResourceKey key) {
    return key.kind().equals("Secret") && key.group().isEmpty();
  }

  private static List<PatchOp> masked(ResourceKey key, List<PatchOp> ops) {
    if (!secret(key)) {
      return ops;
    }
    List<PatchOp> out = new ArrayList<>();
    for (PatchOp op : ops) {
      boolean values = op.path().startsWith("/data") || op.path().startsWith("/stringData");
      out.add(
          values && op.value() != null
              ? new PatchOp(op.op(), op.path(), Json.NODES.textNode("••••••"))
              : op);
    }
    return out;
  }

  private static JsonNode maskedDoc(ResourceKey key, ObjectNode doc) {
    if (!secret(key)) {
      return doc;
    }
    ObjectNode copy = doc.deepCopy();
    for (String f : List.of("data", "stringData")) {
      if (copy.get(f) instanceof ObjectNode v) {
        v.fieldNames().forEachRemaining(n -> v.put(n, "••••••"));
      }
    }
    return copy;
  }
}
