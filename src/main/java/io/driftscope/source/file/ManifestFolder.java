package io.driftscope.source.file;

import io.driftscope.source.SourceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which files of a folder are manifests: {@code *.yaml}, {@code *.yml} and {@code *.json} at any
 * depth, in sorted order, leaving out hidden files and folders, backups ({@code *.driftscope-bak}),
 * and the kustomize and Helm files that are not manifests (with one notice each).
 */
final class ManifestFolder {

  /** Files that have a manifest's extension but are not manifests, and what they are. */
  private static final Map<String, String> NOT_MANIFESTS =
      Map.of(
          "kustomization.yaml", "a kustomize file",
          "kustomization.yml", "a kustomize file",
          "chart.yaml", "a Helm chart file",
          "values.yaml", "Helm values",
          "values.yml", "Helm values");

  private final Path root;
  private final String rootDisplay;

  ManifestFolder(Path root, String rootDisplay) {
    this.root = root;
    this.rootDisplay = rootDisplay;
  }

  Path root() {
    return root;
  }

  /**
   * The manifest files at or under {@code start}, sorted; a notice per file left out goes to {@code
   * notices}.
   */
  List<Path> list(Path start, Map<Path, String> notices) throws SourceException {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          start,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return isHiddenBelowRoot(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && hasManifestName(file) && !isHiddenBelowRoot(file)) {
                Optional<String> notManifest = notManifest(file);
                if (notManifest.isPresent()) {
                  notices.put(file, display(file) + ": skipped, " + notManifest.get());
                } else {
                  files.add(file);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof FileSystemLoopException) {
                notices.put(file, display(file) + ": skipped, a symbolic link loop");
                return FileVisitResult.CONTINUE;
              }
              if (e instanceof NoSuchFileException && !file.equals(start)) {
                return FileVisitResult.CONTINUE; // deleted while listing, or a dangling link
              }
              throw e;
            }
          });
    } catch (NoSuchFileException e) {
      throw new SourceException("missing path: " + display(start) + " (no such file or folder)");
    } catch (AccessDeniedException e) {
      throw new SourceException(
          "unreadable folder: " + display(Path.of(e.getFile())) + " (permission denied)");
    } catch (IOException e) {
      throw new SourceException(
          "unreadable folder: " + display(start) + " (" + DocumentReader.reason(e) + ")");
    }
    files.sort(null);
    return files;
  }

  /** Whether a path under the root would be read as a manifest (by its name and place only). */
  boolean isManifestFile(Path file) {
    return file.startsWith(root)
        && !file.equals(root)
        && hasManifestName(file)
        && notManifest(file).isEmpty()
        && !isHiddenBelowRoot(file);
  }

  /** Whether a folder is one the listing descends into. */
  boolean isListedFolder(Path dir) {
    return dir.startsWith(root) && !isHiddenBelowRoot(dir);
  }

  /** How a file under the root is shown: the root as the user wrote it, joined with the rest. */
  String display(Path file) {
    if (file.equals(root)) {
      return rootDisplay;
    }
    Path relative = root.relativize(file);
    return rootDisplay.isEmpty()
        ? relative.toString()
        : Path.of(rootDisplay).resolve(relative).normalize().toString();
  }

  static boolean hasManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static Optional<String> notManifest(Path file) {
    return Optional.ofNullable(
        NOT_MANIFESTS.get(file.getFileName().toString().toLowerCase(Locale.ROOT)));
  }

  private boolean isHiddenBelowRoot(Path path) {
    if (!path.startsWith(root) || path.equals(root)) {
      return false;
    }
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
