package io.driftscope.cli;

import picocli.CommandLine.Parameters;

/** The two environments a line command compares: {@code LEFT RIGHT}, its first two arguments. */
final class EnvironmentPair {

  @Parameters(index = "0", paramLabel = "LEFT", description = "Environment name or source spec.")
  String left;

  @Parameters(index = "1", paramLabel = "RIGHT", description = "Environment name or source spec.")
  String right;
}
