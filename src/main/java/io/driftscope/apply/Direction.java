package io.driftscope.apply;

import io.driftscope.core.Side;
import java.util.Locale;

/** Which way an apply goes: the source side's configuration is written into the target side. */
public enum Direction {
  /** {@code >}: the left side is applied to the right. */
  LEFT_TO_RIGHT(Side.LEFT, Side.RIGHT),
  /** {@code <}: the right side is applied to the left. */
  RIGHT_TO_LEFT(Side.RIGHT, Side.LEFT);

  private final Side source;
  private final Side target;

  Direction(Side source, Side target) {
    this.source = source;
    this.target = target;
  }

  /** The side whose values are copied. */
  public Side source() {
    return source;
  }

  /** The side that is written. */
  public Side target() {
    return target;
  }

  /** The command-line name, {@code left-to-right} or {@code right-to-left}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #label()} (also accepts {@code >}, {@code <}, {@code ltr}, {@code rtl}). */
  public static Direction parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "left-to-right", "ltr", ">" -> LEFT_TO_RIGHT;
      case "right-to-left", "rtl", "<" -> RIGHT_TO_LEFT;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a direction: write left-to-right or right-to-left");
    };
  }
}
