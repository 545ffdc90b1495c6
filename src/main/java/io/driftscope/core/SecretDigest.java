package io.driftscope.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Masks a secret value as {@code sha256:} + the first 12 hex digits of SHA-256(salt ‖ value), so
 * that equal values can be told from different ones without revealing them. The value of a Secret's
 * {@code data} entry is its base64-decoded bytes and of a {@code stringData} entry its UTF-8 bytes,
 * so the same secret gives the same digest in either field. Immutable.
 */
public final class SecretDigest {

  /** The prefix of every digest. */
  public static final String PREFIX = "sha256:";

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{12}");
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] salt;

  private SecretDigest(byte[] salt) {
    this.salt = salt.clone();
  }

  /** A digest with the given salt. */
  public static SecretDigest withSalt(byte[] salt) {
    return new SecretDigest(salt);
  }

  /** A digest with the salt written as hex, as snapshots store it. */
  public static SecretDigest withHexSalt(String hex) {
    return new SecretDigest(HEX.parseHex(hex));
  }

  /** A digest with a fresh random 16-byte salt. */
  public static SecretDigest random(SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return new SecretDigest(salt);
  }

  /** The salt as lower-case hex. */
  public String saltHex() {
    return HEX.formatHex(salt);
  }

  /** The digest of raw bytes. */
  public String digest(byte[] value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      byte[] hash = sha.digest(value);
      return PREFIX + HEX.formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The digest of a Secret {@code data} value (base64; used as text when it is not base64). */
  public String digestData(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      bytes = base64.getBytes(StandardCharsets.UTF_8);
    }
    return digest(bytes);
  }

  /** The digest of a Secret {@code stringData} value. */
  public String digestString(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a value has the form of a digest. */
  public static boolean isDigest(String value) {
    return value != null && DIGEST.matcher(value).matches();
  }
}
