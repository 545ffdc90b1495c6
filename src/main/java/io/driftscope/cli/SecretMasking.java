package io.driftscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.Json;
import io.driftscope.core.ResourceKey;
import io.driftscope.diff.SecretMask;

/** The masker of one run: Secret values shown as digests salted with a fresh random salt. */
final class SecretMasking implements ValueMasker {

  private final SecretMask mask;

  private SecretMasking(SecretMask mask) {
    this.mask = mask;
  }

  /** A masker with a new random salt. */
  static SecretMasking forRun() {
    return new SecretMasking(SecretMask.withRandomSalt());
  }

  @Override
  public JsonNode show(ResourceKey key, FieldPath path, JsonNode value) {
    if (!SecretMask.isSecretValue(key, path)) {
      return value;
    }
    return Json.NODES.textNode(mask.mask(value));
  }
}
