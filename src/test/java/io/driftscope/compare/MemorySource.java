package io.driftscope.compare;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceState;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source whose resources live in memory and change when the test says so, reporting each change
 * to its watchers like a live backend would.
 */
public final class MemorySource implements Source {

  private final String spec;
  private final SourceTraits traits;
  private final Map<ResourceKey, Resource> resources = new LinkedHashMap<>();
  private final List<SourceListener> listeners = new CopyOnWriteArrayList<>();

  public MemorySource(String spec, boolean live, List<Resource> initial) {
    this.spec = spec;
    this.traits = new SourceTraits("memory", !live, live, true);
    initial.forEach(r -> resources.put(r.key(), r));
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public SourceTraits traits() {
    return traits;
  }

  @Override
  public synchronized LoadResult load() {
    return new LoadResult(new ArrayList<>(resources.values()), List.of());
  }

  @Override
  public Watch watch(SourceListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Adds or replaces a resource and tells the watchers. */
  public void put(Resource r) {
    synchronized (this) {
      resources.put(r.key(), r);
    }
    listeners.forEach(l -> l.onChange(r.key(), r));
  }

  /** Removes a resource and tells the watchers. */
  public void remove(ResourceKey key) {
    synchronized (this) {
      resources.remove(key);
    }
    listeners.forEach(l -> l.onChange(key, null));
  }

  /** Reports a connection state. */
  public void state(SourceState.Phase phase, String reason) {
    listeners.forEach(l -> l.onState(SourceState.of(phase, Instant.now(), reason)));
  }

  @Override
  public void close() {
    listeners.clear();
  }
}
