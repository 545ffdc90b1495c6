package io.driftscope.source.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Replaces a file's content all at once, so a reader never sees half a file. */
final class AtomicWrite {

  private AtomicWrite() {}

  /** Writes through a temporary file and a rename, keeping the file's permissions. */
  static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".driftscope-tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (Files.exists(file)) {
        try {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
          Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the default permissions will do.
        }
      } else {
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // As above.
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
