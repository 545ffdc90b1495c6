package io.driftscope.source.file;

import io.driftscope.core.Origin;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a manifest file or folder into resources the way the file source does (raw documents, the
 * origin's location starting with the display path, 1-based lines), for tests that run before the
 * file source is in main.
 */
public final class TestManifests {

  private TestManifests() {}

  /** The resources under {@code root}, shown as {@code display}. */
  public static List<Resource> load(Path root, String display, String defaultNamespace)
      throws IOException {
    List<Path> files;
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        files =
            s.filter(Files::isRegularFile)
                .filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(root);
    }
    List<Resource> out = new ArrayList<>();
    for (Path f : files) {
      EditableFile ef = EditableFile.parse(Files.readString(f), f.toString().endsWith(".json"));
      String shown = f.equals(root) ? display : display + "/" + root.relativize(f);
      for (EditableFile.Doc d : ef.docs) {
        if (d.value() == null || !d.value().isObject()) {
          continue;
        }
        var v = d.value();
        String ns = v.path("metadata").path("namespace").asText(defaultNamespace);
        ResourceKey key =
            new ResourceKey(
                ResourceKey.groupOf(v.path("apiVersion").asText()),
                v.path("kind").asText(),
                ns,
                v.path("metadata").path("name").asText());
        int line = ef.lineOf(ef.start(d.node()));
        out.add(
            new Resource(
                key,
                v.path("apiVersion").asText(),
                (com.fasterxml.jackson.databind.node.ObjectNode) v,
                new Origin(shown, line, 1)));
      }
    }
    return out;
  }
}
