package io.driftscope.diff;

import io.driftscope.core.BenchDocuments;
import io.driftscope.core.Resource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ResourceDiffer#diff} on one realistic Deployment pair (a manifest against the object an
 * API server returns): benign differences only, and drifted at two paths. The cost per resource of
 * {@code driftscope diff} beyond reading the input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DifferBenchmark {

  @Param({"desired", "symmetric"})
  public String mode;

  private ResourceDiffer differ;
  private Resource desired;
  private Resource live;
  private Resource driftedDesired;
  private Resource driftedLive;

  @Setup
  public void setUp() {
    Mode m = "desired".equals(mode) ? Mode.DESIRED : Mode.SYMMETRIC;
    differ = new StructuralDiffer(DiffOptions.defaults().withMode(m));
    desired = BenchDocuments.resource("deployment-desired.json");
    live = BenchDocuments.resource("deployment-live.json");
    driftedDesired = BenchDocuments.resource("deployment-drifted-desired.json");
    driftedLive = BenchDocuments.resource("deployment-drifted-live.json");
    if (m == Mode.DESIRED && differ.diff(desired, live).isDrift()) {
      throw new IllegalStateException("the benign pair should be in sync in desired mode");
    }
    if (differ.diff(driftedDesired, driftedLive).drifted().size() < 2) {
      throw new IllegalStateException("the drifted pair should differ at two paths at least");
    }
  }

  @Benchmark
  public ResourceDiff benignDeployment() {
    return differ.diff(desired, live);
  }

  @Benchmark
  public ResourceDiff driftedDeployment() {
    return differ.diff(driftedDesired, driftedLive);
  }
}
