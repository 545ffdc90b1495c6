package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftscope.core.BenchDocuments;
import io.driftscope.core.Resource;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The normalization steps every live resource goes through: reading its managedFields (who applied
 * what), preparing the document for comparison, and comparing quantities by value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizerBenchmark {

  private final KubernetesNormalization normalization = KubernetesNormalization.standard();
  private Resource live;
  private final JsonNode gibi = TextNode.valueOf("1Gi");
  private final JsonNode mebi = TextNode.valueOf("1024Mi");
  private final JsonNode half = TextNode.valueOf("0.5");
  private final JsonNode milli = TextNode.valueOf("500m");

  @Setup
  public void setUp() {
    live = BenchDocuments.resource("deployment-live.json");
  }

  @Benchmark
  public ManagedFields managedFieldsOfLiveDeployment() {
    return ManagedFields.of(live.document());
  }

  @Benchmark
  public Object prepareLiveDeployment() {
    return normalization.prepare(live, (p, t) -> {});
  }

  @Benchmark
  public TypeSpec rootTypeOfLiveDeployment() {
    return normalization.rootType(live);
  }

  @Benchmark
  public boolean quantitiesSameValue() {
    return Quantity.sameValue(gibi, mebi) & Quantity.sameValue(half, milli);
  }

  @Benchmark
  public BigDecimal quantityParse() {
    return Quantity.parse("1536Mi");
  }
}
