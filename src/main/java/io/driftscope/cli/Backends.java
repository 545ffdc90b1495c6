package io.driftscope.cli;

import io.driftscope.source.SourceRegistry;
import io.driftscope.source.file.FileSourceFactory;
import java.util.List;

/** The source kinds this build knows: the one place that lists the backends. */
final class Backends {

  private Backends() {}

  /** A registry of every backend. */
  static SourceRegistry registry() {
    return new SourceRegistry(List.of(new FileSourceFactory()));
  }
}
