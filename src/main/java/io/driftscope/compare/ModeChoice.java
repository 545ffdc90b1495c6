package io.driftscope.compare;

import io.driftscope.diff.Mode;
import io.driftscope.source.SourceTraits;
import java.util.Optional;

/**
 * The default comparison mode for two sources: {@code desired} when the left side is declarative
 * and the right is live state; otherwise {@code symmetric}, with a notice when a declarative side
 * stands on the right.
 */
public record ModeChoice(Mode mode, Optional<String> notice) {

  /** Chooses the default mode for the two sides. */
  public static ModeChoice defaultFor(SourceTraits left, SourceTraits right) {
    if (left.declarative() && right.live()) {
      return new ModeChoice(Mode.DESIRED, Optional.empty());
    }
    if (right.declarative() && left.live()) {
      return new ModeChoice(
          Mode.SYMMETRIC,
          Optional.of(
              "the declarative side stands on the right: comparing symmetrically; put it on the"
                  + " left (or pass --mode desired) to compare desired against live"));
    }
    return new ModeChoice(Mode.SYMMETRIC, Optional.empty());
  }
}
