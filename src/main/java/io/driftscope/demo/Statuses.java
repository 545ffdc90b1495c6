package io.driftscope.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.Json;
import java.util.List;

/** {@code Status} bodies as the Kubernetes API server writes them. */
final class Statuses {

  private Statuses() {}

  static ObjectNode status(int code, String reason, String message) {
    ObjectNode s = Json.NODES.objectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", message);
    s.put("reason", reason);
    s.put("code", code);
    return s;
  }

  static ObjectNode withDetails(
      ObjectNode status, String kind, String name, List<String[]> causes) {
    ObjectNode details = status.putObject("details");
    if (name != null) {
      details.put("name", name);
    }
    if (kind != null) {
      details.put("kind", kind);
    }
    if (!causes.isEmpty()) {
      ArrayNode list = details.putArray("causes");
      for (String[] c : causes) {
        ObjectNode cause = list.addObject();
        cause.put("reason", c[0]);
        cause.put("message", c[1]);
        if (c.length > 2) {
          cause.put("field", c[2]);
        }
      }
    }
    return status;
  }

  static String gone(long requested, long floor) {
    return status(410, "Expired", "too old resource version: " + requested + " (" + floor + ")")
        .toString();
  }
}
