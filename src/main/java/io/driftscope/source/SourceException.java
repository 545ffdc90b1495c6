package io.driftscope.source;

/**
 * A source could not be opened, read or written. The message is one line a person can act on: what
 * failed, where (file:line:column, context, namespace), and what to do.
 */
public class SourceException extends Exception {

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
