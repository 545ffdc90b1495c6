package io.driftscope.source.file;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Kubernetes object read from a file, with where it starts. Not yet keyed. */
record ManifestDocument(ObjectNode node, DocumentLocation location) {

  String apiVersion() {
    return node.path("apiVersion").asText("");
  }

  String kind() {
    return node.path("kind").asText("");
  }

  String name() {
    return node.path("metadata").path("name").asText("");
  }

  String namespace() {
    return node.path("metadata").path("namespace").asText("");
  }
}
