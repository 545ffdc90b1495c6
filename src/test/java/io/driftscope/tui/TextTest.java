package io.driftscope.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void cuttingTwoValuesKeepsTheirDifferenceVisible() {
    assertArrayEquals(
        new String[] {"…p-api:1.4.2", "…p-api:1.4.2-hotfix1"},
        Text.cutPair(
            "ghcr.io/example/shop-api:1.4.2", "ghcr.io/example/shop-api:1.4.2-hotfix1", 20, "…"));
  }

  @Test
  void valuesThatDifferEarlyAreCutAtTheEnd() {
    assertArrayEquals(
        new String[] {"alpha-1234567890123…", "beta-12345678901234…"},
        Text.cutPair("alpha-12345678901234567890", "beta-12345678901234567890", 20, "…"));
  }

  @Test
  void shortValuesStayWhole() {
    assertArrayEquals(new String[] {"2", "5"}, Text.cutPair("2", "5", 20, "…"));
  }
}
