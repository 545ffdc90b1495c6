package io.driftscope.cli;

import java.util.Map;

/** {@code --color auto|always|never}, honouring {@code NO_COLOR}. */
public enum ColorChoice {
  AUTO,
  ALWAYS,
  NEVER;

  /** Whether to colour output under this choice and environment. */
  public boolean enabled(Map<String, String> env, boolean interactive) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> {
        String noColor = env.get("NO_COLOR");
        String term = env.getOrDefault("TERM", "");
        yield (noColor == null || noColor.isEmpty()) && interactive && !term.equals("dumb");
      }
    };
  }
}
