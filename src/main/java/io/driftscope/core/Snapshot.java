package io.driftscope.core;

import java.time.Instant;
import java.util.List;

/**
 * The state of one environment at one instant, as written by {@code driftscope snapshot}: the
 * format version, the spec of the source it was taken from, when, and its resources.
 */
public record Snapshot(
    int formatVersion, String source, Instant takenAt, List<Resource> resources) {

  /** The format version this build writes. */
  public static final int CURRENT_FORMAT = 1;

  public Snapshot {
    resources = List.copyOf(resources);
  }
}
