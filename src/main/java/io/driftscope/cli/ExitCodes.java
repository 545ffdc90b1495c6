package io.driftscope.cli;

/** The exit codes of the line commands, as {@code diff} and {@code kubectl diff} use them. */
public final class ExitCodes {
  /** In sync; snapshot written; applied. */
  public static final int OK = 0;

  /** Drift found; nothing to apply. */
  public static final int DRIFT = 1;

  /** Trouble: bad input, unreachable source, refused or partial apply. */
  public static final int TROUBLE = 2;

  private ExitCodes() {}
}
