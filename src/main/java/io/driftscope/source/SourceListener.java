package io.driftscope.source;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.List;

/** Receives a source's changes, each about one resource, and its connection state. */
public interface SourceListener {

  /** A resource was added or changed ({@code resource} non-null) or deleted ({@code null}). */
  void onChange(ResourceKey key, Resource resource);

  /**
   * The source re-read its whole state (after a reconnect or a re-list): {@code resources} replaces
   * everything reported before.
   */
  void onReset(List<Resource> resources);

  /** The source's connection state changed. */
  void onState(SourceState state);
}
