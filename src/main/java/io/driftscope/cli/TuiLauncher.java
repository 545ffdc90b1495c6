package io.driftscope.cli;

/** Opens the full-screen explorer for the root command. */
final class TuiLauncher {

  private TuiLauncher() {}

  static int launch(Terminal terminal, RootCommand command) {
    throw new UserException(
        "the full-screen explorer is not in this build; use 'driftscope diff LEFT RIGHT'");
  }
}
