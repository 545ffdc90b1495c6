package io.driftscope.source.file;

import static io.driftscope.source.file.FileSources.load;
import static io.driftscope.source.file.FileSources.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.driftscope.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gives one line saying what and where. */
class BadInputTest {

  @TempDir Path dir;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "deploy.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: a: b\n",
            "deploy.yaml:5:12: malformed YAML: mapping values are not allowed here"),
        Arguments.of(
            "tabs.yaml",
            "apiVersion: v1\n\tkind: ConfigMap\n",
            "tabs.yaml:2:1: malformed YAML: found character '\\t(TAB)' that cannot start any"
                + " token. (Do not use \\t(TAB) for indentation)"),
        Arguments.of(
            "dup.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
            "dup.yaml:5:3: malformed YAML: duplicate key 'name'"),
        Arguments.of(
            "manykeys.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n"
                + "  k0: v\n  k1: v\n  k2: v\n  k3: v\n  k4: v\n  k5: v\n  k6: v\n  k7: v\n"
                + "  k8: v\n  k9: v\n  k10: v\n  k11: v\n  k12: v\n  k13: v\n  k14: v\n"
                + "  k15: v\n  k16: v\n  k17: v\n  k3: w\n",
            "manykeys.yaml:24:3: malformed YAML: duplicate key 'k3'"),
        Arguments.of(
            "alias.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: *nothing\n",
            "alias.yaml:3:11: malformed YAML: unknown alias *nothing"),
        Arguments.of(
            "broken.json",
            "{\"apiVersion\": \"v1\",\n \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": }\n}",
            "broken.json:3:23: malformed JSON: Unexpected character ('}' (code 125)): expected a"
                + " value"),
        Arguments.of("empty.yaml", "", "empty.yaml: empty file (0 bytes)"),
        Arguments.of(
            "comments.yaml",
            "# only a comment\n---\n",
            "comments.yaml: no documents (only comments or empty documents)"),
        Arguments.of(
            "a.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\n"
                + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {}\n",
            "a.yaml:6:1: document of kind Deployment has no metadata.name"),
        Arguments.of(
            "numbered.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 42\n",
            "numbered.yaml:1:1: document of kind ConfigMap has a metadata.name that is not a"
                + " string (42)"),
        Arguments.of(
            "list.yaml",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {}\n",
            "list.yaml:4:3: list item of kind Pod has no metadata.name"),
        Arguments.of(
            "nokind.yaml",
            "apiVersion: v1\nmetadata:\n  name: x\n",
            "nokind.yaml:1:1: document has no kind"),
        Arguments.of(
            "settings.yaml",
            "debug: true\n",
            "settings.yaml:1:1: document has no apiVersion and kind"),
        Arguments.of(
            "scalar.yaml",
            "just some text\n",
            "scalar.yaml:1:1: document is not a mapping but the" + " text 'just some text'"),
        Arguments.of(
            "binary.yaml",
            "apiVersion: v1\u0000\u0001\u0002",
            "binary.yaml: binary file, not YAML or JSON"),
        Arguments.of(
            "docker-compose.yml",
            "version: \"3\"\nservices:\n  web:\n    image: nginx\n",
            "docker-compose.yml: this is a compose file; compose sources are not supported yet"),
        Arguments.of(
            "score.yaml",
            "apiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers: {}\n",
            "score.yaml: this is a Score workload file; score sources are not supported yet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileNamedDirectlyIsOneClearLine(String name, String content, String message) {
    write(dir.resolve(name), content);
    SourceException e = assertThrows(SourceException.class, () -> load(dir, name));
    assertEquals(message, e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void aLargeFileIsReadAsItStreamsAndStillSaysWhere() throws Exception {
    // Past the size up to which files are read whole: the parser reads the rest as a stream.
    StringBuilder json =
        new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n");
    int items = 12_000;
    for (int i = 0; i < items; i++) {
      json.append("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c")
          .append(i)
          .append("\"},\"data\":{\"k\":\"")
          .append("x".repeat(60))
          .append("\"}},\n");
    }
    json.append("{\"kind\": }]}\n");
    Path file = Files.writeString(dir.resolve("big.json"), json);
    assertTrue(Files.size(file) > (1 << 20), "larger than what is read whole");
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "big.json"));
    assertEquals(
        "big.json:"
            + (items + 2)
            + ":10: malformed JSON: Unexpected character ('}' (code 125)):"
            + " expected a value",
        e.getMessage());
    Files.writeString(file, json.substring(0, json.lastIndexOf(",\n")) + "]}\n");
    assertEquals(items, load(dir, "big.json").resources().size());
  }

  @Test
  void invalidUtf8IsSaidSo() throws Exception {
    Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "latin1.yaml"));
    assertEquals(true, e.getMessage().startsWith("latin1.yaml: not UTF-8 text ("), e.getMessage());
  }

  @Test
  void aMissingPathIsNamedAsWritten() {
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "./nope"));
    assertEquals("missing path: ./nope (no such file or folder)", e.getMessage());
  }

  @Test
  void anUnreadableFileSaysPermissionDenied() throws Exception {
    Path file = write(dir.resolve("x.yaml"), FileSources.configMap("a", "1"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "running as root: permissions are not enforced");
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "x.yaml"));
    assertEquals("unreadable file: x.yaml (permission denied)", e.getMessage());
  }

  @Test
  void twoDocumentsWithOneIdentityAreNamedWithTheirPlaces() {
    write(dir.resolve("m/deploy.yaml"), FileSources.deployment("web"));
    write(
        dir.resolve("m/other.yaml"),
        FileSources.configMap("c", "1")
            + "---\n"
            + FileSources.deployment("web")
                .replace("name: web", "name: web\n  namespace: default"));
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "m"));
    assertEquals(
        "m/deploy.yaml:1:1 and m/other.yaml:8:1 both define Deployment.apps/default/web",
        e.getMessage());
  }

  @Test
  void aNamelessDocumentIsBadInputInAFolderToo() {
    write(dir.resolve("m/a.yaml"), FileSources.deployment("a"));
    write(dir.resolve("m/z.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {}\n");
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "m"));
    assertEquals("m/z.yaml:1:1: document of kind Service has no metadata.name", e.getMessage());
  }

  @Test
  void aMalformedFileInAFolderIsBadInputWithItsPath() {
    write(dir.resolve("m/a.yaml"), FileSources.deployment("a"));
    write(dir.resolve("m/sub/b.yaml"), "a: [1,\n");
    write(dir.resolve("m/sub/c.yaml"), "a: b: c\n");
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "m"));
    assertEquals(
        "m/sub/b.yaml:2:1: malformed YAML: expected the node content, but found '<stream end>'",
        e.getMessage());
  }

  @Test
  void aSnapshotSchemeOnAFolderIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("m"));
    SourceException e = assertThrows(SourceException.class, () -> load(dir, "snapshot:m"));
    assertEquals(
        "m: is a folder; a snapshot is one file (for a folder of manifests, drop 'snapshot:')",
        e.getMessage());
  }
}
