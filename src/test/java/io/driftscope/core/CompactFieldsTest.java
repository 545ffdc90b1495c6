package io.driftscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact field map behaves as the insertion-ordered map Jackson uses by default. */
class CompactFieldsTest {

  @Test
  void randomOperationsMatchALinkedHashMap() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      CompactFields compact = new CompactFields();
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      int keys = 1 + random.nextInt(40);
      for (int op = 0; op < 300; op++) {
        // Keys built at run time, so that equal keys are not always the same instance.
        String key = new String("k" + random.nextInt(keys));
        JsonNode value = TextNode.valueOf("v" + op);
        switch (random.nextInt(6)) {
          case 0, 1, 2 -> assertEquals(expected.put(key, value), compact.put(key, value));
          case 3 -> assertEquals(expected.remove(key), compact.remove(key));
          case 4 -> {
            Iterator<Map.Entry<String, JsonNode>> a = expected.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> b = compact.entrySet().iterator();
            while (a.hasNext()) {
              Map.Entry<String, JsonNode> ea = a.next();
              Map.Entry<String, JsonNode> eb = b.next();
              assertEquals(ea, eb);
              if (ea.getKey().equals(key)) {
                a.remove();
                b.remove();
              }
            }
            assertTrue(!b.hasNext());
          }
          default -> {
            assertEquals(expected.get(key), compact.get(key));
            assertEquals(expected.containsKey(key), compact.containsKey(key));
          }
        }
        assertEquals(expected.size(), compact.size());
      }
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(compact.keySet()));
      assertEquals(expected, compact);
      assertEquals(compact, expected);
      assertEquals(expected.hashCode(), compact.hashCode());
    }
  }

  @Test
  void anObjectNodeOverItReadsWritesAndPrintsAsUsual() {
    ObjectNode node = CompactFields.objectNode(new Object[] {"b", TextNode.valueOf("2")}, 0, 1);
    node.put("a", 1);
    node.put("b", "3");
    assertEquals("{\"b\":\"3\",\"a\":1}", node.toString());
    assertEquals(Json.MAPPER.createObjectNode().put("a", 1).put("b", "3"), node);
    ObjectNode copy = node.deepCopy();
    copy.remove("b");
    assertEquals(2, node.size());
    assertNull(copy.get("b"));
  }

  @Test
  void changesDuringIterationAreCaught() {
    CompactFields map = new CompactFields();
    List.of("a", "b", "c").forEach(k -> map.put(k, TextNode.valueOf(k)));
    Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
    it.next();
    map.put("d", TextNode.valueOf("d"));
    assertThrows(ConcurrentModificationException.class, it::next);
  }

  @Test
  void entriesWriteThrough() {
    CompactFields map = new CompactFields();
    for (int i = 0; i < 20; i++) {
      map.put("k" + i, TextNode.valueOf("v"));
    }
    for (Map.Entry<String, JsonNode> e : map.entrySet()) {
      e.setValue(TextNode.valueOf(e.getKey()));
    }
    assertEquals(TextNode.valueOf("k13"), map.get("k13"));
  }
}
