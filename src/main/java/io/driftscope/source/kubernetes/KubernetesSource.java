package io.driftscope.source.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import io.driftscope.source.SourceState.Phase;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live Kubernetes environment: the namespaces of one kubeconfig context. Loads every listable,
 * watchable kind found by discovery in pages, several kinds at once, then watches each from its
 * list's resourceVersion. When a watch breaks, it first resumes from the last resourceVersion it
 * saw; if the server cannot be reached or answers 410 Gone, the source turns RECONNECTING, re-lists
 * everything with back-off, reports the re-listed state through {@code onReset} and is LIVE again
 * (or FAILED after the give-up time).
 */
final class KubernetesSource implements Source {

  /** Objects per list page. */
  static final long PAGE_SIZE = 500;

  /** One list-and-watch unit: a kind in one namespace, or in all of them ({@code null}). */
  private record Scope(KindInfo kind, String namespace) {
    String label() {
      return kind.label() + (namespace == null ? "" : " in " + namespace);
    }
  }

  /** The objects of one scope and the resourceVersion of its list. */
  private record Listed(Scope scope, List<ObjectNode> objects, String resourceVersion) {}

  private final String spec;
  private final KubeSpec kubeSpec;
  private final Kubeconfigs.Resolved kube;
  private final SkipRules skip;
  private final boolean clusterScoped;
  private final Duration giveUpAfter;
  private final Clock clock;
  private final KubernetesClient client;
  private final ExecutorService pool;
  private final ScheduledExecutorService scheduler;

  private final Object lock = new Object();
  private final Map<ResourceKey, Resource> known = new HashMap<>();
  private final Map<Scope, String> versions = new HashMap<>();
  private final Map<Scope, io.fabric8.kubernetes.client.Watch> watches = new HashMap<>();
  private List<Scope> scopes = List.of();
  private SourceListener listener;
  private int generation;
  private boolean closed;
  private SourceState state;

