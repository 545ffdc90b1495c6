package io.driftscope.cli;

import io.driftscope.apply.ApplySession;
import io.driftscope.apply.Journal;
import io.driftscope.apply.Planner;
import io.driftscope.apply.Target;
import io.driftscope.compare.Opener;
import io.driftscope.core.Side;
import java.nio.file.Path;

/**
 * What the {@code apply} command and the TUI build alike from opened environments: targets with
 * their protected and read-only marks, the journal, the user, and the {@link ApplySession}.
 */
final class Remediation {

  private Remediation() {}

  /**
   * One opened environment as a target.
   *
   * @param readOnly {@code --read-only}; a {@code readOnly: true} environment is read-only anyway
   */
  static Target target(Opener.Opened opened, Side side, boolean readOnly) {
    return new Target(
        side,
        opened.label(),
        opened.environment().spec(),
        opened.environment().isProtected(),
        readOnly || opened.environment().readOnly());
  }

  /** {@code --journal FILE} (relative to the working directory), else the default journal. */
  static Journal journal(Terminal terminal, Path journalFile) {
    return new Journal(
        journalFile != null
            ? terminal.workingDirectory().resolve(journalFile)
            : Journal.defaultFile(terminal.env()),
        terminal.clock());
  }

  /** Who applies, for the journal. */
  static String user(Terminal terminal) {
    return terminal.env().getOrDefault("USER", "unknown");
  }

  /**
   * A session over both sides of an opened pair, each side a target with its own applier, planning
   * with {@code planner}.
   */
  static ApplySession session(
      Terminal terminal,
      Opener.OpenedPair pair,
      boolean readOnly,
      Path journalFile,
      Planner planner) {
    return new ApplySession(
        target(pair.left(), Side.LEFT, readOnly),
        pair.left().source().applier(),
        target(pair.right(), Side.RIGHT, readOnly),
        pair.right().source().applier(),
        journal(terminal, journalFile),
        user(terminal),
        planner);
  }
}
