package io.driftscope.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.driftscope.core.Json;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "1Gi, 1024Mi",
    "0.5, 500m",
    "1, 1000m",
    "1k, 1000",
    "1M, 1000k",
    "1Ki, 1024",
    "1e3, 1k",
    "1E3, 1000",
    "1.5Gi, 1536Mi",
    "100u, 0.1m",
    "1000000n, 1m",
    "1Ei, 1024Pi",
    "2E, 2000P",
    "+3, 3",
    "25m, 0.025",
  })
  void equalValues(String a, String b) {
    assertEquals(0, Quantity.parse(a).compareTo(Quantity.parse(b)), a + " vs " + b);
    assertTrue(Quantity.sameValue(Json.NODES.textNode(a), Json.NODES.textNode(b)));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({"1Gi, 1G", "500m, 0.05", "1Mi, 1M", "1, 1001m"})
  void differentValues(String a, String b) {
    assertFalse(Quantity.sameValue(Json.NODES.textNode(a), Json.NODES.textNode(b)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Gi", "1GB", "abc", "1e", "1.2.3", "1 Gi", "e3"})
  void notQuantities(String text) {
    assertNull(Quantity.parse(text));
  }

  @org.junit.jupiter.api.Test
  void numbersAreQuantities() {
    assertEquals(0, new BigDecimal("2").compareTo(Quantity.valueOf(Json.NODES.numberNode(2))));
    assertTrue(Quantity.sameValue(Json.NODES.numberNode(1), Json.NODES.textNode("1000m")));
  }
}
