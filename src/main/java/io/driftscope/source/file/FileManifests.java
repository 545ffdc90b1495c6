package io.driftscope.source.file;

import java.nio.file.Path;
import java.util.List;

/**
 * What one file contributed: its Kubernetes objects in order, the notices about what it skipped,
 * and the file's size and modification time when it was read.
 */
record FileManifests(
    Path file, List<ManifestDocument> documents, List<String> notices, FileStamp stamp) {

  FileManifests {
    documents = List.copyOf(documents);
    notices = List.copyOf(notices);
  }
}
