package io.driftscope.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of an {@link ObjectNode} in one array, in insertion order, as a {@link Map}: a loaded
 * environment holds millions of small objects (a live Deployment's {@code managedFields} alone has
 * hundreds, most of them empty), and Jackson's default {@code LinkedHashMap} costs about 200 bytes
 * for a one-field object where this costs 70. Small maps are searched linearly; from {@value
 * #LINEAR} fields on, a hash index is kept. Behaves as a {@code LinkedHashMap} in insertion order:
 * replacing a value keeps its position. Not thread-safe, like the node it backs.
 */
public final class CompactFields extends AbstractMap<String, JsonNode> {

  private static final Object[] NONE = {};

  /** Up to this many fields, lookups scan the keys; beyond, they go through the hash index. */
  static final int LINEAR = 8;

  /** Keys at even positions, values at the odd ones after them. */
  private Object[] kv;

  private int size;

  /** Open-addressing index: entry number + 1 per slot, 0 when free; null while small. */
  private int[] slots;

  private int modCount;

  /** An empty map. */
  public CompactFields() {
    this.kv = NONE;
  }

  private CompactFields(Object[] kv, int size) {
    this.kv = kv;
    this.size = size;
    if (size > LINEAR) {
      reindex();
    }
  }

  /**
   * An object node over {@code size} fields taken from {@code pairs} (key, value, key, value …),
   * which must hold distinct keys; the pairs are copied.
   */
  public static ObjectNode objectNode(Object[] pairs, int from, int size) {
    Object[] kv = size == 0 ? NONE : Arrays.copyOfRange(pairs, from, from + 2 * size);
    return new ObjectNode(Json.NODES, new CompactFields(kv, size));
  }

  /** An empty object node backed by a compact map. */
  public static ObjectNode objectNode() {
    return new ObjectNode(Json.NODES, new CompactFields());
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public JsonNode get(Object key) {
    int i = find(key);
    return i < 0 ? null : (JsonNode) kv[2 * i + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    if (key == null) {
      throw new NullPointerException("field name");
    }
    int i = find(key);
    if (i >= 0) {
      JsonNode old = (JsonNode) kv[2 * i + 1];
      kv[2 * i + 1] = value;
      return old;
    }
    if (2 * size == kv.length) {
      kv = Arrays.copyOf(kv, 2 * Math.max(4, size + (size >> 1) + 1));
    }
    kv[2 * size] = key;
    kv[2 * size + 1] = value;
    size++;
    modCount++;
    if (slots != null && 2 * size <= slots.length) {
      insert(key, size - 1);
    } else if (size > LINEAR) {
      reindex();
    }
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    int i = find(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = (JsonNode) kv[2 * i + 1];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    kv = NONE;
    size = 0;
    slots = null;
    modCount++;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
    int expected = modCount;
    for (int i = 0; i < size; i++) {
      action.accept((String) kv[2 * i], (JsonNode) kv[2 * i + 1]);
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    // Not cached: a field for it would cost every one of millions of maps for the few iterated.
    return new Entries();
  }

  private void removeAt(int i) {
    System.arraycopy(kv, 2 * i + 2, kv, 2 * i, 2 * (size - i - 1));
    size--;
    kv[2 * size] = null;
    kv[2 * size + 1] = null;
    modCount++;
    if (slots != null) {
      if (size > LINEAR) {
        reindex();
      } else {
        slots = null;
      }
    }
  }

  private int find(Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int h = k.hashCode();
    int[] index = slots;
    Object[] a = kv;
    if (index == null) {
      for (int i = 0, n = size; i < n; i++) {
        Object candidate = a[2 * i];
        // Field names are interned by the parser, and so are literals: identity usually decides.
        if (candidate == k || (candidate.hashCode() == h && k.equals(candidate))) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
      int e = index[s];
      if (e == 0) {
        return -1;
      }
      Object candidate = a[2 * (e - 1)];
      if (candidate == k || (candidate.hashCode() == h && k.equals(candidate))) {
        return e - 1;
      }
    }
  }

  private void reindex() {
    int capacity = Integer.highestOneBit(Math.max(16, 4 * size) - 1) << 1;
    slots = new int[capacity];
    for (int i = 0; i < size; i++) {
      insert((String) kv[2 * i], i);
    }
  }

  private void insert(String key, int entry) {
    int mask = slots.length - 1;
    int s = spread(key.hashCode()) & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = entry + 1;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The entries, in order; entries are views whose {@code setValue} writes through. */
  private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {
    @Override
    public int size() {
      return size;
    }

    @Override
    public void clear() {
      CompactFields.this.clear();
    }

    @Override
    public Iterator<Map.Entry<String, JsonNode>> iterator() {
      return new Iterator<>() {
        private int next;
        private int last = -1;
        private int expected = modCount;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
          if (modCount != expected) {
            throw new ConcurrentModificationException();
          }
          if (next >= size) {
            throw new NoSuchElementException();
          }
          last = next++;
          return new Field((String) kv[2 * last], (JsonNode) kv[2 * last + 1]);
        }

        @Override
        public void remove() {
          if (last < 0) {
            throw new IllegalStateException();
          }
          if (modCount != expected) {
            throw new ConcurrentModificationException();
          }
          removeAt(last);
          next = last;
          last = -1;
          expected = modCount;
        }
      };
    }
  }

  /** One field; {@code setValue} writes through to the map. */
  private final class Field extends SimpleEntry<String, JsonNode> {
    Field(String key, JsonNode value) {
      super(key, value);
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      int i = find(getKey());
      if (i >= 0) {
        kv[2 * i + 1] = value;
      }
      return super.setValue(value);
    }
  }
}
