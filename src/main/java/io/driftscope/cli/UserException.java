package io.driftscope.cli;

/** Trouble a person can act on: printed as one line, exit code 2. */
public final class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
