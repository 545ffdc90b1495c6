package io.driftscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftscope.core.FieldPath;
import io.driftscope.core.ResourceKey;
import io.driftscope.core.SecretDigest;
import java.security.SecureRandom;

/**
 * Shows secret values without revealing them: {@code sha256:} and the first 12 hex digits of
 * SHA-256(salt ‖ value), with a salt chosen per run, so equal values are told from different ones
 * without allowing a guess across runs. Immutable and thread-safe.
 */
public final class SecretMask {

  private final byte[] salt;
  private final SecretDigest digest;

  /** A mask with the given salt (a snapshot passes the salt it stored). */
  public SecretMask(byte[] salt) {
    this.salt = salt.clone();
    this.digest = SecretDigest.withSalt(salt);
  }

  /** A mask with a fresh random 16-byte salt. */
  public static SecretMask withRandomSalt() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return new SecretMask(salt);
  }

  /** A copy of the salt. */
  public byte[] salt() {
    return salt.clone();
  }

  /** The masked form of a value. */
  public String mask(String value) {
    return digest.digestString(value);
  }

  /** The masked form of a JSON value (a string's text, else its JSON form). */
  public String mask(JsonNode value) {
    return mask(value.isTextual() ? value.textValue() : value.toString());
  }

  /** Whether {@code key} is a core-group Secret. */
  public static boolean isSecretKind(ResourceKey key) {
    return key.group().isEmpty() && key.kind().equals("Secret");
  }

  /** Whether the value at {@code path} of {@code key} is secret: a Secret's data or stringData. */
  public static boolean isSecretValue(ResourceKey key, FieldPath path) {
    if (!isSecretKind(key) || path.isRoot()) {
      return false;
    }
    return path.segments().get(0) instanceof FieldPath.Name n
        && (n.name().equals("data") || n.name().equals("stringData"));
  }
}
