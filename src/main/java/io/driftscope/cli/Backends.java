package io.driftscope.cli;

import io.driftscope.source.SourceRegistry;
import io.driftscope.source.file.FileSourceFactory;
import io.driftscope.source.kubernetes.KubernetesSourceFactory;
import java.util.List;
import java.util.Map;

/** The source kinds this build knows: the one place that lists the backends. */
final class Backends {

  private Backends() {}

  /** A registry of every backend; {@code env} is the process environment (KUBECONFIG …). */
  static SourceRegistry registry(Map<String, String> env) {
    return new SourceRegistry(List.of(new FileSourceFactory(), new KubernetesSourceFactory(env)));
  }
}
