package io.driftscope.cli;

import io.driftscope.config.Config;
import io.driftscope.diff.DiffOptions;
import io.driftscope.diff.ResourceDiffer;
import io.driftscope.diff.StructuralDiffer;
import io.driftscope.normalize.IgnoreRule;
import io.driftscope.normalize.IgnoreRuleParser;
import io.driftscope.normalize.IgnoreRules;
import java.util.ArrayList;
import java.util.List;

/** Builds the comparison engine's parts from the config file and the flags. */
final class Engine {

  private Engine() {}

  /**
   * The ignore rules of the config file followed by those of {@code --ignore} and {@code
   * --ignore-manager}; a bad rule or jq expression fails here, naming where it was written.
   */
  static IgnoreRules ignoreRules(Config config, List<String> ignore, List<String> managers) {
    List<IgnoreRule> rules = new ArrayList<>();
    String file = config.file().map(Object::toString).orElse("config");
    for (Config.LocatedRule r : config.ignoreRules()) {
      rules.add(IgnoreRuleParser.fromConfig(r.rule(), file, r.line()));
    }
    for (String flag : ignore) {
      rules.add(IgnoreRuleParser.fromFlag(flag));
    }
    for (String manager : managers) {
      rules.add(IgnoreRuleParser.fromManagerFlag(manager));
    }
    IgnoreRules all = new IgnoreRules(rules);
    if (rules.stream().anyMatch(r -> !r.jqPathExpressions().isEmpty())) {
      // Compiles every jq expression now, so a bad one is reported before anything is loaded.
      differ(DiffOptions.defaults().withIgnoreRules(all));
    }
    return all;
  }

  /** The differ for these options. */
  static ResourceDiffer differ(DiffOptions options) {
    return new StructuralDiffer(options);
  }
}
