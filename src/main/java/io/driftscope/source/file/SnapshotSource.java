package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.SecretDigest;
import io.driftscope.source.LoadResult;
import io.driftscope.source.Source;
import io.driftscope.source.SourceContext;
import io.driftscope.source.SourceException;
import io.driftscope.source.SourceListener;
import io.driftscope.source.SourceTraits;
import io.driftscope.source.Watch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot file written by {@code driftscope snapshot}: the live state of an environment at one
 * instant. It does not change, so it is not watched. A namespaced document that named no namespace
 * of its own takes this side's default namespace, as the source it was taken from would have given
 * it.
 */
public final class SnapshotSource implements Source {

  private static final SourceTraits TRAITS = new SourceTraits("snapshot", false, true, false);

  private final String spec;
  private final Path file;
  private final String display;
  private final String defaultNamespace;
  private final SnapshotFormat.Header header;

  private SnapshotSource(
      String spec, Path file, String display, String defaultNamespace, SnapshotFormat.Header h) {
    this.spec = spec;
    this.file = file;
    this.display = display;
    this.defaultNamespace = defaultNamespace;
    this.header = h;
  }

  /** Opens a snapshot file, reading and checking only its header. */
  static SnapshotSource open(String spec, Path file, String display, SourceContext context)
      throws SourceException {
    return new SnapshotSource(
        spec, file, display, context.defaultNamespace(), SnapshotFormat.readHeader(file, display));
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public SourceTraits traits() {
    return TRAITS;
  }

  /** The header: where and when the snapshot was taken. */
  public SnapshotFormat.Header header() {
    return header;
  }

  /** The one namespace the snapshot's documents name, when they name exactly one. */
  @Override
  public Optional<String> singleNamespace() {
    return header.namespaces().size() == 1
        ? Optional.of(header.namespaces().get(0))
        : Optional.empty();
  }

  @Override
  public Optional<SecretDigest> secretDigest() {
    return header.digest();
  }

  @Override
  public LoadResult load() throws SourceException {
    return load(SnapshotFormat.read(file, display));
  }

  /** Loads, handing each resource to {@code progress.onChange} as soon as it is read. */
  @Override
  public LoadResult load(SourceListener progress) throws SourceException {
    return load(
        SnapshotFormat.read(
            file,
            display,
            r -> {
              Resource keyed = namespaceWasDefaulted(r) ? rekey(r) : r;
              progress.onChange(keyed.key(), keyed);
            }));
  }

  private LoadResult load(SnapshotFormat.SnapshotFile read) throws SourceException {
    List<Resource> resources = new ArrayList<>(read.snapshot().resources().size());
    Map<ResourceKey, Resource> seen = new HashMap<>();
    for (Resource resource : read.snapshot().resources()) {
      Resource keyed = namespaceWasDefaulted(resource) ? rekey(resource) : resource;
      Resource earlier = seen.putIfAbsent(keyed.key(), keyed);
      if (earlier != null) {
        throw new SourceException(
            earlier.origin() + " and " + keyed.origin() + " both define " + keyed.key());
      }
      resources.add(keyed);
    }
    return new LoadResult(resources, List.of());
  }

  private Resource rekey(Resource resource) {
    return new Resource(
        resource.key().withNamespace(defaultNamespace),
        resource.apiVersion(),
        resource.document(),
        resource.origin());
  }

  /**
   * Whether a Kubernetes resource's namespace came from a default rather than from its document
   * (which names no namespace), so that it follows the default of whoever reads it.
   */
  static boolean namespaceWasDefaulted(Resource resource) {
    JsonNode metadata = resource.document().path("metadata");
    return !resource.key().namespace().isEmpty()
        && resource.document().has("kind")
        && metadata.hasNonNull("name")
        && metadata.path("namespace").asText("").isEmpty();
  }

  @Override
  public Watch watch(SourceListener listener) {
    return Watch.NONE;
  }

  @Override
  public void close() {}
}
