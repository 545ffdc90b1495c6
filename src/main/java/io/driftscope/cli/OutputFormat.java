package io.driftscope.cli;

/** {@code --output text|json|yaml}. */
public enum OutputFormat {
  TEXT,
  JSON,
  YAML
}
