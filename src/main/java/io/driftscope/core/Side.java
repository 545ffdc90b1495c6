package io.driftscope.core;

/** One of the two environments being compared. */
public enum Side {
  LEFT,
  RIGHT;

  /** The other side. */
  public Side other() {
    return this == LEFT ? RIGHT : LEFT;
  }
}
