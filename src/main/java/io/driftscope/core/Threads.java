package io.driftscope.core;

/** Small helpers for the threads Driftscope starts itself. */
public final class Threads {

  private Threads() {}

  /**
   * Waits until {@code thread} has ended, even when interrupted meanwhile; the interrupt is kept
   * for the caller to see afterwards. For threads that are bound to end soon.
   */
  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
