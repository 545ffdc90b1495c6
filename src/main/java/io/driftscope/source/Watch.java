package io.driftscope.source;

/** A running watch; closing it stops the events. */
public interface Watch extends AutoCloseable {

  /** A watch that never reports anything, for sources that cannot change. */
  Watch NONE = () -> {};

  @Override
  void close();
}
