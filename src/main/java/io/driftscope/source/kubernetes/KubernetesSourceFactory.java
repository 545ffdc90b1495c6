package io.driftscope.source.kubernetes;

import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceFactory;
import io.driftscope.source.SourceSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@code k8s://[CONTEXT]/[NS[,NS…]][?cluster=true]} sources (see {@link KubeSpec}).
 *
 * <p>Settings read from the {@link SourceContext}: {@code kubeconfig} (the {@code --kubeconfig}
 * file; else {@code KUBECONFIG}, else {@code ~/.kube/config}), {@code kubernetes.clusterScoped}
 * (also load cluster-scoped kinds), {@code kubernetes.skipKinds} (replaces {@link
 * SkipRules#DEFAULT}), {@code kubernetes.reconnectGiveUpSeconds} (how long to retry a lost
 * connection before FAILED; default 300).
 */
public final class KubernetesSourceFactory implements SourceFactory {

  private final Map<String, String> env;

  /** A factory reading {@code KUBECONFIG} and {@code HOME} from the process environment. */
  public KubernetesSourceFactory() {
    this(System.getenv());
  }

  /** A factory reading {@code KUBECONFIG} and {@code HOME} from {@code env}. */
  public KubernetesSourceFactory(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Set<String> schemes() {
    return Set.of("k8s");
  }

  @Override
  public Source open(SourceSpec spec, SourceContext context) throws SourceException {
    KubeSpec kubeSpec;
    try {
      kubeSpec = KubeSpec.parse(spec.body());
    } catch (IllegalArgumentException e) {
      throw new SourceException(spec.text() + ": " + e.getMessage());
    }
    Kubeconfigs.Resolved kube;
    try {
      kube =
          Kubeconfigs.resolve(
              Kubeconfigs.files(context.setting("kubeconfig").orElse(null), env),
              kubeSpec.context());
    } catch (SourceException e) {
      throw new SourceException(spec.text() + ": " + e.getMessage(), e);
    }
    boolean cluster =
        kubeSpec.clusterScoped()
            || context
                .setting("kubernetes.clusterScoped")
                .map(v -> Boolean.parseBoolean(v.toString()))
                .orElse(false);
    long giveUp =
        context
            .setting("kubernetes.reconnectGiveUpSeconds")
            .map(v -> Long.parseLong(v.toString()))
            .orElse(300L);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(kube.config()).build();
    return new KubernetesSource(
        spec.text(),
        kubeSpec,
        kube,
        SkipRules.of(context.setting("kubernetes.skipKinds").orElse(null)),
        cluster,
        Duration.ofSeconds(giveUp),
        context.clock(),
        client);
  }
}
