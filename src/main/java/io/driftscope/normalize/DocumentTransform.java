package io.driftscope.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftscope.core.FieldPath;
import java.util.function.BiConsumer;

/**
 * A normalization that rewrites a whole document before comparison (e.g. a Secret's {@code
 * stringData} folded into {@code data}). Never modifies its input.
 */
public interface DocumentTransform {

  /** Whether this transform concerns documents of {@code group} and {@code kind}. */
  boolean appliesTo(String group, String kind);

  /**
   * The rewritten document, or {@code document} itself when there is nothing to do; each rewritten
   * field is reported to {@code noted} with a sentence that never contains a value.
   */
  ObjectNode apply(ObjectNode document, BiConsumer<FieldPath, String> noted);
}
