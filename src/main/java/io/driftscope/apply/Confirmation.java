package io.driftscope.apply;

/**
 * What the person answered to a plan: {@code y} (TUI) or {@code --yes} (command line), and for a
 * protected target the name they typed ({@code --confirm NAME}).
 */
public record Confirmation(boolean confirmed, String typedName) {

  public Confirmation {
    typedName = typedName == null ? "" : typedName;
  }

  /** Confirmed without a typed name (enough for an unprotected target). */
  public static Confirmation yes() {
    return new Confirmation(true, "");
  }

  /** Confirmed by typing a name (needed for a protected target). */
  public static Confirmation typed(String name) {
    return new Confirmation(true, name);
  }

  /** Not confirmed. */
  public static Confirmation no() {
    return new Confirmation(false, "");
  }
}
