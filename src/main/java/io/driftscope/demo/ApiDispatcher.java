package io.driftscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftscope.core.Json;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;

/**
 * The front of the demo API server: answers what fabric8's CRUD mock does not, as the Kubernetes
 * API documents it, and hands the rest to the {@link Store}. It serves discovery and {@code
 * /openapi/v3}; answers {@code dryRun=All} without writing; applies JSON Patch, merge patch and
 * strategic merge patch itself (a failed {@code test} or a bad operation is a 422 {@code Status}; a
 * stale {@code resourceVersion} is 409); does server-side apply ({@link ServerSideApply}); pages
 * lists by {@code limit}/{@code continue}; checks delete preconditions; refuses objects in a
 * namespace that does not exist; and keeps a log of the requests. Expectations recorded through the
 * mock's {@code expect()} DSL take precedence, so tests can still inject answers.
 */
final class ApiDispatcher extends Dispatcher {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final int LOG_LIMIT = 20_000;
  private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private final Map<ServerRequest, Queue<ServerResponse>> expectations;
  private final MockDispatcher mock;
  private final Store store;
  private final ServerSideApply apply = new ServerSideApply();
  private final ConcurrentLinkedDeque<ApiRequest> log = new ConcurrentLinkedDeque<>();
  private volatile List<ApiKind> crdKinds;
  private volatile String serverAddress = "127.0.0.1:0";
  private final java.util.Set<String> forbidden =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  ApiDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, int historyLimit) {
    this.expectations = expectations;
    this.mock = new MockDispatcher(expectations);
    this.store = new Store(historyLimit);
  }

  private volatile Runnable housekeeping = () -> {};
  private final java.util.concurrent.atomic.AtomicLong requestCount =
      new java.util.concurrent.atomic.AtomicLong();

  void onEveryThousandRequests(Runnable task) {
    this.housekeeping = task;
  }

  void serverAddress(String hostPort) {
    this.serverAddress = hostPort;
  }

  void forbid(String groupPlural) {
    forbidden.add(groupPlural);
  }

  void allowAll() {
    forbidden.clear();
  }

  Store store() {
    return store;
  }

  List<ApiRequest> requests() {
    return List.copyOf(log);
  }

  void clearRequests() {
    log.clear();
    requestCount.set(0);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    byte[] bytes =
        request.getBody() == null || request.getBody().size() == 0
            ? new byte[0]
            : request.getBody().getBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    String contentType = request.getHeader("Content-Type");
    contentType = contentType == null ? "" : contentType;
    RecordedRequest copy =
        new RecordedRequest(
            request.getHttpVersion(),
            request.method(),
            request.getPath(),
            request.getHeaders(),
            new Buffer(bytes));
    MockResponse response;
    try {
      Queue<ServerResponse> q =
          expectations.get(
              new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
      response =
          q != null && !q.isEmpty()
              ? mock.dispatch(copy)
              : route(request.method(), request.getPath(), contentType, body, copy);
    } catch (RuntimeException | IOException e) {
      response = json(500, Statuses.status(500, "InternalError", "demo server: " + e));
    }
    // ConcurrentLinkedDeque.size() walks the deque: count the requests instead.
    long n = requestCount.incrementAndGet();
    if (n > LOG_LIMIT) {
      log.pollFirst();
    }
    log.add(
        new ApiRequest(request.getMethod(), request.getPath(), contentType, body, response.code()));
    if (n % 1000 == 0) {
      housekeeping.run();
    }
    return response;
  }

  @Override
  public void shutdown() {
    store.closeWatches();
    mock.shutdown();
  }

  @Override
  public void releaseResources() {
    mock.releaseResources();
  }

  private MockResponse route(
      HttpMethod method, String path, String contentType, String body, RecordedRequest request)
      throws IOException {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    switch (bare) {
      case "/api":
        return json(200, Discovery.apiVersions(serverAddress));
      case "/apis":
        return json(200, Discovery.groups(kinds()));
      case "/openapi/v3":
        return json(200, Discovery.openApiIndex(kinds()));
      case "/healthz", "/livez", "/readyz":
        return new MockResponse().setResponseCode(200).setBody("ok");
      default:
        break;
    }
    if (bare.startsWith("/openapi/v3/")) {
      String gv = bare.substring("/openapi/v3/".length()).replaceFirst("^apis?/", "");
      ObjectNode doc = Discovery.openApiDocument(kinds(), gv);
      return doc == null ? notFound() : json(200, doc);
    }
    ApiPath p = ApiPath.parse(path);
    if (p == null) {
      return notFound();
    }
    if (p.plural() == null) {
      ObjectNode list = Discovery.resourceList(kinds(), p.groupVersion());
      return list == null || method != HttpMethod.GET ? notFound() : json(200, list);
    }
    ApiKind kind = kind(p);
    if (kind == null) {
      return notFound();
    }
    if (forbidden.contains(p.group() + "/" + p.plural())) {
      String verb =
          p.watch()
              ? "watch"
              : p.name() == null && method == HttpMethod.GET ? "list" : method.name().toLowerCase();
      return json(
          403,
          Statuses.status(
              403,
              "Forbidden",
              p.plural()
                  + " is forbidden: User \"demo\" cannot "
                  + verb
                  + " resource \""
                  + p.plural()
                  + "\" in API group \""
                  + p.group()
                  + "\""
                  + (p.namespace() == null
                      ? " at the cluster scope"
                      : " in the namespace \"" + p.namespace() + "\"")));
    }
    MockResponse response;
    synchronized (this) {
      response =
          switch (method) {
            case GET -> p.watch() || p.name() != null ? store.dispatch(request) : list(p, path);
            case POST -> create(p, kind, body);
            case PUT -> update(p, body);
            case PATCH -> patch(p, kind, contentType, body);
            case DELETE -> delete(p, body, request);
            default -> json(405, Statuses.status(405, "MethodNotAllowed", "method not allowed"));
          };
    }
    if (method != HttpMethod.GET && p.group().equals("apiextensions.k8s.io")) {
      crdKinds = null;
    }
    return response;
  }

  private List<ApiKind> kinds() throws IOException {
    List<ApiKind> crds = crdKinds;
    if (crds == null) {
      crds = new ArrayList<>();
      JsonNode list = read(store.handleGet(CRD_PATH));
      for (JsonNode crd : list.path("items")) {
        crds.addAll(Discovery.kindsOfCrd(crd));
      }
      crdKinds = crds;
    }
    List<ApiKind> all = new ArrayList<>(BuiltinKinds.ALL);
    all.addAll(crds);
    return all;
  }

  private ApiKind kind(ApiPath p) throws IOException {
    for (ApiKind k : kinds()) {
      if (k.group().equals(p.group())
          && k.version().equals(p.version())
          && k.plural().equals(p.plural())) {
        return k;
      }
    }
    return null;
  }

  // ---- reads

  private MockResponse list(ApiPath p, String path) throws IOException {
    String limitText = p.query().get("limit");
    String raw = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String kept =
        raw.isEmpty()
            ? ""
            : java.util.Arrays.stream(raw.split("&"))
                .filter(s -> !s.startsWith("limit=") && !s.startsWith("continue="))
                .collect(Collectors.joining("&"));
    String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    MockResponse whole = store.handleGet(kept.isEmpty() ? base : base + "?" + kept);
    if (limitText == null || whole.code() != 200) {
      return whole;
    }
    long limit = Long.parseLong(limitText);
    ObjectNode list = (ObjectNode) read(whole);
    List<JsonNode> items = new ArrayList<>();
    list.path("items").forEach(items::add);
    items.sort(Comparator.comparing(ApiDispatcher::sortKey));
    String listRv = list.path("metadata").path("resourceVersion").asText();
    String after = "";
    String token = p.query().get("continue");
    if (token != null && !token.isEmpty()) {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      listRv = decoded.substring(0, bar);
      after = decoded.substring(bar + 1);
    }
    ArrayNode page = Json.NODES.arrayNode();
    int remaining = 0;
    String last = null;
    for (JsonNode item : items) {
      String key = sortKey(item);
      if (key.compareTo(after) <= 0) {
        continue;
      }
      if (page.size() < limit) {
        page.add(item);
        last = key;
      } else {
        remaining++;
      }
    }
    list.set("items", page);
    ObjectNode meta = list.putObject("metadata");
    meta.put("resourceVersion", listRv);
    if (remaining > 0) {
      String next = listRv + "|" + last;
      meta.put(
          "continue", Base64.getUrlEncoder().encodeToString(next.getBytes(StandardCharsets.UTF_8)));
      meta.put("remainingItemCount", remaining);
    }
    return json(200, list);
  }

  private static String sortKey(JsonNode item) {
    JsonNode m = item.path("metadata");
    return m.path("namespace").asText("") + "/" + m.path("name").asText("");
  }

  private ObjectNode current(String objectPath) throws IOException {
    MockResponse r = store.handleGet(objectPath);
    return r.code() == 200 ? (ObjectNode) read(r) : null;
  }

  // ---- writes

  private MockResponse create(ApiPath p, ApiKind kind, String body) throws IOException {
    ObjectNode object = parseBody(body, false);
    if (object == null) {
      return badRequest("the body of the request was in an unknown format");
    }
    MockResponse refused = checkNamespace(p, kind);
    if (refused != null) {
      return refused;
    }
    String name = object.path("metadata").path("name").asText("");
    if (!name.isEmpty() && current(p.objectPath(name)) != null) {
      return json(
          409,
          Statuses.withDetails(
              Statuses.status(
                  409, "AlreadyExists", p.plural() + " \"" + name + "\" already exists"),
              kind.kind(),
              name,
              List.of()));
    }
    if (p.dryRun()) {
      return json(201, asCreated(object, p, name));
    }
    apply.forget(objectId(p, name));
    return store.dispatch(forward(HttpMethod.POST, p.collectionPath(), object.toString()));
  }

  private ObjectNode asCreated(ObjectNode object, ApiPath p, String name) {
    ObjectNode result = object.deepCopy();
    ObjectNode meta = result.withObjectProperty("metadata");
    if (name.isEmpty()) {
      meta.put(
          "name",
          meta.path("generateName").asText("") + UUID.randomUUID().toString().substring(0, 5));
    }
    if (p.namespace() != null) {
      meta.put("namespace", p.namespace());
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.put("generation", 1);
    return result;
  }

  private MockResponse checkNamespace(ApiPath p, ApiKind kind) throws IOException {
    if (kind.namespaced()
        && p.namespace() != null
        && current("/api/v1/namespaces/" + p.namespace()) == null) {
      return json(
          404,
          Statuses.withDetails(
              Statuses.status(404, "NotFound", "namespaces \"" + p.namespace() + "\" not found"),
              "namespaces",
              p.namespace(),
              List.of()));
    }
    return null;
  }

  private MockResponse update(ApiPath p, String body) throws IOException {
    ObjectNode object = parseBody(body, false);
    if (object == null || p.name() == null) {
      return badRequest("the body of the request was in an unknown format");
    }
    ObjectNode current = current(p.objectPath(p.name()));
    if (current == null) {
      return notFoundObject(p);
    }
    MockResponse conflict = checkVersion(p, current, object);
    if (conflict != null) {
      return conflict;
    }
    if (p.dryRun()) {
      return json(200, asUpdated(current, object));
    }
    return store.dispatch(forward(HttpMethod.PUT, targetPath(p), object.toString()));
  }

  private MockResponse patch(ApiPath p, ApiKind kind, String contentType, String body)
      throws IOException {
    if (p.name() == null) {
      return json(405, Statuses.status(405, "MethodNotAllowed", "PATCH needs an object name"));
    }
    String type = contentType.toLowerCase().split(";")[0].trim();
    ObjectNode current = current(p.objectPath(p.name()));
    if (type.equals("application/apply-patch+yaml")) {
      return serverSideApply(p, kind, body, current);
    }
    if (current == null) {
      return notFoundObject(p);
    }
    JsonNode patch;
    try {
      patch = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return badRequest("error decoding patch: " + e.getMessage());
    }
    JsonNode result;
    switch (type) {
      case "application/json-patch+json" -> {
        try {
          result = Patches.applyJsonPatch(current, patch);
        } catch (Patches.PatchException e) {
          return json(
              422,
              Statuses.withDetails(
                  Statuses.status(
                      422,
                      "Invalid",
                      "the server rejected our request due to an error in our request"),
                  null,
                  null,
                  List.<String[]>of(new String[] {"UnexpectedServerResponse", e.getMessage()})));
        }
      }
      case "application/merge-patch+json" -> result = Patches.mergePatch(current, patch);
      case "application/strategic-merge-patch+json" ->
          result = Patches.strategicMerge(current, patch);
      default -> {
        return json(
            415,
            Statuses.status(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include:"
                    + " application/json-patch+json, application/merge-patch+json,"
                    + " application/apply-patch+yaml, application/strategic-merge-patch+json"));
      }
    }
    if (!(result instanceof ObjectNode patched)) {
      return badRequest("the patched object is not an object");
    }
    MockResponse conflict = checkVersion(p, current, patched);
    if (conflict != null) {
      return conflict;
    }
    patched
        .withObjectProperty("metadata")
        .put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
    if (p.dryRun()) {
      return json(200, asUpdated(current, patched));
    }
    MockResponse r = store.dispatch(forward(HttpMethod.PUT, targetPath(p), patched.toString()));
    return r.code() == 202 ? r.setResponseCode(200) : r;
  }

  private MockResponse serverSideApply(ApiPath p, ApiKind kind, String body, ObjectNode current)
      throws IOException {
    String manager = p.query().getOrDefault("fieldManager", "");
    if (manager.isEmpty()) {
      return json(
          422,
          Statuses.status(
              422,
              "Invalid",
              "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required"
                  + " for apply patch"));
    }
    ObjectNode applied = parseBody(body, true);
    if (applied == null) {
      return badRequest("error decoding YAML: the body is not an object");
    }
    if (current == null) {
      MockResponse refused = checkNamespace(p, kind);
      if (refused != null) {
        return refused;
      }
    }
    boolean force = "true".equals(p.query().get("force"));
    String id = objectId(p, p.name());
    ServerSideApply.Outcome outcome =
        apply.apply(id, current, applied, manager, force, !p.dryRun());
    if (!outcome.conflicts().isEmpty()) {
      List<String[]> causes = new ArrayList<>();
      StringBuilder msg = new StringBuilder();
      for (ServerSideApply.Conflict c : outcome.conflicts()) {
        causes.add(
            new String[] {
              "FieldManagerConflict", "conflict with \"" + c.manager() + "\"", c.field()
            });
        msg.append(msg.length() == 0 ? "" : "\n")
            .append("conflict with \"")
            .append(c.manager())
            .append("\": ")
            .append(c.field());
      }
      int n = outcome.conflicts().size();
      return json(
          409,
          Statuses.withDetails(
              Statuses.status(
                  409,
                  "Conflict",
                  "Apply failed with " + n + " conflict" + (n == 1 ? "" : "s") + ": " + msg),
              kind.kind(),
              p.name(),
              causes));
    }
    ObjectNode result = outcome.object();
    if (current == null) {
      result.withObjectProperty("metadata").put("name", p.name());
      if (p.dryRun()) {
        return json(201, asCreated(result, p, p.name()));
      }
      return store.dispatch(forward(HttpMethod.POST, p.collectionPath(), result.toString()));
    }
    result
        .withObjectProperty("metadata")
        .put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
    if (p.dryRun()) {
      return json(200, asUpdated(current, result));
    }
    return store.dispatch(forward(HttpMethod.PUT, targetPath(p), result.toString()));
  }

  private MockResponse delete(ApiPath p, String body, RecordedRequest request) throws IOException {
    if (p.name() == null) {
      return store.dispatch(request);
    }
    ObjectNode current = current(p.objectPath(p.name()));
    if (current == null) {
      return notFoundObject(p);
    }
    JsonNode options = body.isBlank() ? Json.NODES.objectNode() : Json.MAPPER.readTree(body);
    JsonNode pre = options.path("preconditions");
    JsonNode meta = current.path("metadata");
    for (String field : List.of("uid", "resourceVersion")) {
      String wanted = pre.path(field).asText("");
      String actual = meta.path(field).asText("");
      if (!wanted.isEmpty() && !wanted.equals(actual)) {
        String label = field.equals("uid") ? "UID" : "ResourceVersion";
        return json(
            409,
            Statuses.status(
                409,
                "Conflict",
                "Operation cannot be fulfilled on "
                    + p.plural()
                    + " \""
                    + p.name()
                    + "\": Precondition failed: "
                    + label
                    + " in precondition: "
                    + wanted
                    + ", "
                    + label
                    + " in object meta: "
                    + actual));
      }
    }
    if (p.dryRun()) {
      return json(200, current);
    }
    apply.forget(objectId(p, p.name()));
    return store.dispatch(forward(HttpMethod.DELETE, p.objectPath(p.name()), ""));
  }

  private MockResponse checkVersion(ApiPath p, ObjectNode current, ObjectNode updated) {
    String wanted = updated.path("metadata").path("resourceVersion").asText("");
    String actual = current.path("metadata").path("resourceVersion").asText("");
    if (!wanted.isEmpty() && !wanted.equals(actual)) {
      return json(
          409,
          Statuses.status(
              409,
              "Conflict",
              "Operation cannot be fulfilled on "
                  + p.plural()
                  + " \""
                  + p.name()
                  + "\": the object has been modified; please apply your changes to the latest"
                  + " version and try again"));
    }
    return null;
  }

  /** The object as an update would store it, without storing it (for dry runs). */
  private static ObjectNode asUpdated(ObjectNode current, ObjectNode updated) {
    ObjectNode result = updated.deepCopy();
    ObjectNode meta = result.withObjectProperty("metadata");
    JsonNode old = current.path("metadata");
    for (String f :
        List.of("uid", "creationTimestamp", "resourceVersion", "namespace", "generation")) {
      if (old.has(f)) {
        meta.set(f, old.get(f).deepCopy());
      }
    }
    JsonNode oldSpec = current.path("spec");
    if (!oldSpec.equals(result.path("spec")) && !result.path("spec").isMissingNode()) {
      meta.put("generation", old.path("generation").asLong(0) + 1);
    }
    if (current.has("status")) {
      result.set("status", current.get("status").deepCopy());
    }
    return result;
  }

  // ---- helpers

  private static String targetPath(ApiPath p) {
    return p.objectPath(p.name()) + (p.subresource() == null ? "" : "/" + p.subresource());
  }

  private static String objectId(ApiPath p, String name) {
    return p.group()
        + "/"
        + p.plural()
        + "/"
        + (p.namespace() == null ? "" : p.namespace())
        + "/"
        + name;
  }

  private static RecordedRequest forward(HttpMethod method, String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        io.fabric8.mockwebserver.http.Headers.builder()
            .add("Content-Type", "application/json")
            .build(),
        new Buffer(bytes));
  }

  private static ObjectNode parseBody(String body, boolean yaml) {
    try {
      JsonNode n = (yaml ? YAML : Json.MAPPER).readTree(body);
      return n instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode read(MockResponse response) throws IOException {
    Buffer b = response.getBody();
    return Json.MAPPER.readTree(b == null ? new byte[0] : b.getBytes());
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  private static MockResponse notFound() {
    return json(
        404, Statuses.status(404, "NotFound", "the server could not find the requested resource"));
  }

  private static MockResponse notFoundObject(ApiPath p) {
    return json(
        404,
        Statuses.withDetails(
            Statuses.status(404, "NotFound", p.plural() + " \"" + p.name() + "\" not found"),
            p.plural(),
            p.name(),
            List.of()));
  }

  private static MockResponse badRequest(String message) {
    return json(400, Statuses.status(400, "BadRequest", message));
  }
}