  KubernetesSource(
      String spec,
      KubeSpec kubeSpec,
      Kubeconfigs.Resolved kube,
      SkipRules skip,
      boolean clusterScoped,
      Duration giveUpAfter,
      Clock clock,
      KubernetesClient client) {
    this.spec = spec;
    this.kubeSpec = kubeSpec;
    this.kube = kube;
    this.skip = skip;
    this.clusterScoped = clusterScoped;
    this.giveUpAfter = giveUpAfter;
    this.clock = clock;
    this.client = client;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            4, r -> daemon(r, "k8s-list-" + kube.context() + "-" + n.incrementAndGet()));
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "k8s-reconnect-" + kube.context()));
    this.state = SourceState.of(Phase.LOADING, clock.instant(), "");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public SourceTraits traits() {
    return new SourceTraits("k8s", false, true, true);
  }

  @Override
  public Optional<String> singleNamespace() {
    List<String> ns = namespaces();
    return ns.size() == 1 ? Optional.of(ns.get(0)) : Optional.empty();
  }

  /** The namespaces read; empty when all are. */
  private List<String> namespaces() {
    if (kubeSpec.allNamespaces()) {
      return List.of();
    }
    return kubeSpec.namespaces().isEmpty() ? List.of(kube.namespace()) : kubeSpec.namespaces();
  }

  /** Writes through the API server; see {@link KubernetesApplier}. */
  @Override
  public Optional<io.driftscope.source.Applier> applier() {
    return Optional.of(new KubernetesApplier(client, spec));
  }

  @Override
  public LoadResult load() throws SourceException {
    return load(null);
  }

  @Override
  public LoadResult load(SourceListener progress) throws SourceException {
    List<String> notices = new ArrayList<>();
    KindDiscovery.Found found;
    try {
      found = KindDiscovery.discover(client, pool);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    notices.addAll(found.notices());
    checkNamespaces();
    List<Scope> planned = new ArrayList<>();
    for (KindInfo k : found.kinds()) {
      if (skip.skipsKind(k) || (!k.namespaced() && !clusterScoped)) {
        continue;
      }
      if (!k.namespaced() || namespaces().isEmpty()) {
        planned.add(new Scope(k, null));
      } else {
        namespaces().forEach(ns -> planned.add(new Scope(k, ns)));
      }
    }
    List<Listed> listed;
    try {
      listed = listAll(planned, notices, progress);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    synchronized (lock) {
      scopes = listed.stream().map(Listed::scope).toList();
      replaceState(listed);
      return new LoadResult(sorted(known.values()), notices);
    }
  }

  private void checkNamespaces() throws SourceException {
    for (String ns : namespaces()) {
      try {
        if (client.namespaces().withName(ns).get() == null) {
          throw new SourceException(
              spec + ": namespace '" + ns + "' not found in context " + kube.context());
        }
      } catch (RuntimeException e) {
        if (Failures.httpCode(e) == 403) {
          continue; // may not read namespaces; listing will tell
        }
        throw failure(e);
      }
    }
  }

  private SourceException failure(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    String problem = Failures.connectionProblem(cause);
    if (problem != null) {
      return new SourceException(
          spec + ": cannot reach " + masterUrl() + " (" + problem + ")", cause);
    }
    return new SourceException(
        spec + ": " + Failures.reason(cause) + " (context " + kube.context() + ")", cause);
  }

  private String masterUrl() {
    String url = kube.config().getMasterUrl();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Lists every scope on the pool; 403 scopes become notices; other failures are thrown. */
  private List<Listed> listAll(List<Scope> planned, List<String> notices, SourceListener progress) {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger objects = new AtomicInteger();
    Instant since = clock.instant();
    report(progress, new SourceState(Phase.LOADING, since, "", 0, planned.size(), 0));
    List<CompletableFuture<Listed>> futures = new ArrayList<>();
    for (Scope s : planned) {
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                Listed l = list(s);
                int d = done.incrementAndGet();
                int o = objects.addAndGet(l == null ? 0 : l.objects().size());
                report(progress, new SourceState(Phase.LOADING, since, "", d, planned.size(), o));
                return l;
              },
              pool));
    }
    List<Listed> result = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Listed l = futures.get(i).join();
      if (l == null) {
        notices.add("skipped " + planned.get(i).label() + ": forbidden (403)");
      } else {
        result.add(l);
      }
    }
    return result;
  }

  private static void report(SourceListener progress, SourceState s) {
    if (progress != null) {
      progress.onState(s);
    }
  }

  private FilterWatchListDeletable<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      operation(Scope s) {
    var op = client.genericKubernetesResources(s.kind().context());
    if (!s.kind().namespaced()) {
      return op;
    }
    return s.namespace() == null ? op.inAnyNamespace() : op.inNamespace(s.namespace());
  }

  /** Lists one scope page by page; null when forbidden. */
  private Listed list(Scope s) {
    List<ObjectNode> objects = new ArrayList<>();
    String token = null;
    String rv = "";
    try {
      do {
        GenericKubernetesResourceList page =
            operation(s)
                .list(new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(token).build());
        for (GenericKubernetesResource item : page.getItems()) {
          objects.add(toJson(s.kind(), item));
        }
        if (rv.isEmpty() && page.getMetadata() != null) {
          rv = String.valueOf(page.getMetadata().getResourceVersion());
        }
        token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
      } while (token != null && !token.isEmpty());
    } catch (RuntimeException e) {
      if (Failures.httpCode(e) == 403) {
        return null;
      }
      throw e;
    }
    return new Listed(s, objects, rv);
  }

  private ObjectNode toJson(KindInfo k, GenericKubernetesResource item) {
    try {
      ObjectNode node =
          (ObjectNode) Json.MAPPER.readTree(client.getKubernetesSerialization().asJson(item));
      // List items from a real server carry no apiVersion/kind; the list's type names them.
      if (!node.hasNonNull("apiVersion")) {
        node.put("apiVersion", k.apiVersion());
      }
      if (!node.hasNonNull("kind")) {
        node.put("kind", k.kind());
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Resource toResource(KindInfo k, ObjectNode node) {
    String apiVersion = node.path("apiVersion").asText(k.apiVersion());
    ResourceKey key =
        new ResourceKey(
            ResourceKey.groupOf(apiVersion),
            node.path("kind").asText(k.kind()),
            k.namespaced() ? node.path("metadata").path("namespace").asText("") : "",
            node.path("metadata").path("name").asText(""));
    return new Resource(key, apiVersion, node, Origin.of(spec));
  }

  private static List<Resource> sorted(java.util.Collection<Resource> rs) {
    List<Resource> list = new ArrayList<>(rs);
    list.sort(Comparator.comparing(Resource::key));
    return Collections.unmodifiableList(list);
  }

  /** Replaces the known state by a full listing. Caller holds the lock. */
  private void replaceState(List<Listed> listed) {
    known.clear();
    versions.clear();
    for (Listed l : listed) {
      versions.put(l.scope(), l.resourceVersion());
      for (ObjectNode o : l.objects()) {
        if (!skip.skipsObject(l.scope().kind(), o)) {
          Resource r = toResource(l.scope().kind(), o);
          known.put(r.key(), r);
        }
      }
    }
  }

  // ---- watching

  @Override
  public Watch watch(SourceListener listener) throws SourceException {
    int gen;
    synchronized (lock) {
      this.listener = listener;
      gen = generation;
    }
    try {
      for (Scope s : scopes) {
        startWatch(s, gen);
      }
    } catch (RuntimeException e) {
      reconnecting(gen, Failures.reason(e));
      return this::stopWatching;
    }
    setState(gen, SourceState.of(Phase.LIVE, clock.instant(), ""));
    return this::stopWatching;
  }

  private void stopWatching() {
    synchronized (lock) {
      generation++;
      listener = null;
      closeWatches();
    }
  }

  private void startWatch(Scope s, int gen) {
    String rv;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      rv = versions.get(s);
    }
    io.fabric8.kubernetes.client.Watch w =
        operation(s)
            .watch(
                new ListOptionsBuilder().withResourceVersion(rv).build(),
                new Watcher<GenericKubernetesResource>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource resource) {
                    onEvent(s, gen, action, resource);
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    scheduler.execute(() -> onWatchClosed(s, gen, cause));
                  }

                  @Override
                  public void onClose() {}
                });
    synchronized (lock) {
      if (gen != generation || closed) {
        w.close();
      } else {
        io.fabric8.kubernetes.client.Watch old = watches.put(s, w);
        if (old != null) {
          old.close();
        }
      }
    }
  }

  private void onEvent(Scope s, int gen, Watcher.Action action, GenericKubernetesResource object) {
    if (object == null || action == Watcher.Action.ERROR) {
      return;
    }
    ObjectNode node = toJson(s.kind(), object);
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      String rv = node.path("metadata").path("resourceVersion").asText("");
      if (!rv.isEmpty()) {
        versions.put(s, rv);
      }
      if (action == Watcher.Action.BOOKMARK) {
        return;
      }
      Resource r = toResource(s.kind(), node);
      Resource old = known.get(r.key());
      if (action == Watcher.Action.DELETED || skip.skipsObject(s.kind(), node)) {
        if (known.remove(r.key()) != null) {
          notifyChange(r.key(), null);
        }
        return;
      }
      if (old != null
          && old.document().path("metadata").path("resourceVersion").asText("").equals(rv)) {
        return; // already known: a replay after resuming
      }
      known.put(r.key(), r);
      notifyChange(r.key(), r);
    }
  }

  private void notifyChange(ResourceKey key, Resource r) {
    if (listener != null) {
      listener.onChange(key, r);
    }
  }

  /** A watch ended: resume it from its last resourceVersion, or re-list everything. */
  private void onWatchClosed(Scope s, int gen, WatcherException cause) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      watches.remove(s);
    }
    if (cause != null && cause.isHttpGone()) {
      reconnecting(gen, "watch of " + s.label() + " expired (410 Gone)");
      return;
    }
    try {
      startWatch(s, gen);
    } catch (RuntimeException e) {
      reconnecting(gen, Failures.reason(e));
    }
  }

  private void reconnecting(int gen, String reason) {
    Instant since = clock.instant();
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++;
      closeWatches();
      state = SourceState.of(Phase.RECONNECTING, since, reason);
      if (listener != null) {
        listener.onState(state);
      }
    }
    int next = gen + 1;
    scheduler.schedule(() -> relist(next, since, 1), 100, TimeUnit.MILLISECONDS);
  }

  private void relist(int gen, Instant since, int attempt) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
    }
    try {
      List<Listed> listed = listAll(scopes, new ArrayList<>(), null);
      synchronized (lock) {
        if (gen != generation || closed) {
          return;
        }
        replaceState(listed);
        if (listener != null) {
          listener.onReset(sorted(known.values()));
        }
      }
      for (Scope s : scopes) {
        startWatch(s, gen);
      }
      setState(gen, SourceState.of(Phase.LIVE, clock.instant(), ""));
    } catch (RuntimeException e) {
      String reason =
          Failures.reason(
              e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
      if (Duration.between(since, clock.instant()).compareTo(giveUpAfter) >= 0) {
        synchronized (lock) {
          if (gen == generation && !closed) {
            generation++;
            closeWatches();
            setStateLocked(
                SourceState.of(
                    Phase.FAILED,
                    clock.instant(),
                    "gave up reconnecting to "
                        + masterUrl()
                        + " after "
                        + giveUpAfter.toSeconds()
                        + " s: "
                        + reason));
          }
        }
        return;
      }
      long delay = Math.min(5_000, 100L << Math.min(attempt, 6));
      scheduler.schedule(() -> relist(gen, since, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }
  }

  private void setState(int gen, SourceState s) {
    synchronized (lock) {
      if (gen == generation && !closed) {
        setStateLocked(s);
      }
    }
  }

  private void setStateLocked(SourceState s) {
    state = s;
    if (listener != null) {
      listener.onState(s);
    }
  }

  /** The current state (as last reported). */
  SourceState state() {
    synchronized (lock) {
      return state;
    }
  }

  private void closeWatches() {
    for (io.fabric8.kubernetes.client.Watch w : watches.values()) {
      try {
        w.close();
      } catch (RuntimeException ignored) {
        // closing a broken watch may fail; it is gone either way
      }
    }
    watches.clear();
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      closeWatches();
    }
    scheduler.shutdownNow();
    pool.shutdownNow();
    client.close();
  }
}
