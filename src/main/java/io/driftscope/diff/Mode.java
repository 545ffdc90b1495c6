package io.driftscope.diff;

/** How two sides are compared. */
public enum Mode {
  /** Every field counts: environment against environment. */
  SYMMETRIC,
  /**
   * The left side is the desired state: fields only the live (right) side has are not drift unless
   * they were applied before and have since been dropped from the desired side.
   */
  DESIRED;

  /** The lower-case name used on the command line and in JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
