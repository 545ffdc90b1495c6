package io.driftscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.driftscope.core.Json;
import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairingTest {

  private static Resource r(String kind, String ns, String name) {
    return new Resource(
        new ResourceKey("", kind, ns, name), "v1", Json.NODES.objectNode(), Origin.of("t"));
  }

  @Test
  void oneNamespaceEachSidePairsByKindAndName() {
    List<Pairing.Pair> pairs =
        Pairing.plain()
            .pair(
                List.of(r("ConfigMap", "staging", "a"), r("Namespace", "", "x")),
                List.of(r("ConfigMap", "prod", "a"), r("ConfigMap", "prod", "b")));
    assertEquals(3, pairs.size());
    Pairing.Pair a = pairs.stream().filter(p -> p.key().name().equals("a")).findFirst().get();
    assertNotNull(a.left());
    assertNotNull(a.right());
    assertEquals("staging", a.key().namespace());
  }

  @Test
  void severalNamespacesPairByNamespaceUnlessMapped() {
    List<Resource> left =
        List.of(r("ConfigMap", "shop-staging", "a"), r("ConfigMap", "tools", "t"));
    List<Resource> right = List.of(r("ConfigMap", "shop-prod", "a"), r("ConfigMap", "tools", "t"));
    List<Pairing.Pair> unmapped = Pairing.plain().pair(left, right);
    assertEquals(3, unmapped.size());
    List<Pairing.Pair> mapped = new Pairing(Map.of("shop-staging", "shop-prod")).pair(left, right);
    assertEquals(2, mapped.size());
    for (Pairing.Pair p : mapped) {
      assertNotNull(p.left());
      assertNotNull(p.right());
    }
    long oneSided = unmapped.stream().filter(p -> p.left() == null || p.right() == null).count();
    assertEquals(2, oneSided);
  }
}
