package io.driftscope.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Someone else changing prod: every period, one change chosen by a seeded {@link Random} — scale a
 * Deployment, bump an image, edit an env var, or delete and re-create a ConfigMap — made through a
 * client of its own. The same seed gives the same changes.
 */
public final class DemoActor implements AutoCloseable {

  private static final List<String> DEPLOYMENTS = List.of("web", "api", "worker");

  private final KubernetesClient client;
  private final Random random;
  private final Consumer<String> log;
  private ScheduledExecutorService timer;

  DemoActor(KubernetesClient client, long seed, Consumer<String> log) {
    this.client = client;
    this.random = new Random(seed);
    this.log = log;
  }

  /** Makes one change and returns what it did, e.g. {@code scaled Deployment web to 3}. */
  public synchronized String step() {
    String d = DEPLOYMENTS.get(random.nextInt(DEPLOYMENTS.size()));
    String done =
        switch (random.nextInt(4)) {
          case 0 -> {
            int replicas = 1 + random.nextInt(5);
            deployments()
                .withName(d)
                .edit(
                    x ->
                        new DeploymentBuilder(x)
                            .editSpec()
                            .withReplicas(replicas)
                            .endSpec()
                            .build());
            yield "scaled Deployment " + d + " to " + replicas;
          }
          case 1 -> {
            String tag = "1." + random.nextInt(6) + "." + random.nextInt(10);
            String[] image = new String[1];
            deployments()
                .withName(d)
                .edit(
                    x -> {
                      Deployment copy = new DeploymentBuilder(x).build();
                      var c = copy.getSpec().getTemplate().getSpec().getContainers().get(0);
                      image[0] = c.getImage().replaceAll(":[^:/]*$", "") + ":" + tag;
                      c.setImage(image[0]);
                      return copy;
                    });
            yield "set image of Deployment " + d + " to " + image[0];
          }
          case 2 -> {
            String level = List.of("debug", "info", "warn").get(random.nextInt(3));
            deployments()
                .withName(d)
                .edit(
                    x -> {
                      Deployment copy = new DeploymentBuilder(x).build();
                      var env =
                          copy.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
                      env.removeIf(e -> e.getName().equals("LOG_LEVEL"));
                      env.add(new EnvVar("LOG_LEVEL", level, null));
                      return copy;
                    });
            yield "set LOG_LEVEL=" + level + " on Deployment " + d;
          }
          default -> {
            var cms = client.configMaps().inNamespace(DemoShop.NAMESPACE);
            ConfigMap old = cms.withName("shop-settings").get();
            if (old != null) {
              cms.withName("shop-settings").delete();
            }
            String pageSize = Integer.toString(12 + 12 * random.nextInt(3));
            cms.resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("shop-settings")
                        .withNamespace(DemoShop.NAMESPACE)
                        .addToLabels("app.kubernetes.io/part-of", "shop")
                        .endMetadata()
                        .addToData("currency", "EUR")
                        .addToData("checkout.timeoutSeconds", "30")
                        .addToData("catalog.pageSize", pageSize)
                        .build())
                .create();
            yield "re-created ConfigMap shop-settings with catalog.pageSize=" + pageSize;
          }
        };
    log.accept(done);
    return done;
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Deployment,
          io.fabric8.kubernetes.api.model.apps.DeploymentList,
          io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment>>
      deployments() {
    return client.apps().deployments().inNamespace(DemoShop.NAMESPACE);
  }

  /** Starts changing prod every {@code period}, on a daemon thread. */
  synchronized void start(Duration period) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-actor");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            step();
          } catch (RuntimeException e) {
            log.accept("demo actor: " + e.getMessage());
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdownNow();
    }
    client.close();
  }
}
