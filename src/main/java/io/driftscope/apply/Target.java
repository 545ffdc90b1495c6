package io.driftscope.apply;

import io.driftscope.core.Side;

/**
 * The environment an apply writes into, as the plan shows it.
 *
 * @param side which side of the comparison it is
 * @param label its name (from the config file) or spec
 * @param spec its source spec
 * @param isProtected confirming needs its name typed
 * @param readOnly applying is refused ({@code --read-only} or {@code readOnly: true})
 */
public record Target(Side side, String label, String spec, boolean isProtected, boolean readOnly) {

  /** This target, made read-only. */
  public Target asReadOnly() {
    return new Target(side, label, spec, isProtected, true);
  }
}
