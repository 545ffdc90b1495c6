package io.driftscope.compare;

import io.driftscope.config.Config;
import io.driftscope.config.Environment;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceRegistry;
import io.driftscope.source.SourceSpec;
import java.util.Optional;

/**
 * Turns what the user wrote for an environment (a name from the config file, or a spec) into an
 * opened {@link Source}, giving namespaced documents without a namespace the right default: {@code
 * --namespace} if given, else the other side's namespace when that side is one live namespace, else
 * {@code default}.
 */
public final class Opener {

  /** An opened environment. */
  public record Opened(Source source, Environment environment) {

    /** The label to show: the environment's name, or its spec. */
    public String label() {
      return environment.name();
    }
  }

  /** Both opened environments. */
  public record OpenedPair(Opened left, Opened right) implements AutoCloseable {
    @Override
    public void close() {
      left.source().close();
      right.source().close();
    }
  }

  private final SourceRegistry registry;
  private final Config config;
  private final SourceContext context;
  private final Optional<String> namespaceFlag;

  /**
   * An opener.
   *
   * @param namespaceFlag {@code --namespace}, when given
   */
  public Opener(
      SourceRegistry registry,
      Config config,
      SourceContext context,
      Optional<String> namespaceFlag) {
    this.registry = registry;
    this.config = config;
    this.context = namespaceFlag.map(context::withDefaultNamespace).orElse(context);
    this.namespaceFlag = namespaceFlag;
  }

  public Config config() {
    return config;
  }

  /** The environment a user's word stands for: a configured name, else a spec of its own. */
  public Environment resolve(String nameOrSpec) {
    if (nameOrSpec.startsWith("file:")) {
      return new Environment(nameOrSpec, nameOrSpec, false, false);
    }
    return config
        .environment(nameOrSpec)
        .orElseGet(() -> new Environment(nameOrSpec, nameOrSpec, false, false));
  }

  /** Opens one environment with the given default namespace. */
  public Opened open(String nameOrSpec, String defaultNamespace) throws SourceException {
    Environment env = resolve(nameOrSpec);
    SourceSpec spec;
    try {
      spec = SourceSpec.parse(env.spec());
    } catch (IllegalArgumentException e) {
      throw new SourceException(nameOrSpec + ": " + e.getMessage());
    }
    SourceContext ctx =
        defaultNamespace == null ? context : context.withDefaultNamespace(defaultNamespace);
    return new Opened(registry.open(spec, ctx), env);
  }

  /** Opens both environments, each taking the other's single live namespace as its default. */
  public OpenedPair openPair(String left, String right) throws SourceException {
    Opened l = open(left, null);
    Opened r;
    try {
      r = open(right, null);
    } catch (SourceException e) {
      l.source().close();
      throw e;
    }
    if (namespaceFlag.isPresent()) {
      return new OpenedPair(l, r);
    }
    Optional<String> lns = l.source().singleNamespace();
    Optional<String> rns = r.source().singleNamespace();
    try {
      if (rns.isPresent() && lns.isEmpty()) {
        l.source().close();
        l = open(left, rns.get());
      } else if (lns.isPresent() && rns.isEmpty()) {
        r.source().close();
        r = open(right, lns.get());
      }
    } catch (SourceException e) {
      l.source().close();
      r.source().close();
      throw e;
    }
    return new OpenedPair(l, r);
  }
}
