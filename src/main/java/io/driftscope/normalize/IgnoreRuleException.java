package io.driftscope.normalize;

/**
 * A bad ignore rule, with where it was written: {@code driftscope.yaml:14: jqPathExpressions[0]:
 * cannot parse '.spec[': …}.
 */
public final class IgnoreRuleException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String location;

  public IgnoreRuleException(String location, String message) {
    super(location.isEmpty() ? message : location + ": " + message);
    this.location = location;
  }

  /** Where the rule was written: {@code driftscope.yaml:14} or {@code --ignore …}. */
  public String location() {
    return location;
  }
}
