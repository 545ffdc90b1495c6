package io.driftscope.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the values of a Secret by salted digests: every entry of {@code data} and {@code
 * stringData}, and the same inside the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation, which holds a copy of them.
 */
public final class SecretMasking {

  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private SecretMasking() {}

  /** Whether a resource is a core Secret. */
  public static boolean isSecret(ResourceKey key) {
    return key.group().isEmpty() && key.kind().equals("Secret");
  }

  /** A copy of a Secret document with its values digested; the original is left alone. */
  public static ObjectNode mask(ObjectNode secret, SecretDigest digest) {
    ObjectNode copy = secret.deepCopy();
    maskValues(copy, digest);
    JsonNode annotations = copy.path("metadata").path("annotations");
    JsonNode lastApplied = annotations.get(LAST_APPLIED);
    if (annotations instanceof ObjectNode map && lastApplied != null && lastApplied.isTextual()) {
      map.put(LAST_APPLIED, maskLastApplied(lastApplied.textValue(), digest));
    }
    return copy;
  }

  private static void maskValues(ObjectNode secret, SecretDigest digest) {
    if (secret.get("data") instanceof ObjectNode data) {
      for (String name : names(data)) {
        JsonNode value = data.get(name);
        if (value.isTextual()) {
          data.put(name, digest.digestData(value.textValue()));
        }
      }
    }
    if (secret.get("stringData") instanceof ObjectNode stringData) {
      for (String name : names(stringData)) {
        JsonNode value = stringData.get(name);
        if (!value.isNull()) {
          stringData.put(name, digest.digestString(value.asText()));
        }
      }
    }
  }

  private static List<String> names(ObjectNode map) {
    List<String> names = new ArrayList<>();
    map.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String maskLastApplied(String json, SecretDigest digest) {
    try {
      JsonNode applied = Json.MAPPER.readTree(json);
      if (applied instanceof ObjectNode object) {
        maskValues(object, digest);
        return Json.MAPPER.writeValueAsString(object);
      }
    } catch (IOException e) {
      // not JSON: it cannot be masked field by field, so it is masked whole
    }
    return digest.digestString(json);
  }
}
