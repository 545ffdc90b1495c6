package io.driftscope.tui;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How values appear on screen: scalars as their text, containers as compact JSON, secret values as
 * {@code sha256:} + 12 hex digits of SHA-256(per-run salt ‖ value) until revealed, everything
 * sanitized for the terminal.
 */
final class Values {

  private final byte[] salt;
  private boolean revealed;

  Values(byte[] salt) {
    this.salt = salt.clone();
  }

  boolean revealed() {
    return revealed;
  }

  void setRevealed(boolean on) {
    revealed = on;
  }

  /** The one-line text of a value; {@code ""} when absent. */
  String show(JsonNode v, boolean secret) {
    if (v == null || v.isMissingNode()) {
      return "";
    }
    String text = v.isValueNode() ? v.asText() : v.toString();
    if (secret && !revealed) {
      return digest(text);
    }
    return Text.sanitize(v.isTextual() || !v.isValueNode() ? text : v.toString());
  }

  /** {@code sha256:} and 12 hex digits of the salted digest of {@code value}. */
  String digest(String value) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      md.update(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
