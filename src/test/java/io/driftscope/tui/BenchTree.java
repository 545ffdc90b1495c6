package io.driftscope.tui;

import io.driftscope.compare.ComparisonView;
import io.driftscope.compare.SideView;
import io.driftscope.core.Resource;
import io.driftscope.diff.Mode;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.Summary;
import io.driftscope.source.SourceState;
import io.driftscope.source.SourceTraits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Synthetic comparisons of many resources for row-arithmetic tests and the latency bench. */
final class BenchTree {

  private BenchTree() {}

  /** A view of {@code n} Deployments per side, a fraction of them drifted. */
  static ComparisonView view(int n, double drifted) {
    Random random = new Random(42);
    io.driftscope.diff.ResourceDiffer differ = Shop.differ();
    List<ResourceDiff> diffs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "app-%05d".formatted(i);
      Resource l = Shop.deployment(name, 2, "shop/" + name + ":1.0", "info");
      boolean drift = random.nextDouble() < drifted;
      Resource r =
          Shop.deployment(name, drift ? 3 : 2, "shop/" + name + (drift ? ":1.1" : ":1.0"), "info");
      diffs.add(differ.diff(l, r));
    }
    diffs.sort((a, b) -> a.key().compareTo(b.key()));
    SourceTraits traits = new SourceTraits("memory", false, true, true);
    SourceState live = SourceState.of(SourceState.Phase.LIVE, Instant.EPOCH, "");
    return new ComparisonView(
        1,
        new SideView("staging", "mem:staging", traits, live),
        new SideView("prod", "mem:prod", traits, live),
        Mode.SYMMETRIC,
        true,
        List.copyOf(diffs),
        Summary.of(diffs),
        Set.of(),
        null,
        "",
        List.of());
  }

  /**
   * A Deployment with {@code extra} labels and env entries, so that a resource holds about {@code 2
   * × extra + 20} field nodes.
   */
  static Resource rich(String name, int replicas, String image, int extra) {
    StringBuilder labels = new StringBuilder("\"app\":\"" + name + "\"");
    StringBuilder env = new StringBuilder("{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}");
    for (int i = 0; i < extra; i++) {
      labels.append(",\"label-").append(i).append("\":\"value-").append(i).append('"');
      env.append(",{\"name\":\"VAR_").append(i).append("\",\"value\":\"v").append(i).append("\"}");
    }
    return Shop.resource(
        "apps",
        "apps/v1",
        "Deployment",
        name,
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"%s","namespace":"shop","labels":{%s}},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "template":{"spec":{"containers":[{"name":"main","image":"%s",
            "ports":[{"containerPort":8080,"protocol":"TCP"}],"env":[%s]}]}}}}
        """
            .formatted(name, labels, replicas, name, image, env));
  }

  /** Both sides of {@code n} rich Deployments, a fraction of them drifted. */
  static List<List<Resource>> sides(int n, double drifted, int extra) {
    Random random = new Random(7);
    List<Resource> left = new ArrayList<>(n);
    List<Resource> right = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "app-%05d".formatted(i);
      boolean drift = random.nextDouble() < drifted;
      left.add(rich(name, 2, "shop/" + name + ":1.0", extra));
      right.add(rich(name, drift ? 3 : 2, "shop/" + name + (drift ? ":1.1" : ":1.0"), extra));
    }
    return List.of(left, right);
  }

  static TreeModel build(int n, double drifted) {
    TreeModel tree = new TreeModel();
    tree.update(view(n, drifted));
    return tree;
  }
}
