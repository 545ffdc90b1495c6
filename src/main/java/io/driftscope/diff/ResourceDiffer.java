package io.driftscope.diff;

import io.driftscope.core.Resource;

/**
 * Compares one paired resource. Pure and thread-safe: no I/O, no state between calls.
 * Implementations are configured by {@link DiffOptions}.
 */
public interface ResourceDiffer {

  /**
   * Compares {@code left} and {@code right}, either of which may be {@code null} (one-sided). When
   * both are present their keys pair (same kind and name; namespaces may be mapped).
   */
  ResourceDiff diff(Resource left, Resource right);
}
