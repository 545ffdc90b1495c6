package io.driftscope.tui;

import java.util.Map;
import java.util.Optional;

/** Decides whether a full-screen terminal UI can run here, and says what to do instead. */
public final class TerminalCheck {

  private TerminalCheck() {}

  /**
   * Why the TUI cannot start, if it cannot: {@code TERM=dumb} or unset, or no console attached.
   *
   * @param env the process environment
   * @param hasConsole whether standard input and output are a terminal ({@code System.console() !=
   *     null})
   */
  public static Optional<String> problem(Map<String, String> env, boolean hasConsole) {
    String term = env.get("TERM");
    String hint =
        " — for a plain-text report use `driftscope diff LEFT RIGHT` (or `driftscope watch`).";
    if (!hasConsole) {
      return Optional.of("no terminal: the interactive view needs one" + hint);
    }
    if (term == null || term.isBlank()) {
      return Optional.of("TERM is not set: the interactive view needs a terminal type" + hint);
    }
    if (term.equals("dumb")) {
      return Optional.of("TERM=dumb cannot show the interactive view" + hint);
    }
    return Optional.empty();
  }
}
