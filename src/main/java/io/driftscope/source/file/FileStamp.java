package io.driftscope.source.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file's size and modification time, to tell cheaply whether it changed since it was read. */
record FileStamp(long size, long modifiedNanos) {

  static final FileStamp NONE = new FileStamp(-1, -1);

  /** The stamp of a file now, or {@link #NONE} when it cannot be read. */
  static FileStamp of(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(
          attributes.size(),
          attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    } catch (IOException e) {
      return NONE;
    }
  }
}
