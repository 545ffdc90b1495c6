package io.driftscope.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared fixture pairs: from {@code ../shared/fixtures} beside the clone when present, else the
 * committed copy under {@code src/test/resources/fixtures}.
 */
final class Fixtures {

  private Fixtures() {}

  static Path dir() {
    Path shared = Path.of("..", "shared", "fixtures", "kubernetes-live-vs-desired");
    if (Files.isDirectory(shared)) {
      return shared.toAbsolutePath().normalize();
    }
    try {
      return Path.of(
              Fixtures.class.getResource("/fixtures/kubernetes-live-vs-desired/SOURCES.md").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String file(String name) {
    return dir().resolve(name).toString();
  }
}
