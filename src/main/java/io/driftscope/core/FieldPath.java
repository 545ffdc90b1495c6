package io.driftscope.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path to a field inside a document, written like a JSON Pointer whose keyed-list entries are
 * {@code key=value} segments: {@code /spec/template/spec/containers/name=web/image}, {@code
 * /spec/ports/port=80,protocol=TCP/targetPort}. Segments escape {@code ~} as {@code ~0} and {@code
 * /} as {@code ~1}; inside keyed segments also {@code ,} as {@code ~2} and {@code =} as {@code ~3}.
 * Immutable.
 */
public final class FieldPath implements Comparable<FieldPath> {

  /** One step of a path. */
  public sealed interface Segment permits Name, Index, Keyed {
    /** The escaped text of this segment. */
    String text();
  }

  /** A map key. */
  public record Name(String name) implements Segment {
    @Override
    public String text() {
      return escape(name, false);
    }
  }

  /** A position in a list without a merge key. */
  public record Index(int index) implements Segment {
    @Override
    public String text() {
      return Integer.toString(index);
    }
  }

  /** An entry of a keyed list, identified by the values of its merge-key fields, in order. */
  public record Keyed(Map<String, String> fields) implements Segment {
    public Keyed {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A single-field key such as {@code name=web}. */
    public static Keyed of(String field, String value) {
      return new Keyed(Map.of(field, value));
    }

    @Override
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, String> e : fields.entrySet()) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), true));
      }
      return sb.toString();
    }
  }

  public static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Segment> segments;
  private int hash;

  private FieldPath(List<Segment> segments) {
    this.segments = segments;
  }

  /** A path of the given segments. */
  public static FieldPath of(List<Segment> segments) {
    return segments.isEmpty() ? ROOT : new FieldPath(List.copyOf(segments));
  }

  /** A path of plain map keys, e.g. {@code FieldPath.of("spec", "replicas")}. */
  public static FieldPath of(String... names) {
    List<Segment> list = new ArrayList<>(names.length);
    for (String n : names) {
      list.add(new Name(n));
    }
    return of(list);
  }

  public List<Segment> segments() {
    return segments;
  }

  public int size() {
    return segments.size();
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public Segment last() {
    return segments.get(segments.size() - 1);
  }

  /** The path one step down by map key. */
  public FieldPath child(String name) {
    return child(new Name(name));
  }

  /** The path one step down. */
  public FieldPath child(Segment segment) {
    List<Segment> list = new ArrayList<>(segments.size() + 1);
    list.addAll(segments);
    list.add(segment);
    return new FieldPath(Collections.unmodifiableList(list));
  }

  /** The path one step up; the root's parent is the root. */
  public FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /** Whether {@code prefix} is this path or one of its ancestors. */
  public boolean startsWith(FieldPath prefix) {
    return prefix.segments.size() <= segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  /**
   * Parses the written form. A segment containing an unescaped {@code =} is keyed; a segment of
   * digits is an index; anything else is a name.
   */
  public static FieldPath parse(String text) {
    if (text.isEmpty() || text.equals("/")) {
      return ROOT;
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a field path starts with '/': " + text);
    }
    List<Segment> list = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      list.add(parseSegment(raw));
    }
    return of(list);
  }

  private static Segment parseSegment(String raw) {
    if (raw.contains("=")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : raw.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("keyed segment without '=': " + raw);
        }
        fields.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
      }
      return new Keyed(fields);
    }
    if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit) && raw.length() < 10) {
      return new Index(Integer.parseInt(raw));
    }
    return new Name(unescape(raw));
  }

  static String escape(String s, boolean keyed) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c != '~' && c != '/' && !(keyed && (c == ',' || c == '='));
    }
    if (plain) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '~' -> sb.append("~0");
        case '/' -> sb.append("~1");
        case ',' -> sb.append(keyed ? "~2" : ",");
        case '=' -> sb.append(keyed ? "~3" : "=");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('~') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '~' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case '0' -> '~';
              case '1' -> '/';
              case '2' -> ',';
              case '3' -> '=';
              default -> throw new IllegalArgumentException("bad escape ~" + n + " in " + s);
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    if (segments.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append('/').append(s.text());
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = segments.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(FieldPath o) {
    return toString().compareTo(o.toString());
  }
}
