package io.driftscope.source.file;

import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceFactory;
import io.driftscope.source.SourceSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@code PATH} / {@code file:PATH} (a manifest file or folder, or any file whose content is a
 * snapshot, compose or Score file) and {@code snapshot:PATH}. Formats recognized by content that
 * this factory does not read itself go to the factory registered for them, when there is one.
 */
public final class FileSourceFactory implements SourceFactory {

  private final Map<ContentFormat, SourceFactory> byFormat;

  /** A factory that reads manifests and snapshots. */
  public FileSourceFactory() {
    this(Map.of());
  }

  /**
   * A factory that hands files of other formats to their own factories, e.g. {@code
   * Map.of(ContentFormat.COMPOSE, composeFactory)}; they are opened with a spec of that format's
   * scheme and the same path.
   */
  public FileSourceFactory(Map<ContentFormat, SourceFactory> byFormat) {
    this.byFormat = byFormat.isEmpty() ? Map.of() : new EnumMap<>(byFormat);
  }

  @Override
  public Set<String> schemes() {
    return Set.of("file", "snapshot");
  }

  @Override
  public Source open(SourceSpec spec, SourceContext context) throws SourceException {
    String written = spec.body();
    if (written.isBlank()) {
      throw new SourceException("empty path in '" + spec.text() + "'");
    }
    Path path = resolve(written, context);
    String display = display(written);
    if (!Files.exists(path)) {
      throw new SourceException("missing path: " + written + " (no such file or folder)");
    }
    boolean folder = Files.isDirectory(path);
    if (spec.scheme().equals("snapshot")) {
      if (folder) {
        throw new SourceException(
            written
                + ": is a folder; a snapshot is one file (for a folder of manifests, drop"
                + " 'snapshot:')");
      }
      return SnapshotSource.open(spec.text(), path, display, context);
    }
    if (folder) {
      return new ManifestSource(spec.text(), path, display, true, context);
    }
    if (!Files.isRegularFile(path)) {
      throw new SourceException(written + ": not a file or folder");
    }
    ContentFormat format = ContentSniffer.sniff(path);
    return switch (format) {
      case MANIFESTS -> new ManifestSource(spec.text(), path, display, false, context);
      case SNAPSHOT -> SnapshotSource.open(spec.text(), path, display, context);
      default -> other(format, spec, display, context);
    };
  }

  private Source other(ContentFormat format, SourceSpec spec, String display, SourceContext context)
      throws SourceException {
    SourceFactory factory = byFormat.get(format);
    if (factory == null) {
      throw new SourceException(
          display
              + ": this is "
              + format.description()
              + "; "
              + format.scheme()
              + " sources are not supported yet");
    }
    return factory.open(new SourceSpec(format.scheme(), spec.body(), spec.text()), context);
  }

  private static Path resolve(String written, SourceContext context) throws SourceException {
    try {
      Path given = Path.of(written);
      Path base = context.workingDirectory() == null ? Path.of("") : context.workingDirectory();
      return base.toAbsolutePath().resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw new SourceException("not a valid path: " + written + " (" + e.getReason() + ")");
    }
  }

  /** A path as shown in messages: as written, without {@code ./} and trailing slashes. */
  private static String display(String written) {
    String normalized = Path.of(written).normalize().toString();
    return normalized.isEmpty() ? "." : normalized;
  }
}
