package io.driftscope.core;

/**
 * Where a resource's document came from: a file with the line and column where the document starts,
 * or a live location such as {@code k8s://prod/shop}. Line and column are 0 when unknown.
 */
public record Origin(String location, int line, int column) {

  /** An origin without a position. */
  public static Origin of(String location) {
    return new Origin(location, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return location;
    }
    return location + ":" + line + (column > 0 ? ":" + column : "");
  }
}
