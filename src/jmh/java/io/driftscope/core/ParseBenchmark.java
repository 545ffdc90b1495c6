package io.driftscope.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of reading one document into a tree, the floor under everything else per resource: a
 * live Deployment (managedFields, status, last-applied annotation) and its manifest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

  private String live;
  private String desired;

  @Setup
  public void setUp() {
    live = BenchDocuments.text("deployment-live.json");
    desired = BenchDocuments.text("deployment-desired.json");
  }

  @Benchmark
  public JsonNode parseLiveDeployment() throws IOException {
    return Json.MAPPER.readTree(live);
  }

  @Benchmark
  public JsonNode parseDesiredDeployment() throws IOException {
    return Json.MAPPER.readTree(desired);
  }
}
