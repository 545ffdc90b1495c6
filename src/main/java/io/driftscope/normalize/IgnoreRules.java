package io.driftscope.normalize;

import java.util.List;

/**
 * The ignore rules in force (from the config file and from flags), in Argo CD's {@code
 * ignoreDifferences} shape. Immutable.
 */
public final class IgnoreRules {

  /** No rules. */
  public static final IgnoreRules NONE = new IgnoreRules(List.of());

  private final List<IgnoreRule> rules;

  public IgnoreRules(List<IgnoreRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<IgnoreRule> rules() {
    return rules;
  }

  /** These rules followed by {@code more}. */
  public IgnoreRules plus(List<IgnoreRule> more) {
    return new IgnoreRules(java.util.stream.Stream.concat(rules.stream(), more.stream()).toList());
  }
}
