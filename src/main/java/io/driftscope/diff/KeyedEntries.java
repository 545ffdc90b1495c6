package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.normalize.DocumentPaths;
import io.driftscope.normalize.FieldSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A keyed list's entries and their keys, in document order. */
final class KeyedEntries {
  private static final KeyedEntries EMPTY = new KeyedEntries(0);
  final JsonNode[] nodes;
  final String[][] keys;
  final int size;
  private Map<String, Integer> byKey;

  private KeyedEntries(int size) {
    this.nodes = new JsonNode[size];
    this.keys = new String[size][];
    this.size = size;
  }

  /** The entries, or {@code null} when one has no key or a key repeats. */
  static KeyedEntries of(JsonNode list, FieldSpec spec) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return EMPTY;
    }
    KeyedEntries e = new KeyedEntries(list.size());
    Map<String, Integer> seen = e.size > 16 ? new HashMap<>(e.size * 2) : null;
    for (int i = 0; i < e.size; i++) {
      JsonNode n = list.get(i);
      String[] key = DocumentPaths.keyOf(n, spec);
      if (key == null) {
        return null;
      }
      boolean repeated = seen != null ? seen.put(joined(key), i) != null : e.find(key, -1, i) >= 0;
      if (repeated) {
        return null;
      }
      e.nodes[i] = n;
      e.keys[i] = key;
    }
    e.byKey = seen;
    return e;
  }

  private static String joined(String[] key) {
    return key.length == 1 ? key[0] : String.join("\u0000", key);
  }

  /** The position of {@code key}, looking at {@code hint} first; -1 when absent. */
  int find(String[] key, int hint) {
    return find(key, hint, size);
  }

  private int find(String[] key, int hint, int limit) {
    if (hint >= 0 && hint < limit && Arrays.equals(keys[hint], key)) {
      return hint;
    }
    if (byKey != null) {
      // Long lists (many env vars): a map instead of a linear scan.
      Integer at = byKey.get(joined(key));
      return at == null ? -1 : at;
    }
    for (int i = 0; i < limit; i++) {
      if (Arrays.equals(keys[i], key)) {
        return i;
      }
    }
    return -1;
  }
}
