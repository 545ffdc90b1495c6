package io.driftscope.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.source.SourceException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast YAML reader against the general one: on every input it either declines or gives the very
 * same documents (node classes, values, field order, shared strings, positions), and it takes the
 * manifests it was made for.
 */
class BlockYamlReaderTest {

  private static final Path FILE = Path.of("/manifests/x.yaml").toAbsolutePath();

  /** What the fast reader did with one input. */
  private enum Outcome {
    SAME,
    DECLINED
  }

  /**
   * Reads {@code text} both ways and fails unless the fast reader declined or agreed exactly; a
   * file the general reader rejects must be declined.
   */
  private static Outcome check(String what, byte[] bytes) {
    List<RawDocument> general;
    try {
      general =
          DocumentReader.parseGeneral(
              new DocumentReader.Content(bytes, null),
              DocumentReader.Syntax.YAML,
              FILE,
              "x.yaml",
              "items",
              new TextValues(),
              null);
    } catch (SourceException e) {
      general = null;
    }
    TextValues texts = new TextValues();
    List<RawDocument> fast;
    try {
      fast = BlockYamlReader.read(bytes, FILE, "x.yaml", "items", texts);
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": the fast reader threw instead of declining", e);
    }
    if (fast == null) {
      return Outcome.DECLINED;
    }
    if (general == null) {
      fail(what + ": the fast reader accepted what the general one rejects:\n" + show(bytes));
    }
    String difference = compare(general, fast);
    if (difference != null) {
      fail(what + ": " + difference + "\n" + show(bytes));
    }
    for (RawDocument d : fast) {
      checkShared(what, d.node(), texts);
    }
    return Outcome.SAME;
  }

  private static Outcome check(String what, String text) {
    return check(what, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void accepts(String what, String text) {
    assertEquals(Outcome.SAME, check(what, text), what + ": declined\n" + text);
  }

  private static String show(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
  }

  // ---------------------------------------------------------------- comparison

  private static final Field CHILDREN = children();

  private static Field children() {
    try {
      Field f = ObjectNode.class.getDeclaredField("_children");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  /** Where two readings differ, or null. */
  static String compare(List<RawDocument> expected, List<RawDocument> actual) {
    if (expected.size() != actual.size()) {
      return "documents: " + expected.size() + " expected, " + actual.size() + " read";
    }
    for (int i = 0; i < expected.size(); i++) {
      RawDocument e = expected.get(i);
      RawDocument a = actual.get(i);
      if (!e.location().equals(a.location())) {
        return "document " + i + " at " + where(e.location()) + " expected, " + where(a.location());
      }
      if (e.elements().size() != a.elements().size()) {
        return "document " + i + ": " + e.elements().size() + " element positions expected";
      }
      for (int k = 0; k < e.elements().size(); k++) {
        if (!e.elements().get(k).equals(a.elements().get(k))) {
          return "element "
              + k
              + " at "
              + where(e.elements().get(k))
              + " expected, "
              + where(a.elements().get(k));
        }
      }
      String d = compare(e.node(), a.node(), "document " + i + " ");
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String where(DocumentLocation l) {
    return l.document() + "/" + l.item() + " " + l.line() + ":" + l.column() + " @" + l.offset();
  }

  private static String compare(JsonNode e, JsonNode a, String path) {
    if (e.getClass() != a.getClass()) {
      return path + ": " + describe(e) + " expected, " + describe(a);
    }
    if (e instanceof ObjectNode) {
      try {
        if (CHILDREN.get(e).getClass() != CHILDREN.get(a).getClass()) {
          return path + ": objects over different maps";
        }
      } catch (IllegalAccessException x) {
        throw new AssertionError(x);
      }
      Iterator<Map.Entry<String, JsonNode>> ei = e.fields();
      Iterator<Map.Entry<String, JsonNode>> ai = a.fields();
      while (ei.hasNext() && ai.hasNext()) {
        Map.Entry<String, JsonNode> ee = ei.next();
        Map.Entry<String, JsonNode> ae = ai.next();
        if (!ee.getKey().equals(ae.getKey())) {
          return path + ": field '" + ee.getKey() + "' expected, '" + ae.getKey() + "'";
        }
        String d = compare(ee.getValue(), ae.getValue(), path + "/" + ee.getKey());
        if (d != null) {
          return d;
        }
      }
      return ei.hasNext() || ai.hasNext() ? path + ": different field counts" : null;
    }
    if (e.isArray()) {
      if (e.size() != a.size()) {
        return path + ": " + e.size() + " elements expected, " + a.size();
      }
      for (int i = 0; i < e.size(); i++) {
        String d = compare(e.get(i), a.get(i), path + "/" + i);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return e.equals(a) && e.toString().equals(a.toString())
        ? null
        : path + ": " + describe(e) + " expected, " + describe(a);
  }

  private static String describe(JsonNode n) {
    return n.getClass().getSimpleName() + " " + n;
  }

  /** Short values come from the shared table and names are interned, as the general path has it. */
  private static void checkShared(String what, JsonNode node, TextValues texts) {
    if (node.isTextual() && node.textValue().length() <= TextValues.MAX_LENGTH) {
      assertSame(texts.text(node.textValue()), node, what + ": value not shared");
    }
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(n -> assertSame(n.intern(), n, what + ": name not interned"));
    }
    for (JsonNode child : node) {
      checkShared(what, child, texts);
    }
  }

  // ---------------------------------------------------------------- files

  private static List<Path> yamlFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> corpusFiles() throws IOException {
    List<Path> files = new ArrayList<>(yamlFiles(Path.of("src", "test", "resources")));
    files.addAll(yamlFiles(Path.of("..", "shared", "fixtures")));
    return files;
  }

  @Test
  void filesReadTheSameOrAreDeclined() throws IOException {
    List<Path> files = corpusFiles();
    assertTrue(files.size() >= 10, "the test resources hold YAML files");
    for (Path f : files) {
      check(f.toString(), Files.readAllBytes(f));
    }
  }

  @Test
  void typicalManifestsAreNotDeclined() throws IOException {
    int deployments = 0;
    for (Path f : corpusFiles()) {
      String name = f.getFileName().toString();
      if (name.contains("deploy") || name.startsWith("bench-")) {
        assertEquals(Outcome.SAME, check(f.toString(), Files.readAllBytes(f)), f + " declined");
        deployments++;
      }
    }
    assertTrue(deployments >= 6, "Deployments and bench manifests among the resources");
  }

  // ---------------------------------------------------------------- small cases

  static Stream<String> trickyScalars() {
    return Stream.of(
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "Y",
        "N",
        "Yes",
        "NO",
        "On",
        "OFF",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "fALSE",
        "null",
        "Null",
        "NULL",
        "nULL",
        "~",
        "~x",
        "",
        "0",
        "-0",
        "+0",
        "00",
        "007",
        "08",
        "0o17",
        "0x1F",
        "0b101",
        "1_000",
        "+12",
        "-12",
        "12",
        "123456789",
        "1234567890",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1e3",
        "1E3",
        "1e+3",
        "1e-3",
        "1.0e3",
        "1.5E-3",
        "1.0",
        "-1.0",
        "0.0",
        "-0.0",
        "1.",
        "1.e3",
        ".5",
        "-.5",
        "+.5",
        "01.5",
        "1.10",
        "100.000",
        "1e400",
        ".inf",
        "-.inf",
        "+.INF",
        ".Inf",
        ".nan",
        ".NaN",
        ".NAN",
        "1:20",
        "1:20.5",
        "-1:20",
        "2024-01-01",
        "2024-1-1",
        "2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00",
        "2001-12-14t21:59:43.10-05:00",
        "1.17.5",
        "10.0.0.1",
        "64Mi",
        "500m",
        "1Gi",
        "0.5Gi",
        "1e3x",
        "-",
        "--",
        "---",
        "-x",
        "-1x",
        "=",
        "==",
        "<<",
        "<",
        "<a",
        "a#b",
        "a #b",
        "a: b",
        "a:b",
        "http://a:b/c",
        "?x",
        ":x",
        "x?",
        "x:",
        "%x",
        "@x",
        "`x`",
        "!x",
        "!!str x",
        "&a x",
        "*a",
        "|",
        ">",
        "[]",
        "{}",
        "[a]",
        "{a: 1}",
        "[a, b]",
        "[1, 2.5," + " true, null, ~]",
        "[ a b , 'c' , \"d\" ]",
        "[a,]",
        "[a, , b]",
        "[a: b]",
        "[[a]]",
        "[{}]",
        "[ ]",
        "{ }",
        "\"\"",
        "''",
        "\"1.10\"",
        "'1.10'",
        "\"true\"",
        "'null'",
        "\"a\\\"b\\\\c\"",
        "\"tab\\there\"",
        "\"nl\\nx\"",
        "\"\\u00e9\\u4e2d\"",
        "\"\\ud83d\\ude00\"",
        "\"\\x41\"",
        "\"\\/\"",
        "\"\\a\\e\\v\"",
        "\"\\ \"",
        "\"\\N\\_\\L\\P\"",
        "\"\\0\"",
        "\"\\b\\f\\r\"",
        "'it''s'",
        "''''",
        "'a\"b'",
        "\"a'b\"",
        "\"x\" # c",
        "'x' # c",
        "\"x\"#c",
        "\"x\" y",
        "\"unterminated",
        "'unterminated",
        "value # comment",
        "value#not",
        "trailing   ",
        "a  b   c",
        "é",
        "日本語",
        "ключ: x",
        "😀",
        "x\u00a0y",
        "x\u0085y",
        "x\u2028y",
        "x\ufeffy",
        "x\u007fy",
        "x\u0001y");
  }

  @ParameterizedTest
  @MethodSource("trickyScalars")
  void trickyScalarsReadTheSameOrAreDeclined(String scalar) {
    check("value", "a: " + scalar + "\nb: 1\n");
    check("entry", "a:\n- " + scalar + "\n- x\n");
    check("key", scalar + ": 1\nz: 2\n");
    check("flow", "a: [" + scalar + "]\n");
    check("list item", "kind: List\nitems:\n- " + scalar + "\n");
  }

  @Test
  void commonScalarsAreNotDeclined() {
    for (String scalar :
        new String[] {
          "web",
          "0",
          "-0",
          "8080",
          "-12",
          "2147483648",
          "9223372036854775808",
          "1.10",
          "0.5",
          "-1.5",
          "1e3",
          "1.5E-3",
          "true",
          "False",
          "NULL",
          "~",
          "",
          "2024-01-01",
          "1.17.5",
          "10.0.0.1",
          "64Mi",
          "500m",
          "http://a:b/c",
          "a#b",
          "value # comment",
          "\"1.10\"",
          "'1.10'",
          "\"\"",
          "''",
          "'it''s'",
          "\"a\\\"b\\\\c\"",
          "\"\\u00e9\"",
          "é",
          "日本語",
          "[a, 'b', \"c\", 1, true]",
          "[]",
          "{}",
          "-XX:+UseG1GC",
          "a  b",
          "trailing   "
        }) {
      accepts(scalar, "a: " + scalar + "\nb: 1\n");
      accepts(scalar, "a:\n- " + scalar + "\n");
    }
  }

  static Stream<String> trickyDocuments() {
    return Stream.of(
        "",
        "\n\n",
        "# only a comment\n",
        "# only a comment\n---\n",
        "---\n",
        "---\n---\n",
        "---\n# nothing\n---\na: 1\n",
        "a: 1\n---\n",
        "a: 1\n---\n---\nb: 2\n",
        "a: 1\n...\n",
        "a: 1\n...\n---\nb: 2\n",
        "--- a: 1\n",
        "--- # comment\na: 1\n",
        "---   \na: 1\n",
        "--- |\n  x\n",
        "---x: 1\n",
        "----\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1",
        "a: |\n  x",
        "a:",
        "- a\n- b\n",
        "  a: 1\n  b: 2\n",
        "  a: 1\nb: 2\n",
        "a: 1\n  b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "a: b\n  c\n",
        "a:\n  b\n",
        "a:\n  - x\n  b: 1\n",
        "a:\n- x\nb: 1\n",
        "a:\n- x\n- - y\n",
        "a:\n-\n  - y\n-\n- z\n",
        "a:\n- b: 1\n  c:\n  - x\n  d: 2\n- e: 3\n",
        "a:\n-   b: 1\n    c: 2\n",
        "a:\n  -  b: 1\n     c: 2\n",
        "a:\n- b: 1\n c: 2\n",
        "a:\n- \n- x\n",
        "a:\n-\n",
        "a:\n- # c\n  b: 1\n",
        "a: 1\na: 2\n",
        "a: 1\n\"a\": 2\n",
        "k0: 0\nk1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\n"
            + "k11: 11\nk12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk17: 17\nk3: x\n",
        "<<: {a: 1}\nb: 2\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "? a\n: 1\n",
        "a : 1\n",
        "\"a\" : 1\n",
        "'a': 1\n\"b\": 2\n'c''d': 3\n",
        "\".\": {}\n\"k:{\\\"name\\\":\\\"app\\\"}\": {}\n",
        "f:metadata:\n  f:labels:\n    \".\": {}\n    f:app.kubernetes.io/name: {}\n",
        "a.b/c: 1\n/x: 2\nx/: 3\n",
        "a:\n\tb: 1\n",
        "a:\tb\n",
        "a: b\t# c\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\rb: 2\n",
        "a: 1\r",
        "a: 1\r\r\n",
        "a: 1\n\r\nb: 2",
        "a: 1\r\n---\r\n# c\r\n---\r\nb: 2\r\n",
        "---\r\na: 'x'\r\nb: \"y\" # c\r\n",
        "a: |\r\n  x\r\n\r\n  y\r\nb: 1\r\n",
        "a: |+\r\n  x\r\n\r\n",
        "a: >\r\n  x\r\n  y\r\n",
        "a: |\r\n  x\ry\r\n",
        "kind: List\r\nitems:\r\n- a: 1\r\n-\r\n  b: é\r\n",
        "\ufeffa: 1\n",
        "a: \"x\n  y\"\n",
        "a: 'x\n  y'\n",
        "a: x\n\n  y\n",
        "a: 1 # comment\n# comment\n  # indented comment\nb: 2\n",
        "a:   \n  b: 1\n",
        "a: # comment\n  b: 1\n",
        "a:\n  # comment\n  b: 1\n",
        "a: |\n  x\n  y\nb: 1\n",
        "a: |-\n  x\n\n\nb: 1\n",
        "a: |+\n  x\n\n\nb: 1\n",
        "a: |+\n  x\n\n\n",
        "a: |+\n  x\n  \n   \n",
        "a: |\n  x\n\n",
        "a: |\n\n  x\n",
        "a: |\n   \n  x\n",
        "a: |\n  \n   x\n",
        "a: |\n  x\n   y\n z\n",
        "a: |\n    x\n  y\n",
        "a: |\n  # not a comment\n  x\n",
        "a: |\n  x\n# comment\nb: 1\n",
        "a: |\n  x\n # comment\n  y\n",
        "a: |2\n    x\n   y\n",
        "a: |1\n  x\n",
        "a: |2-\n   x\n",
        "a: |-2\n   x\n",
        "a: |+1\n x\n\n",
        "a: |0\n  x\n",
        "a: |22\n  x\n",
        "a: |#c\n  x\n",
        "a: | # c\n  x\n",
        "a: |x\n  x\n",
        "a: |\nb: 1\n",
        "a: |\n",
        "a: |",
        "a: >\n  x\n  y\n\n  z\n   w\n  v\n",
        "a: >-\n  x\n  y\n",
        "a: >+\n  x\n\n",
        "a: >\n   x\n  y\n",
        "a: >\n  x\n\n\n  y\n",
        "- |\n  x\n- >\n  y\n",
        "a:\n- |\n  x\n- b: |\n    y\n  c: 1\n",
        "a:\n  - |\n   x\n",
        "a:\n  - |\n    x\n",
        "kind: List\nitems:\n- a: 1\n-   b: 2\n-\n  c: 3\n- x\n- \"y\"\n- {}\n- []\n-\n- |\n  l\n",
        "kind: List\nitems:\n  - a: 1\n  - b: 2\n",
        "kind: List\nitems: []\n",
        "kind: List\nitems: [a, b]\n",
        "kind: List\nitems: {}\n",
        "kind: List\nitems:\n",
        "kind: List\nitems: x\n",
        "kind: List\nitems:\n  a: 1\n",
        "kind: List\nmetadata:\n  items:\n  - a: 1\n",
        "items:\n- a: 1\n---\nitems:\n- b: 2\n",
        "a: é\nb: 1\n---\nkind: List\nitems:\n- é: ü\n  x: 日本\n- y: 1\n",
        "é: 1\n---\n日本: 2\n",
        "a: {b: 1}\n",
        "a: [a, [b]]\n",
        "a: [a,\n  b]\n",
        "a: []  # c\n",
        "a: [] x\n",
        "a: {} # c\n",
        "a: {}x\n",
        "- - a\n",
        "- a\nb: 1\n",
        "-a: 1\n",
        "- -1\n- -a\n",
        "a: -\n",
        "a: - b\n",
        "a: b: c\n",
        "a: b:\n",
        "a: 'x': y\n",
        "a: \"x\" \"y\"\n",
        "a: ,x\n",
        "a: ]\n",
        "a: }\n",
        "a: #\n",
        "a: x # c: d\n",
        "a:b: 1\n",
        "a:b:\n  c: 1\n",
        "x" + "y".repeat(1100) + ": 1\n",
        "a: " + "9".repeat(200) + "\n",
        "a: 1." + "5".repeat(200) + "\n",
        "a: " + "[".repeat(10) + "\n");
  }

  @ParameterizedTest
  @MethodSource("trickyDocuments")
  void trickyDocumentsReadTheSameOrAreDeclined(String text) {
    check("document", text);
  }

  @Test
  void commonShapesAreNotDeclined() {
    for (String text :
        new String[] {
          "---\n# nothing\n---\na: 1\n",
          "a: 1\n---\n---\nb: 2\n---\n",
          "--- # comment\na: 1\n",
          "  a: 1\n  b: 2\n",
          "a:\n- b: 1\n  c:\n  - x\n  d: 2\n- e: 3\n",
          "a:\n-\n  - y\n-\n- z\n",
          "'a': 1\n\"b\": 2\n'c''d': 3\n",
          "\".\": {}\n\"k:{\\\"name\\\":\\\"app\\\"}\": {}\n",
          "a: |-\n  x\n\n\nb: 1\n",
          "a: |+\n  x\n\n\nb: 1\n",
          "a: |2\n    x\n   y\n",
          "a: >\n  x\n  y\n\n  z\n   w\n  v\n",
          "kind: List\nitems:\n- a: 1\n-   b: 2\n-\n  c: 3\n- x\n- \"y\"\n- {}\n- []\n-\n- |\n  l\n",
          "a: é\nb: 1\n---\nkind: List\nitems:\n- é: ü\n  x: 日本\n- y: 1\n",
          "a: 1\r\n---\r\n# c\r\n---\r\nb: 2\r\n",
          "a: |\r\n  x\r\n\r\n  y\r\nb: 1\r\n",
          "kind: List\r\nitems:\r\n- a: 1\r\n-\r\n  b: é\r\n",
        }) {
      accepts("document", text);
    }
  }

  // ---------------------------------------------------------------- scalars over several lines

  static Stream<String> multiLineScalars() {
    return Stream.of(
        "a: x\n  y\n",
        "a: x\n y\nb: 1\n",
        "a: x   \n     y  \n  z\nb: 1\n",
        "a: x\n\n  y\n",
        "a: x\n\n\n  y\n\n",
        "a: x\n  \n  y\n",
        "a: x\n      \n  y\n",
        "a: 123\n  456\n",
        "a: 1\n\n  2\n",
        "a: true\n  x\n",
        "a: null\n  x\n",
        "a: yes\n  x\n",
        "a: 007\n  x\n",
        "a: ~\n  x\n",
        "a: 1.5\n  e3\n",
        "a: 2001-12-14\n  21:59:43.10\n",
        "a: 2001-12-14\n  21:59:43.10 -5\n",
        "a: =\n  x\n",
        "a: <<\n  x\n",
        "a: 1_000\n  x\n",
        "a: x\n  #y\n",
        "a: x\n  #y\n  z\n",
        "a: x\n  y#z\n",
        "a: x\n  y #z\n",
        "a: x\n  y #z\n  w\n",
        "a: x #c\n  y\n",
        "a: x\n  y: z\n",
        "a: x\n  y:z\n",
        "a: x\n  y:\n",
        "a: x\n  - y\n",
        "a: x\n  -y\n",
        "a: x\n  ? y\n",
        "a: x\n  [y]\n",
        "a: x\n  {y}\n",
        "a: x\n  y]\n",
        "a: x\n  &y\n",
        "a: x\n  *y\n",
        "a: x\n  !y\n",
        "a: x\n  |y\n",
        "a: x\n  >y\n",
        "a: x\n  'y'\n",
        "a: x\n  \"y\"\n",
        "a: x\n  %y\n",
        "a: x\n  @y\n",
        "a: x\n  y,z\n",
        "a: x\n---\nb: 1\n",
        "a: x\n  ---\n",
        "a: x\n ---\n",
        "a: x\n  ...\n",
        "a: x\n...\n",
        "a: x\n\ty\n",
        "a: x\n  \ty\n",
        "a: x\n  y\tz\n",
        "a: x\n  y",
        "a: x\n  y\n  ",
        "a: x\n\n",
        "a: x\r\n  y\r\n\r\n  z\r\nb: 1\r\n",
        "a: é\n  ü 日本\n",
        "a: x\n  é\n",
        "a:\n  b: x\n    y\n  c: 1\n",
        "a:\n  b: x\n   y\n",
        "a:\n  b: x\n  y\n",
        "a:\n- x\n  y\n- z\n",
        "a:\n- x\n y\n",
        "a:\n  - x\n    y\n  - z\n",
        "a:\n  - x\n   y\n",
        "a:\n  - x\n  y\n",
        "- x\n  y\n- z\n",
        "a:\n- b: x\n   y\n  c: 1\n",
        "a:\n- b: x\n  y\n",
        "kind: List\nitems:\n- a: x\n    y\n- b: 1\n",
        "kind: List\nitems:\n- x\n  y\n- z\n",
        "  a: x\n   y\n",
        "  a: x\n  y\n",
        "a: \"x\n  y\"\n",
        "a: \"x   \n     y  \"\nb: 1\n",
        "a: \"x\n\n  y\"\n",
        "a: \"x\n\n\n  y\n\n  \"\n",
        "a: \"x\n  \n  y\"\n",
        "a: \"x\\\n  y\"\n",
        "a: \"x  \\\n  y\"\n",
        "a: \"x\\\n  \\ y\"\n",
        "a: \"x\\\n\n  y\"\n",
        "a: \"x\\ \n  y\"\n",
        "a: \"x\\n\n  \\ty\\u00e9\"\n",
        "a: \"x\n  \\\"y\\\"\"\n",
        "a: \"x\n  y\" # c\n",
        "a: \"x\n  y\" z\n",
        "a: \"x\n  y\"\n  z\n",
        "a: \"x\n  \"\n",
        "a: \"x\n  # y\"\n",
        "a: \"x\n  y: z\"\n",
        "a: \"x\ny\"\n",
        "a: \"x\n---\ny\"\n",
        "a: \"x\n  ---\n  y\"\n",
        "a: \"x\n...\"\n",
        "a: \"x\n\ty\"\n",
        "a: \"x\n  y\n",
        "a: \"x\n  y",
        "a: \"x\\",
        "a: \"x\\\n",
        "a: \"x\\q\n  y\"\n",
        "a: \"x\\u00\n  e9\"\n",
        "a: \"é\n  ü\"\n",
        "a: \"x\r\n  y\\\r\n  z\"\r\n",
        "a: 'x\n  y'\n",
        "a: 'x   \n     y  '\nb: 1\n",
        "a: 'x\n\n  y'\n",
        "a: 'x''\n  ''y'\n",
        "a: 'x\\\n  y'\n",
        "a: 'x\n  y' # c\n",
        "a: 'x\n  y'\n  z\n",
        "a: 'x\ny'\n",
        "a: 'x\n  y\n",
        "a: 'x\n  '''\n",
        "a: 'x\n  '\n",
        "a:\n- \"x\n  y\"\n- 'z\n  w'\n",
        "a:\n- \"x\n y\"\n",
        "a:\n  - \"x\n  y\"\n",
        "\"a\n  b\": 1\n",
        "'a\n  b': 1\n",
        "a:\n  \"b\n  c\": 1\n",
        "a: [x,\n  y]\n",
        "kind: List\nitems:\n- \"x\n  y\"\n- a: 'b\n    c'\n");
  }

  @ParameterizedTest
  @MethodSource("multiLineScalars")
  void multiLineScalarsReadTheSameOrAreDeclined(String text) {
    check("document", text);
    check("document", text.replace("\n", "\r\n"));
    check("in a list", "kind: List\nitems:\n- " + text.replace("\n", "\n  "));
  }

  @Test
  void wrappedScalarsAreNotDeclined() {
    for (String text :
        new String[] {
          "a: x\n  y\n",
          "a: x   \n     y  \n  z\nb: 1\n",
          "a: x\n\n\n  y\n\n",
          "a: 123\n  456\n",
          "a: x\n  #y\n",
          "a: x\n  y #z\n",
          "a: x\n  y#z\n",
          "a:\n- x\n  y\n- z\n",
          "a:\n- b: x\n   y\n  c: 1\n",
          "kind: List\nitems:\n- a: x\n    y\n- b: 1\n",
          "a: \"x\n  y\"\n",
          "a: \"x\\\n  \\ y\"\n",
          "a: \"x\n\n  y\\n\\u00e9\"\n",
          "a: 'x''\n  ''y'\n",
          "a: \"é\n  ü\"\n",
          "a:\n- \"x\n  y\"\n- 'z\n  w'\n",
          "a: \"x\r\n  y\\\r\n  z\"\r\n",
        }) {
      accepts("document", text);
    }
  }

  @Test
  void wrappedManifestsAreNotDeclined() {
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      String text = wrappedManifest(random);
      accepts("wrapped manifest " + i, i % 5 == 4 ? text.replace("\n", "\r\n") : text);
    }
  }

  /** Mutations around wrapped scalars. */
  @Test
  void mutatedWrappedManifestsReadTheSameOrAreDeclined() {
    Random random = new Random(12);
    String[] inserts = {
      " ", "  ", ":", ": ", "-", "- ", "#", " #", "\"", "'", "\\", "\n", "\n ", "\n\n", "\t",
      "---\n", "\n---\n", "...", "é", "\\\n", "''", "\\ "
    };
    int accepted = 0;
    int total = 0;
    for (int s = 0; s < 40; s++) {
      String source = wrappedManifest(random);
      for (int m = 0; m < 50; m++) {
        StringBuilder text = new StringBuilder(source);
        int at = random.nextInt(text.length() + 1);
        // mostly within or next to the wrapped lines
        int wrapped = text.indexOf("\n      ", random.nextInt(text.length()));
        if (wrapped >= 0 && random.nextBoolean()) {
          at = Math.max(0, Math.min(text.length(), wrapped + random.nextInt(10) - 3));
        }
        switch (random.nextInt(3)) {
          case 0 -> text.insert(at, inserts[random.nextInt(inserts.length)]);
          case 1 -> {
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
          }
          default -> {
            int lineStart = text.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
            if (random.nextBoolean()) {
              text.insert(lineStart, " ".repeat(1 + random.nextInt(5)));
            } else {
              int n = 0;
              while (n < 4 && lineStart + n < text.length() && text.charAt(lineStart + n) == ' ') {
                n++;
              }
              text.delete(lineStart, lineStart + n);
            }
          }
        }
        total++;
        if (check("wrapped mutation " + s + "/" + m, text.toString()) == Outcome.SAME) {
          accepted++;
        }
      }
    }
    assertTrue(accepted > total / 4, accepted + " of " + total + " mutations accepted");
  }

  private static final String[] WORDS = {
    "the",
    "controller",
    "reconciles",
    "pods",
    "and",
    "services",
    "for",
    "every",
    "namespace",
    "é",
    "日本",
    "a#b",
    "x:y",
    "--flag=1",
    "\\d+",
    "it's",
    "\"quoted\"",
    "100%",
    "{json}",
    "[list]",
    "path/to",
    "-",
    "true",
    "42",
    "3.5",
    "null",
    "key=value,other=1"
  };

  /** Words to a text of about {@code n} characters. */
  private static String words(Random random, int n) {
    StringBuilder s = new StringBuilder();
    while (s.length() < n) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }

  /**
   * A Deployment as {@code kubectl get -o yaml} writes it: long strings wrapped at about 80
   * columns, plain where they can be, double-quoted with escapes where not.
   */
  static String wrappedManifest(Random random) {
    StringBuilder out = new StringBuilder();
    int documents = 1 + random.nextInt(2);
    boolean list = random.nextInt(3) == 0;
    if (list) {
      out.append("apiVersion: v1\nkind: List\nitems:\n");
    }
    for (int d = 0; d < documents; d++) {
      String pad = list ? "  " : "";
      if (list) {
        out.append("- ");
      } else if (d > 0) {
        out.append("---\n");
      }
      out.append("apiVersion: apps/v1\n");
      out.append(pad).append("kind: Deployment\n");
      out.append(pad).append("metadata:\n");
      out.append(pad).append("  annotations:\n");
      String json =
          "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d"
              + d
              + "\",\"namespace\":\"default\"},\"spec\":{\"replicas\":"
              + random.nextInt(9)
              + ",\"template\":{\"spec\":{\"containers\":[{\"image\":\"nginx:1."
              + random.nextInt(30)
              + "\",\"name\":\"web\"}]}}}}";
      out.append(pad).append("    kubectl.kubernetes.io/last-applied-configuration: |\n");
      out.append(pad).append("      ").append(json).append('\n');
      out.append(pad).append("    description: ");
      wrapPlain(out, words(random, 60 + random.nextInt(300)), pad + "      ", random);
      out.append(pad).append("    note: ");
      wrapDouble(out, words(random, 60 + random.nextInt(300)), pad + "      ");
      out.append(pad).append("    applied: ");
      wrapDouble(out, json + "\n", pad + "      ");
      if (random.nextBoolean()) {
        out.append(pad).append("    single: ");
        wrapSingle(out, words(random, 100 + random.nextInt(100)), pad + "      ");
      }
      out.append(pad).append("  name: d").append(d).append('\n');
      out.append(pad).append("spec:\n");
      out.append(pad).append("  replicas: 2\n");
      out.append(pad).append("  template:\n");
      out.append(pad).append("    spec:\n");
      out.append(pad).append("      containers:\n");
      out.append(pad).append("      - args:\n");
      for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
        out.append(pad).append("        - ");
        wrapPlain(out, words(random, 20 + random.nextInt(150)), pad + "          ", random);
      }
      out.append(pad).append("        image: nginx\n");
      out.append(pad).append("        name: web\n");
    }
    return out.toString();
  }

  /** Plain, as go-yaml wraps it when nothing in the text needs quotes; otherwise double-quoted. */
  private static void wrapPlain(StringBuilder out, String text, String indent, Random random) {
    boolean plainable =
        !text.contains(": ")
            && !text.contains(" #")
            && !text.matches("(?s)^[-\"\\[\\]{}&*!|>'%@`?,#0-9].*")
            && !text.matches("^(true|null)( .*)?$");
    if (!plainable) {
      wrapDouble(out, text, indent);
      return;
    }
    int column = out.length() - out.lastIndexOf("\n") - 1;
    String[] words = text.split(" ");
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        if (column + 1 + words[w].length() > 80) {
          out.append('\n');
          if (random.nextInt(8) == 0) {
            out.append(indent.substring(random.nextInt(indent.length()))).append('\n');
          }
          out.append(indent);
          column = indent.length();
        } else {
          out.append(' ');
          column++;
        }
      }
      out.append(words[w]);
      column += words[w].length();
    }
    out.append(random.nextInt(6) == 0 ? "  # wrapped\n" : "\n");
  }

  /** Double-quoted with escapes, wrapped at spaces or with a backslash at a line's end. */
  private static void wrapDouble(StringBuilder out, String text, String indent) {
    out.append('"');
    int column = out.length() - out.lastIndexOf("\n") - 1;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      String s =
          switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            default -> String.valueOf(c);
          };
      if (column > 78) {
        if (c == ' ' && k + 1 < text.length() && text.charAt(k + 1) != ' ') {
          out.append('\n').append(indent);
          column = indent.length();
          continue; // the break folds to this space
        }
        out.append("\\\n").append(indent);
        column = indent.length();
        if (c == ' ') {
          s = "\\ ";
        }
      }
      out.append(s);
      column += s.length();
    }
    out.append("\"\n");
  }

  /** Single-quoted, wrapped at single spaces. */
  private static void wrapSingle(StringBuilder out, String text, String indent) {
    out.append('\'');
    int column = out.length() - out.lastIndexOf("\n") - 1;
    String[] words = text.split(" ");
    for (int w = 0; w < words.length; w++) {
      String word = words[w].replace("'", "''");
      if (w > 0) {
        if (column + 1 + word.length() > 80) {
          out.append('\n').append(indent);
          column = indent.length();
        } else {
          out.append(' ');
          column++;
        }
      }
      out.append(word);
      column += word.length();
    }
    out.append("'\n");
  }

  // ---------------------------------------------------------------- generated corpus

  @Test
  void generatedManifestsReadTheSame() {
    Random random = new Random(20261126);
    int accepted = 0;
    for (int i = 0; i < 400; i++) {
      String text = new Generator(random, false).file();
      if (i % 4 == 3) {
        text = text.replace("\n", "\r\n"); // as saved on Windows
      }
      accepts("generated manifest " + i, text);
      accepted++;
    }
    assertEquals(400, accepted);
  }

  @Test
  void generatedTrickyManifestsReadTheSameOrAreDeclined() {
    Random random = new Random(7);
    int accepted = 0;
    int declined = 0;
    for (int i = 0; i < 600; i++) {
      String text = new Generator(random, true).file();
      if (check("generated tricky manifest " + i, text) == Outcome.SAME) {
        accepted++;
      } else {
        declined++;
      }
    }
    assertTrue(accepted > 20 && declined > 20, accepted + " accepted, " + declined + " declined");
  }

  /** Mutations of real and generated files: a character added, removed, or a line moved. */
  @Test
  void mutatedFilesReadTheSameOrAreDeclined() throws IOException {
    Random random = new Random(42);
    List<String> sources = new ArrayList<>();
    for (Path f : yamlFiles(Path.of("src", "test", "resources"))) {
      String text = Files.readString(f);
      if (text.length() < 40_000) {
        sources.add(text);
      }
    }
    for (int i = 0; i < 20; i++) {
      sources.add(new Generator(random, false).file());
    }
    String[] inserts = {
      " ", "  ", ":", ": ", "-", "- ", "#", " #", "\"", "'", "|", ">", "\n", "\n ", "{", "}", "[",
      "]", ",", "&", "*", "!", "?", "%", "0", ".", "\t", "\r", "é", "\\", "---\n", "~"
    };
    int accepted = 0;
    for (String source : sources) {
      for (int m = 0; m < 60; m++) {
        StringBuilder text = new StringBuilder(source);
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(4)) {
          case 0 -> text.insert(at, inserts[random.nextInt(inserts.length)]);
          case 1 -> {
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
          }
          case 2 -> {
            int lineStart = text.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
            text.insert(lineStart, " ".repeat(1 + random.nextInt(3)));
          }
          default -> {
            String[] lines = text.toString().split("\n", -1);
            int a = random.nextInt(lines.length);
            int b = random.nextInt(lines.length);
            String t = lines[a];
            lines[a] = lines[b];
            lines[b] = t;
            text.setLength(0);
            text.append(String.join("\n", lines));
          }
        }
        if (check("mutation " + m, text.toString()) == Outcome.SAME) {
          accepted++;
        }
      }
    }
    assertTrue(accepted > 100, accepted + " mutations accepted");
  }

  /**
   * Random manifests in the styles Kubernetes tools write, and (when tricky) with what the fast
   * reader must decline or get exactly right mixed in.
   */
  private static final class Generator {

    private static final String[] KEYS = {
      "name",
      "image",
      "app.kubernetes.io/name",
      "f:metadata",
      "f:spec",
      "k8s.io/x",
      "a b",
      "port",
      "x-y_z",
      "1",
      "true",
      "null",
      "é",
      "日本",
      "a#b",
      "url:x",
      "\".\"",
      "\"k:{\\\"name\\\":\\\"app\\\"}\"",
      "'quoted'",
      "'it''s'",
      "\"\"",
      "\"with space\"",
      "~"
    };

    private static final String[] SCALARS = {
      "web",
      "nginx:1.25",
      "http://a:b/c",
      "a#b",
      "8080",
      "-1",
      "0",
      "3.5",
      "-0.25",
      "1e3",
      "true",
      "False",
      "null",
      "~",
      "\"quoted\"",
      "'it''s'",
      "\"esc \\\"x\\\" \\\\ \\n\\t\"",
      "64Mi",
      "1.17.5",
      "2024-01-01",
      "2025-01-06T09:08:23Z",
      "10.0.0.1",
      "\"1.10\"",
      "'0'",
      "é",
      "日本",
      "\"\\u00e9\"",
      "a b  c",
      "x # comment",
      "-XX:+UseG1GC",
      "/etc/app",
      "\"\"",
      "''",
      "9223372036854775808",
      "2147483648",
      "{}",
      "[]",
      "[a, 'b', 1]",
      "\"true\""
    };

    private static final String[] TRICKY = {
      "yes",
      "no",
      "on",
      "Off",
      "007",
      "0o17",
      "0x1F",
      "1_000",
      ".5",
      "-.inf",
      ".NaN",
      "1:20",
      "\"\\/\"",
      "\"\\x41\"",
      "&a x",
      "*a",
      "!!str x",
      "<<",
      "=",
      "\"multi\n  line\"",
      "plain\n  more",
      "[a,\n  b]",
      "{a: 1}",
      "x\ty",
      "@x",
      "a: b",
      "'bad",
      "1.",
      "+1"
    };

    private final Random random;
    private final boolean tricky;
    private final StringBuilder out = new StringBuilder();

    Generator(Random random, boolean tricky) {
      this.random = random;
      this.tricky = tricky;
    }

    String file() {
      int documents = 1 + random.nextInt(3);
      if (random.nextInt(4) == 0) {
        out.append("# generated\n");
      }
      for (int d = 0; d < documents; d++) {
        if (d > 0 || random.nextBoolean()) {
          out.append(random.nextInt(5) == 0 ? "--- # next\n" : "---\n");
        }
        if (random.nextInt(8) == 0) {
          out.append("# an empty document\n---\n");
        }
        if (random.nextInt(4) == 0) {
          list();
        } else {
          manifest(0);
        }
      }
      if (random.nextInt(6) == 0) {
        out.append("---\n");
      }
      return out.toString();
    }

    private void list() {
      out.append("apiVersion: v1\nkind: List\nitems:\n");
      int indent = random.nextBoolean() ? 0 : 2;
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        pad(indent);
        if (random.nextInt(4) == 0) {
          out.append("-\n");
          manifest(indent + 2);
        } else {
          out.append("- ");
          manifestInline(indent + 2);
        }
      }
    }

    /** A ConfigMap whose first line follows a list entry's dash (already indented). */
    private void manifestInline(int indent) {
      manifest(indent, false, "v1", "ConfigMap", "m", 2);
    }

    private void manifest(int indent) {
      manifest(indent, true, "apps/v1", "Deployment", "d", 3);
    }

    private void manifest(
        int indent, boolean padFirst, String apiVersion, String kind, String name, int depth) {
      if (padFirst) {
        pad(indent);
      }
      out.append("apiVersion: ").append(apiVersion).append('\n');
      pad(indent);
      out.append("kind: ").append(kind).append('\n');
      pad(indent);
      out.append("metadata:\n");
      pad(indent + 2);
      out.append("name: ").append(name).append(random.nextInt(1000)).append('\n');
      fields(indent, depth, new ArrayList<>(List.of("apiVersion", "kind", "metadata")));
    }

    private void fields(int indent, int depth, List<String> used) {
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        String key = KEYS[random.nextInt(KEYS.length)];
        if (used.contains(key) && !(tricky && random.nextInt(10) == 0)) {
          continue;
        }
        used.add(key);
        pad(indent);
        field(key, indent, depth);
      }
    }

    /** A key and its value; the key is already indented (or follows a dash). */
    private void field(String key, int indent, int depth) {
      out.append(key).append(':');
      int kind = depth <= 0 ? 0 : random.nextInt(6);
      switch (kind) {
        case 0, 1 -> {
          out.append(' ').append(scalar()).append(trailer()).append('\n');
        }
        case 2 -> {
          out.append(trailer()).append('\n');
          blankOrComment(indent + 2);
          fields(indent + 2, depth - 1, new ArrayList<>());
        }
        case 3 -> {
          out.append('\n');
          sequence(random.nextBoolean() ? indent : indent + 2, depth - 1);
        }
        case 4 -> block(indent);
        default -> out.append(random.nextBoolean() ? " {}\n" : "\n");
      }
    }

    private void sequence(int indent, int depth) {
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        blankOrComment(indent);
        pad(indent);
        switch (random.nextInt(5)) {
          case 0 -> out.append("- ").append(scalar()).append('\n');
          case 1 -> {
            out.append("-\n");
            pad(indent + 2);
            field("k" + i, indent + 2, depth - 1);
          }
          case 2 -> {
            int at = indent + 2 + random.nextInt(2);
            out.append('-').append(" ".repeat(at - indent - 1));
            field("first", at, depth - 1);
            fields(at, depth - 1, new ArrayList<>(List.of("first")));
          }
          case 3 -> {
            out.append('-');
            block(indent);
          }
          default -> out.append(random.nextBoolean() ? "-\n" : "- {}\n");
        }
      }
    }

    /** A block scalar header after a key or dash at {@code indent}, and its lines. */
    private void block(int indent) {
      out.append(random.nextBoolean() ? " |" : " >");
      String chomp = new String[] {"", "-", "+"}[random.nextInt(3)];
      int explicit = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
      out.append(chomp);
      if (explicit > 0) {
        out.append(explicit);
      }
      out.append(random.nextInt(5) == 0 ? " # header" : "").append('\n');
      int at = explicit > 0 ? indent + explicit : indent + 2 + random.nextInt(2);
      if (random.nextInt(3) == 0) {
        out.append('\n');
      }
      out.append(" ".repeat(at)).append("first\n"); // sets the indentation when none is given
      for (int i = 0, n = random.nextInt(4); i < n; i++) {
        switch (random.nextInt(6)) {
          case 0 -> out.append('\n');
          case 1 -> out.append(" ".repeat(at + 1)).append("more ").append(i).append('\n');
          case 2 -> out.append(" ".repeat(at)).append("# text ").append(i).append('\n');
          default -> out.append(" ".repeat(at)).append("line ").append(i).append('\n');
        }
      }
      out.append(" ".repeat(at)).append("{\"json\": [1, 2]}\n");
      if (random.nextBoolean()) {
        out.append('\n');
      }
    }

    private String scalar() {
      if (tricky && random.nextInt(6) == 0) {
        return TRICKY[random.nextInt(TRICKY.length)];
      }
      return SCALARS[random.nextInt(SCALARS.length)];
    }

    private String trailer() {
      return switch (random.nextInt(8)) {
        case 0 -> " # comment";
        case 1 -> "   ";
        default -> "";
      };
    }

    private void blankOrComment(int indent) {
      switch (random.nextInt(10)) {
        case 0 -> out.append('\n');
        case 1 -> out.append(" ".repeat(indent)).append("# comment\n");
        case 2 -> out.append("# at the margin\n");
        default -> {
          // nothing
        }
      }
    }

    private void pad(int indent) {
      out.append(" ".repeat(indent));
    }
  }

  // ---------------------------------------------------------------- in use

  @Test
  void documentReaderUsesTheFastReaderAndFallsBack() throws SourceException {
    byte[] plain = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n".getBytes();
    List<RawDocument> read =
        DocumentReader.parse(plain, DocumentReader.Syntax.YAML, FILE, "x.yaml", "items");
    assertNotNull(BlockYamlReader.read(plain, FILE, "x.yaml", "items", new TextValues()));
    assertEquals("a", read.get(0).node().path("metadata").path("name").asText());

    byte[] anchored =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: a\nx: *m\n".getBytes();
    assertNull(BlockYamlReader.read(anchored, FILE, "x.yaml", "items", new TextValues()));
    read = DocumentReader.parse(anchored, DocumentReader.Syntax.YAML, FILE, "x.yaml", "items");
    assertEquals("a", read.get(0).node().path("x").path("name").asText());
  }
}
