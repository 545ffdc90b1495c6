package io.driftscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One top-level document of a file as parsed, before any Kubernetes rule is applied.
 *
 * @param node the document (never a null node: empty documents are left out)
 * @param location where it starts
 * @param elements where each element of its top-level array field (e.g. {@code items}) starts, in
 *     order; empty when it has none
 */
record RawDocument(JsonNode node, DocumentLocation location, List<DocumentLocation> elements) {}
