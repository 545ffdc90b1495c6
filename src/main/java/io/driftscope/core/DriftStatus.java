package io.driftscope.core;

/** The drift state of a resource or a field, with its tree symbol and its JSON name. */
public enum DriftStatus {
  SAME("=", "same"),
  CHANGED("~", "changed"),
  ONLY_LEFT("+", "onlyLeft"),
  ONLY_RIGHT("-", "onlyRight"),
  IGNORED("·", "ignored"),
  NOT_COMPARABLE("?", "notComparable");

  private final String symbol;
  private final String jsonName;

  DriftStatus(String symbol, String jsonName) {
    this.symbol = symbol;
    this.jsonName = jsonName;
  }

  /** The one-character tree symbol. */
  public String symbol() {
    return symbol;
  }

  /** The name used in JSON output, e.g. {@code onlyLeft}. */
  public String jsonName() {
    return jsonName;
  }

  /** Whether this state counts as drift. */
  public boolean isDrift() {
    return this == CHANGED || this == ONLY_LEFT || this == ONLY_RIGHT;
  }

  /** The state for something present only on {@code side}. */
  public static DriftStatus onlyOn(Side side) {
    return side == Side.LEFT ? ONLY_LEFT : ONLY_RIGHT;
  }
}
