package io.driftscope.cli;

import picocli.CommandLine.Option;

/** How the demo clusters behave: {@code --demo-actor} and {@code --demo-seed}. */
final class DemoOptions {

  @Option(
      names = "--demo-actor",
      paramLabel = "off|SECONDS",
      description = "How often the demo changes prod (default: 5).")
  String actor = "5";

  @Option(names = "--demo-seed", paramLabel = "N", description = "Seed of the demo's changes.")
  long seed = 1;
}
