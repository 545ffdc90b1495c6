package io.driftscope.source;

import io.driftscope.core.Resource;
import java.util.List;

/**
 * The outcome of loading a source: its resources, and notices about what it skipped (one line each,
 * naming the file or kind and why).
 */
public record LoadResult(List<Resource> resources, List<String> notices) {
  public LoadResult {
    resources = List.copyOf(resources);
    notices = List.copyOf(notices);
  }
}
