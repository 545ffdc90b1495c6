package io.driftscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock's CRUD store with watches as a real API server serves them: every change is kept in a
 * bounded history, a watch from a {@code resourceVersion} replays the changes after it (or answers
 * {@code 410 Expired} when the history no longer reaches back that far), and deletions get a
 * resourceVersion of their own. A watch without a resourceVersion starts with the current objects
 * as {@code ADDED}.
 */
final class Store extends KubernetesCrudDispatcher {

  /** One change, as a watch reports it. */
  private record Event(
      long rv,
      String group,
      String plural,
      String namespace,
      String name,
      String type,
      String json) {}

  private final Deque<Event> history = new ArrayDeque<>();
  private final int historyLimit;
  private long floor;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

  Store(int historyLimit) {
    this.historyLimit = historyLimit;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    ApiPath p = ApiPath.parse(path);
    if (Objects.equals(existing, newState) || p == null || p.plural() == null) {
      return;
    }
    String type;
    ObjectNode object;
    if (newState == null) {
      type = "DELETED";
      object = parse(existing);
      // A real server gives a deletion a resourceVersion of its own, so watches can resume after
      // it.
      ((ObjectNode) object.path("metadata"))
          .put("resourceVersion", Long.toString(requestResourceVersion()));
    } else {
      type = existing == null ? "ADDED" : "MODIFIED";
      object = parse(newState);
    }
    JsonNode meta = object.path("metadata");
    Event event =
        new Event(
            Long.parseLong(meta.path("resourceVersion").asText("0")),
            p.group(),
            p.plural(),
            meta.path("namespace").asText(""),
            meta.path("name").asText(""),
            type,
            object.toString());
    synchronized (history) {
      history.addLast(event);
      while (history.size() > historyLimit) {
        floor = history.removeFirst().rv();
      }
    }
    for (Stream s : streams) {
      if (s.matches(event)) {
        s.send(event.type(), event.json());
      }
    }
  }

  @Override
  public MockResponse handleWatch(String path) {
    ApiPath p = ApiPath.parse(path);
    String name = null;
    String fieldSelector = p.query().getOrDefault("fieldSelector", "");
    if (fieldSelector.startsWith("metadata.name=")) {
      name = fieldSelector.substring("metadata.name=".length());
    }
    Stream stream = new Stream(p.group(), p.plural(), p.namespace(), name);
    String rvText = p.query().getOrDefault("resourceVersion", "");
    // handleWatch runs under the store's read lock: no change can slip between replay and register.
    synchronized (history) {
      if (rvText.isEmpty() || rvText.equals("0")) {
        AttributeSet query = getKey(path);
        for (Map.Entry<AttributeSet, String> e : new ArrayList<>(map.entrySet())) {
          if (e.getKey().matches(query)) {
            stream.send("ADDED", e.getValue());
          }
        }
      } else {
        long rv = parseRv(rvText);
        if (rv < floor) {
          stream.send("ERROR", Statuses.gone(rv, floor));
        } else {
          for (Event e : history) {
            if (e.rv() > rv && stream.matches(e)) {
              stream.send(e.type(), e.json());
            }
          }
        }
      }
      streams.add(stream);
    }
    return new MockResponse().withWebSocketUpgrade(stream);
  }

  private static long parseRv(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Forgets all history: any watch resuming from an earlier resourceVersion gets 410. */
  void compactHistory() {
    synchronized (history) {
      history.clear();
      floor = requestResourceVersion();
    }
  }

  /** Closes every watch, as a stopping server does. */
  void closeWatches() {
    for (Stream s : streams) {
      s.close();
    }
    streams.clear();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One watch connection: buffers until the WebSocket is open, then sends in order. */
  private final class Stream extends WebSocketListener {
    private final String group;
    private final String plural;
    private final String namespace;
    private final String name;
    private final List<String> pending = new ArrayList<>();
    private WebSocket socket;
    private boolean closed;

    Stream(String group, String plural, String namespace, String name) {
      this.group = group;
      this.plural = plural;
      this.namespace = namespace;
      this.name = name;
    }

    boolean matches(Event e) {
      return e.group().equals(group)
          && e.plural().equals(plural)
          && (namespace == null || namespace.equals(e.namespace()))
          && (name == null || name.equals(e.name()));
    }

    synchronized void send(String type, String json) {
      String message = "{\"type\":\"" + type + "\",\"object\":" + json + "}";
      if (socket == null) {
        pending.add(message);
      } else if (!closed) {
        socket.send(message);
      }
    }

    synchronized void close() {
      closed = true;
      if (socket != null) {
        socket.close(1001, "server stopping");
      }
    }

    @Override
    public synchronized void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      pending.forEach(webSocket::send);
      pending.clear();
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(code, reason);
      streams.remove(this);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      streams.remove(this);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      streams.remove(this);
    }
  }
}
