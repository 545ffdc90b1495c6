package io.driftscope.source.file;

import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helpers: write files, open and load file sources the way the command line does. */
final class FileSources {

  private FileSources() {}

  static SourceContext context(Path workingDirectory) {
    return context(workingDirectory, "default");
  }

  static SourceContext context(Path workingDirectory, String namespace) {
    return new SourceContext(namespace, workingDirectory, Clock.systemUTC(), Map.of());
  }

  static Source open(Path workingDirectory, String spec) throws SourceException {
    return new FileSourceFactory().open(SourceSpec.parse(spec), context(workingDirectory));
  }

  static LoadResult load(Path workingDirectory, String spec) throws SourceException {
    try (Source source = open(workingDirectory, spec)) {
      return source.load();
    }
  }

  /** The resources by key, in load order. */
  static Map<ResourceKey, Resource> byKey(LoadResult result) {
    return result.resources().stream()
        .collect(Collectors.toMap(Resource::key, r -> r, (a, b) -> a, LinkedHashMap::new));
  }

  /** The keys in their command-line form, in load order. */
  static String keys(LoadResult result) {
    return result.resources().stream()
        .map(r -> r.key().toString())
        .collect(Collectors.joining("\n"));
  }

  /** The origins in their {@code file:line:column} form, in load order. */
  static String origins(LoadResult result) {
    return result.resources().stream()
        .map(r -> r.origin().toString())
        .collect(Collectors.joining("\n"));
  }

  static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String deployment(String name) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          replicas: 1
        """
        .formatted(name);
  }

  static String configMap(String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
        data:
          value: "%s"
        """
        .formatted(name, value);
  }
}
