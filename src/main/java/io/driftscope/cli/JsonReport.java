package io.driftscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.compare.ComparisonView;
import io.driftscope.core.DriftStatus;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.Difference;
import io.driftscope.diff.ResourceDiff;
import io.driftscope.diff.Summary;
import java.io.IOException;

/**
 * Writes a comparison as the stable JSON (or YAML) contract of {@code driftscope diff --output
 * json}: sides, mode, {@code inSync}, summary, and every resource with its differences.
 */
public final class JsonReport {

  private final ValueMasker masker;

  public JsonReport(ValueMasker masker) {
    this.masker = masker;
  }

  /** Writes the report to {@code g}. */
  public void write(ComparisonView view, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("left", view.left().spec());
    g.writeStringField("right", view.right().spec());
    g.writeStringField("mode", view.mode().label());
    g.writeBooleanField("inSync", view.inSync());
    Summary s = view.summary();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("same", s.same());
    g.writeNumberField("changed", s.changed());
    g.writeNumberField("onlyLeft", s.onlyLeft());
    g.writeNumberField("onlyRight", s.onlyRight());
    g.writeNumberField("ignored", s.ignored());
    g.writeEndObject();
    g.writeArrayFieldStart("resources");
    for (ResourceDiff d : view.resources()) {
      writeResource(d, g);
    }
    g.writeEndArray();
    if (!view.notices().isEmpty()) {
      g.writeArrayFieldStart("notices");
      for (String n : view.notices()) {
        g.writeString(n);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.flush();
  }

  /** Writes one resource object. */
  public void writeResource(ResourceDiff d, JsonGenerator g) throws IOException {
    ResourceKey k = d.key();
    g.writeStartObject();
    g.writeObjectFieldStart("key");
    g.writeStringField("group", k.group());
    g.writeStringField("version", d.version());
    g.writeStringField("kind", k.kind());
    g.writeStringField("namespace", k.namespace());
    g.writeStringField("name", k.name());
    g.writeEndObject();
    g.writeStringField("status", d.status().jsonName());
    g.writeBooleanField("ignored", d.ignored());
    if (!d.reason().isEmpty()) {
      g.writeStringField("reason", d.reason());
    }
    g.writeArrayFieldStart("differences");
    for (Difference x : d.differences()) {
      writeDifference(k, x, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeDifference(ResourceKey key, Difference x, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", x.path().toString());
    g.writeStringField("status", x.status().jsonName());
    writeValue("left", key, x, x.left(), g);
    writeValue("right", key, x, x.right(), g);
    if (x.status() == DriftStatus.IGNORED) {
      g.writeStringField("reason", x.reason());
    }
    g.writeEndObject();
  }

  private void writeValue(String field, ResourceKey key, Difference x, JsonNode v, JsonGenerator g)
      throws IOException {
    if (v == null || v.isMissingNode()) {
      return;
    }
    g.writeFieldName(field);
    g.writeTree(masker.show(key, x.path(), v));
  }
}
