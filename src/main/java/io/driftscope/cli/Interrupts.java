package io.driftscope.cli;

import sun.misc.Signal;

/** Turns Ctrl-C (SIGINT) and SIGTERM into a call, so long-running commands end cleanly. */
final class Interrupts {

  private Interrupts() {}

  /** Runs {@code action} on the first SIGINT or SIGTERM instead of exiting at once. */
  @SuppressWarnings("restriction")
  static void onInterrupt(Runnable action) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> action.run());
      } catch (IllegalArgumentException e) {
        // The platform does not know this signal: the default handling stays.
      }
    }
  }
}
