package io.driftscope.source.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a file's content is opened: whole when small, else its head and a stream of the rest. */
class DocumentReaderTest {

  @TempDir Path dir;

  @Test
  void smallFilesAreReadWholeAndLargeOnesStream() throws Exception {
    int whole = 1 << 20;
    for (int size : new int[] {0, 1, 4096, 8192, 8193, 100_000, whole - 1, whole, whole + 1}) {
      byte[] bytes = new byte[size];
      Arrays.fill(bytes, (byte) 'x');
      Path file = dir.resolve("f" + size + ".yaml");
      Files.write(file, bytes);
      try (DocumentReader.Content content = DocumentReader.open(file, "f.yaml")) {
        if (size <= whole) {
          assertArrayEquals(bytes, content.head(), "size " + size);
          assertNull(content.rest(), "size " + size);
        } else {
          assertEquals(whole + 1, content.head().length);
          assertNotNull(content.rest());
          assertEquals(size - whole - 1, content.rest().readAllBytes().length);
        }
      }
    }
  }
}
