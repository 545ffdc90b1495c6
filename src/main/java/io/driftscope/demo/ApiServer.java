package io.driftscope.demo;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedded Kubernetes API server over plain HTTP on 127.0.0.1: fabric8's mock server in CRUD
 * mode behind a dispatcher that answers as a real API server documents (discovery, {@code
 * /openapi/v3}, dry run, patch failures, server-side apply, paging, watch resume; see {@link
 * ApiDispatcher}). It can be stopped and started again on the same port with its objects kept,
 * which to a client looks like a lost connection. Not supported: authentication, admission, the
 * {@code scale} subresource, protobuf bodies, aggregated discovery.
 */
public final class ApiServer implements AutoCloseable {

  private static final int HISTORY_LIMIT = 20_000;

  // The mock logs every request at INFO, and Vert.x logs connections dropped at shutdown: in a
  // full-screen terminal that output would land on the screen. Strong references keep the levels.
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
  private static final java.util.logging.Logger VERTX_LOG =
      java.util.logging.Logger.getLogger("io.vertx");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    VERTX_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final String name;
  private final InetAddress address;
  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
  private final ApiDispatcher dispatcher = new ApiDispatcher(expectations, HISTORY_LIMIT);
  private KubernetesMockServer server;
  private int port;

  private ApiServer(String name) {
    this.name = name;
    try {
      this.address = InetAddress.getByName("127.0.0.1");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server on a free port. */
  public static ApiServer start(String name) {
    ApiServer s = new ApiServer(name);
    s.listen(0);
    return s;
  }

  private void listen(int wantedPort) {
    MockWebServer web = new MockWebServer();
    // MockWebServer keeps every request it has seen; this server keeps its own bounded log.
    dispatcher.onEveryThousandRequests(web::reset);
    KubernetesMockServer s =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            web,
            expectations,
            dispatcher,
            false,
            new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("32")
                .withGitVersion("v1.32.0+driftscope-demo")
                .withPlatform("linux/amd64")
                .build());
    try {
      s.init(address, wantedPort);
    } catch (RuntimeException e) {
      // A failed start leaves non-daemon threads behind: destroy so the JVM can still exit.
      s.destroy();
      throw e;
    }
    this.server = s;
    this.port = s.getPort();
    dispatcher.serverAddress("127.0.0.1:" + port);
  }

  /** The server's name, e.g. {@code staging}. */
  public String name() {
    return name;
  }

  /** The port it listens on (kept across {@link #stop()} and {@link #restart()}). */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Whether the server is accepting connections. */
  public synchronized boolean running() {
    return server != null;
  }

  /** Stops listening and drops every connection; the objects are kept for {@link #restart()}. */
  public synchronized void stop() {
    if (server != null) {
      server.destroy();
      server = null;
    }
  }

  /** Starts listening again on the same port, with the objects it had. */
  public synchronized void restart() {
    if (server == null) {
      listen(port);
    }
  }

  /** The requests answered so far, oldest first (the latest 20,000). */
  public List<ApiRequest> requests() {
    return dispatcher.requests();
  }

  /**
   * Refuses every request for one resource type with 403 Forbidden, as RBAC does for a user who may
   * not touch it.
   */
  public void forbid(String group, String plural) {
    dispatcher.forbid(group + "/" + plural);
  }

  /** Lifts every {@link #forbid} refusal. */
  public void allowAll() {
    dispatcher.allowAll();
  }

  /** Forgets the logged requests. */
  public void clearRequests() {
    dispatcher.clearRequests();
  }

  /**
   * Forgets the watch history, so that any watch resuming from an earlier resourceVersion is
   * answered {@code 410 Gone}, as after an etcd compaction.
   */
  public void compactWatchHistory() {
    dispatcher.store().compactHistory();
  }

  /**
   * A fabric8 client for this server with short timeouts, for tests and the demo actor; the caller
   * closes it. fabric8 types stay inside {@code demo} and {@code source.kubernetes}.
   */
  public KubernetesClient newClient() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url())
            .withNamespace("default")
            .withConnectionTimeout(5_000)
            .withRequestTimeout(10_000)
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Stops the server for good. */
  @Override
  public synchronized void close() {
    stop();
  }
}
