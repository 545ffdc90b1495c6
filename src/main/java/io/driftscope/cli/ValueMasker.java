package io.driftscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;

/** Decides how a value is shown: secret values become salted digests. */
public interface ValueMasker {

  /** The value to show for {@code value} at {@code path} of resource {@code key}. */
  JsonNode show(ResourceKey key, FieldPath path, JsonNode value);
}
