package io.driftscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.driftscope.core.Json;

/** How values are written for people: scalars plainly unless ambiguous, structures as YAML. */
final class Values {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private Values() {}

  /**
   * A value as one line, or several for structures: a string that could be read as another type (a
   * number, a boolean, null, empty, surrounding spaces) is quoted, so {@code "80"} and {@code 80}
   * look different.
   */
  static String display(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      if (s.contains("\n")) {
        return s;
      }
      boolean ambiguous =
          s.isEmpty()
              || !s.strip().equals(s)
              || s.equals("true")
              || s.equals("false")
              || s.equals("null")
              || s.matches("[-+]?[0-9][0-9_.eE+-]*");
      return ambiguous ? quote(s) : s;
    }
    if (v.isContainerNode()) {
      if (v.isEmpty()) {
        return v.isObject() ? "{}" : "[]";
      }
      String compact = v.toString();
      if (compact.length() <= 60) {
        return compact;
      }
      try {
        return YAML.writeValueAsString(v).stripTrailing();
      } catch (JsonProcessingException e) {
        return compact;
      }
    }
    return v.toString();
  }

  private static String quote(String s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      return "\"" + s + "\"";
    }
  }

  /** {@code s} cut to {@code width} with an ellipsis. */
  static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
  }
}
