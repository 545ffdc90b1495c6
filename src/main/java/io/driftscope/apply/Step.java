package io.driftscope.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;

/**
 * One operation of a plan in plain words, e.g. {@code replace /spec/replicas 5 → 2}.
 *
 * @param verb {@code replace}, {@code add}, {@code remove}, {@code create} or {@code delete}
 * @param path the field in keyed form (the root for create and delete)
 * @param before the target's value now, {@code null} when absent
 * @param after the value it gets, {@code null} when removed
 * @param words the sentence shown, secret values masked
 */
public record Step(String verb, FieldPath path, JsonNode before, JsonNode after, String words) {}
