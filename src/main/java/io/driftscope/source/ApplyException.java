package io.driftscope.source;

import io.driftscope.core.ResourceKey;

/**
 * A change was not made. The message is one line a person can act on; it never holds secret values.
 */
public class ApplyException extends Exception {

  /** Why the change was not made. */
  public enum Kind {
    /**
     * The target is no longer as it was when diffed (a moved resourceVersion, a 409 or a 422 from a
     * failed {@code test}, an edited file): reload and look again.
     */
    CHANGED_SINCE("changed since you looked"),
    /** The target refused the change, e.g. in its dry run or by validation. */
    REJECTED("rejected"),
    /**
     * Server-side apply: fields the change sets are owned by other field managers with other
     * values; the message names them (forcing takes them over).
     */
    CONFLICT("conflict"),
    /** Anything else: unreachable, forbidden, I/O. */
    FAILED("failed");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How the kind reads in a message. */
    public String words() {
      return words;
    }
  }

  private final Kind kind;
  private final ResourceKey key;

  /**
   * An exception about one resource.
   *
   * @param message the reason, without the key (it is prefixed)
   */
  public ApplyException(Kind kind, ResourceKey key, String message) {
    this(kind, key, message, null);
  }

  public ApplyException(Kind kind, ResourceKey key, String message, Throwable cause) {
    super(key.shortName() + ": " + kind.words() + ": " + message, cause);
    this.kind = kind;
    this.key = key;
  }

  public Kind kind() {
    return kind;
  }

  public ResourceKey key() {
    return key;
  }
}
