package io.driftscope.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One resource of an environment: its key, its {@code apiVersion} and its raw document as the
 * source holds it (never normalized). The document must not be modified once the resource is built;
 * sources hand out fresh trees.
 */
public record Resource(ResourceKey key, String apiVersion, ObjectNode document, Origin origin) {

  public Resource {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(document, "document");
    apiVersion = apiVersion == null ? "" : apiVersion;
    origin = origin == null ? Origin.of("") : origin;
  }

  /** The version part of the apiVersion, e.g. {@code v1} of {@code apps/v1}. */
  public String version() {
    return ResourceKey.versionOf(apiVersion);
  }
}
