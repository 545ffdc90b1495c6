package io.driftscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

  @Test
  void writesKeyedSegmentsWithEscapes() {
    Map<String, String> port = new LinkedHashMap<>();
    port.put("port", "1935");
    port.put("protocol", "TCP");
    FieldPath p =
        FieldPath.of("spec", "ports").child(new FieldPath.Keyed(port)).child("targetPort");
    assertEquals("/spec/ports/port=1935,protocol=TCP/targetPort", p.toString());

    FieldPath mount =
        FieldPath.of("spec", "template", "spec", "containers")
            .child(FieldPath.Keyed.of("name", "web"))
            .child("volumeMounts")
            .child(FieldPath.Keyed.of("mountPath", "/data"))
            .child("readOnly");
    assertEquals(
        "/spec/template/spec/containers/name=web/volumeMounts/mountPath=~1data/readOnly",
        mount.toString());
    assertEquals(mount, FieldPath.parse(mount.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/metadata/annotations/example.com~1owner",
        "/data/a~0b",
        "/spec/env/name=A~2B~3C/value",
        "/spec/containers/0/args",
        "/metadata/labels/team"
      })
  void parsesWhatItWrites(String text) {
    assertEquals(text, FieldPath.parse(text).toString());
  }

  @Test
  void keyedSegmentsKeepEscapedCharacters() {
    FieldPath p = FieldPath.parse("/spec/env/name=A~2B~3C/value");
    FieldPath.Keyed k = (FieldPath.Keyed) p.segments().get(2);
    assertEquals(Map.of("name", "A,B=C"), k.fields());
  }

  @Test
  void prefixes() {
    FieldPath p = FieldPath.parse("/spec/template/spec");
    assertTrue(p.startsWith(FieldPath.parse("/spec")));
    assertTrue(p.startsWith(FieldPath.ROOT));
    assertEquals(FieldPath.parse("/spec/template"), p.parent());
  }

  @Test
  void rejectsRelativePaths() {
    assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("spec/replicas"));
  }
}
