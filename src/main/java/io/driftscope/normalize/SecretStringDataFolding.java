package io.driftscope.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Folds a Secret's {@code stringData} into {@code data} (base64), as the API server does on write;
 * a {@code stringData} key wins over the same {@code data} key.
 */
public final class SecretStringDataFolding implements DocumentTransform {

  @Override
  public boolean appliesTo(String group, String kind) {
    return group.isEmpty() && kind.equals("Secret");
  }

  @Override
  public ObjectNode apply(ObjectNode document, BiConsumer<FieldPath, String> noted) {
    JsonNode stringData = document.get("stringData");
    if (stringData == null || !stringData.isObject() || stringData.isEmpty()) {
      return document;
    }
    // A shallow copy: only the top level and data change; the rest is shared, never modified.
    ObjectNode copy = Json.NODES.objectNode();
    copy.setAll(document);
    copy.remove("stringData");
    ObjectNode data = Json.NODES.objectNode();
    JsonNode oldData = document.get("data");
    if (oldData != null && oldData.isObject()) {
      data.setAll((ObjectNode) oldData);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String text = e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString();
      data.put(e.getKey(), b64.encodeToString(text.getBytes(StandardCharsets.UTF_8)));
      noted.accept(
          FieldPath.of("data", e.getKey()),
          "stringData/"
              + e.getKey()
              + " folded into data/"
              + e.getKey()
              + " (base64), as the API server stores it");
    }
    copy.set("data", data);
    return copy;
  }
}
