package io.driftscope.source.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.KindScopes;
import io.driftscope.core.Resource;
import io.driftscope.core.ResourceKey;
import io.driftscope.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The resources of a set of files, keyed: group from {@code apiVersion}, kind, namespace (the
 * document's, else the default one for namespaced kinds, {@code ""} for cluster-scoped kinds, as
 * {@link KindScopes} extended by the CRDs among the documents says) and name. Two documents with
 * one identity are bad input.
 */
final class ResourceIndex {

  /** Two documents define the same resource. */
  static final class DuplicateException extends SourceException {
    final Path first;
    final Path second;

    DuplicateException(DocumentLocation first, DocumentLocation second, ResourceKey key) {
      super(first + " and " + second + " both define " + key);
      this.first = first.file();
      this.second = second.file();
    }
  }

  private final Map<ResourceKey, Resource> resources;
  private final Map<ResourceKey, DocumentLocation> locations;
  private final KindScopes scopes;

  private ResourceIndex(
      Map<ResourceKey, Resource> resources,
      Map<ResourceKey, DocumentLocation> locations,
      KindScopes scopes) {
    this.resources = resources;
    this.locations = locations;
    this.scopes = scopes;
  }

  /** Keys every document of the files, in order. */
  static ResourceIndex build(
      Collection<FileManifests> files, KindScopes base, String defaultNamespace)
      throws DuplicateException {
    return build(files, base, defaultNamespace, node -> null);
  }

  /**
   * Keys every document of the files, in order, taking the resource {@code built} already made of a
   * document with the {@code base} scopes when no definition among the files changes them.
   */
  static ResourceIndex build(
      Collection<FileManifests> files,
      KindScopes base,
      String defaultNamespace,
      Function<ObjectNode, Resource> built)
      throws DuplicateException {
    List<ManifestDocument> all = new ArrayList<>();
    for (FileManifests file : files) {
      all.addAll(file.documents());
    }
    List<com.fasterxml.jackson.databind.JsonNode> definitions = new ArrayList<>();
    for (ManifestDocument doc : all) {
      if (KindScopes.isDefinition(doc.node())) {
        definitions.add(doc.node());
      }
    }
    KindScopes scopes = base.withDefinitions(definitions);
    Map<ResourceKey, Resource> resources = new LinkedHashMap<>(all.size() * 2);
    Map<ResourceKey, DocumentLocation> locations = new HashMap<>(all.size() * 2);
    boolean baseScopes = definitions.isEmpty();
    for (ManifestDocument doc : all) {
      Resource resource = baseScopes ? built.apply(doc.node()) : null;
      if (resource == null) {
        resource = resourceOf(doc, scopes, defaultNamespace);
      }
      ResourceKey key = resource.key();
      DocumentLocation earlier = locations.putIfAbsent(key, doc.location());
      if (earlier != null) {
        throw new DuplicateException(earlier, doc.location(), key);
      }
      resources.put(key, resource);
    }
    return new ResourceIndex(resources, locations, scopes);
  }

  /** The resource one document defines, its namespace resolved with {@code scopes}. */
  static Resource resourceOf(ManifestDocument doc, KindScopes scopes, String defaultNamespace) {
    String apiVersion = doc.apiVersion();
    String group = ResourceKey.groupOf(apiVersion);
    String kind = doc.kind();
    String namespace = scopes.namespaceFor(group, kind, doc.namespace(), defaultNamespace);
    ResourceKey key = new ResourceKey(group, kind, namespace, doc.name());
    return new Resource(key, apiVersion, doc.node(), doc.location().origin());
  }

  Map<ResourceKey, Resource> resources() {
    return resources;
  }

  Map<ResourceKey, DocumentLocation> locations() {
    return locations;
  }

  KindScopes scopes() {
    return scopes;
  }
}
