package io.driftscope.tui;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A live source over resources held in memory; tests change them and it reports the change. */
final class MemorySource implements Source {

  private final String spec;
  private final Map<ResourceKey, Resource> resources = new LinkedHashMap<>();
  private volatile SourceListener listener;

  MemorySource(String spec, List<Resource> initial) {
    this.spec = spec;
    initial.forEach(r -> resources.put(r.key(), r));
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public SourceTraits traits() {
    return new SourceTraits("memory", false, true, true);
  }

  @Override
  public synchronized LoadResult load() {
    return new LoadResult(new ArrayList<>(resources.values()), List.of());
  }

  @Override
  public Watch watch(SourceListener l) {
    listener = l;
    return () -> listener = null;
  }

  /** Adds or replaces a resource and reports it. */
  void put(Resource r) {
    synchronized (this) {
      resources.put(r.key(), r);
    }
    SourceListener l = listener;
    if (l != null) {
      l.onChange(r.key(), r);
    }
  }

  /** Deletes a resource and reports it. */
  void delete(ResourceKey key) {
    synchronized (this) {
      resources.remove(key);
    }
    SourceListener l = listener;
    if (l != null) {
      l.onChange(key, null);
    }
  }

  @Override
  public void close() {
    listener = null;
  }
}
