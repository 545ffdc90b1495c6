package io.driftscope.cli;

import io.driftscope.apply.Planner;
import picocli.CommandLine.Option;

/**
 * {@code --server-side} and {@code --force-conflicts}: how changes reach a Kubernetes target, for
 * the {@code apply} command and the explorer alike.
 */
final class ServerSideOptions {

  @Option(
      names = "--server-side",
      description =
          "Send whole resources by server-side apply with field manager driftscope (fields"
              + " chosen with --path still go as guarded JSON Patches); a field another manager"
              + " owns is a conflict. Kubernetes targets only.")
  boolean serverSide;

  @Option(
      names = "--force-conflicts",
      description = "With --server-side: take over fields other field managers own.")
  boolean forceConflicts;

  /** Refuses {@code --force-conflicts} without {@code --server-side}. */
  void check() {
    if (forceConflicts && !serverSide) {
      throw new UserException("--force-conflicts needs --server-side");
    }
  }

  /** The planner these options ask for. */
  Planner planner() {
    check();
    return new Planner(serverSide, forceConflicts);
  }
}
