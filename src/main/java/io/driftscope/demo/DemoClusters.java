package io.driftscope.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The built-in demo: two embedded API servers, {@code staging} and {@code prod}, seeded with the
 * shop application (with real drifts between them), a kubeconfig with a context for each (namespace
 * {@code shop}), and optionally a {@link DemoActor} changing prod. The specs {@link #STAGING_SPEC}
 * and {@link #PROD_SPEC} resolve with {@code --kubeconfig} {@link #kubeconfigPath()}.
 */
public final class DemoClusters implements AutoCloseable {

  /** The staging side of the demo. */
  public static final String STAGING_SPEC = "k8s://staging/shop";

  /** The prod side of the demo (to be marked protected). */
  public static final String PROD_SPEC = "k8s://prod/shop";

  /** The actor's default period ({@code --demo-actor}). */
  public static final Duration DEFAULT_ACTOR_PERIOD = Duration.ofSeconds(5);

  private final ApiServer staging;
  private final ApiServer prod;
  private final Path kubeconfig;
  private final boolean ownKubeconfig;
  private final DemoActor actor;

  private DemoClusters(
      ApiServer staging, ApiServer prod, Path kubeconfig, boolean own, DemoActor actor) {
    this.staging = staging;
    this.prod = prod;
    this.kubeconfig = kubeconfig;
    this.ownKubeconfig = own;
    this.actor = actor;
  }

  /**
   * Starts both clusters and seeds them.
   *
   * @param kubeconfigOut where to write the kubeconfig, or null for a temporary file (deleted on
   *     {@link #close()})
   * @param seed the actor's random seed ({@code --demo-seed})
   * @param actorPeriod how often the actor changes prod, or null for no actor ({@code --demo-actor
   *     off})
   * @param log receives one line per actor change
   */
  public static DemoClusters start(
      Path kubeconfigOut, long seed, Duration actorPeriod, Consumer<String> log) {
    ApiServer staging = ApiServer.start("staging");
    ApiServer prod = null;
    try {
      prod = ApiServer.start("prod");
      try (var s = staging.newClient();
          var p = prod.newClient()) {
        DemoShop.seed(s, false);
        DemoShop.seed(p, true);
      }
      boolean own = kubeconfigOut == null;
      Path file = own ? Files.createTempFile("driftscope-demo-", ".kubeconfig") : kubeconfigOut;
      writeKubeconfig(file, List.of(staging, prod));
      DemoActor actor = new DemoActor(prod.newClient(), seed, log);
      if (actorPeriod != null && !actorPeriod.isZero() && !actorPeriod.isNegative()) {
        actor.start(actorPeriod);
      }
      return new DemoClusters(staging, prod, file, own, actor);
    } catch (IOException | RuntimeException e) {
      staging.close();
      if (prod != null) {
        prod.close();
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot write the demo kubeconfig: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Parses {@code --demo-actor off|SECONDS}: null for off. */
  public static Duration actorPeriod(String option) {
    if (option == null || option.isBlank()) {
      return DEFAULT_ACTOR_PERIOD;
    }
    if (option.equalsIgnoreCase("off")) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(option);
      if (seconds <= 0) {
        return null;
      }
      return Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--demo-actor takes 'off' or a number of seconds, not '" + option + "'");
    }
  }

  /**
   * A kubeconfig with one cluster, context and user per server (context = server name, namespace
   * {@code shop}), and {@code current} as the current context when not null.
   */
  public static String kubeconfigText(List<ApiServer> servers, String current) {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Config\n");
    if (current != null) {
      sb.append("current-context: ").append(current).append('\n');
    }
    sb.append("clusters:\n");
    for (ApiServer s : servers) {
      sb.append("- name: ")
          .append(s.name())
          .append("\n  cluster:\n    server: ")
          .append(s.url())
          .append('\n');
    }
    sb.append("contexts:\n");
    for (ApiServer s : servers) {
      sb.append("- name: ")
          .append(s.name())
          .append("\n  context:\n    cluster: ")
          .append(s.name())
          .append("\n    user: ")
          .append(s.name())
          .append("\n    namespace: shop\n");
    }
    sb.append("users:\n");
    for (ApiServer s : servers) {
      sb.append("- name: ")
          .append(s.name())
          .append("\n  user:\n    token: demo-")
          .append(s.name())
          .append('\n');
    }
    return sb.toString();
  }

  private static void writeKubeconfig(Path file, List<ApiServer> servers) throws IOException {
    Files.writeString(file, kubeconfigText(servers, "staging"));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps its default permissions
    }
  }

  /** The kubeconfig with contexts {@code staging} and {@code prod}. */
  public Path kubeconfigPath() {
    return kubeconfig;
  }

  /** The staging API server. */
  public ApiServer staging() {
    return staging;
  }

  /** The prod API server. */
  public ApiServer prod() {
    return prod;
  }

  /** The actor (running or not); {@link DemoActor#step()} makes one change by hand. */
  public Optional<DemoActor> actor() {
    return Optional.of(actor);
  }

  /** Stops the actor and both servers; deletes a temporary kubeconfig. */
  @Override
  public void close() {
    actor.close();
    staging.close();
    prod.close();
    if (ownKubeconfig) {
      try {
        Files.deleteIfExists(kubeconfig);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }
}
