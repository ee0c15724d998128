package io.github.presencesdk;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests inject one that records the
 * requested durations and returns at once, so backoff is checked without waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /** A sleeper that blocks the calling thread. */
  Sleeper SYSTEM =
      duration -> {
        long nanos = duration.toNanos();
        if (nanos > 0) {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      };

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted; the call then ends with a {@link
   *     PresenceIoException}
   */
  void sleep(Duration duration) throws InterruptedException;
}
