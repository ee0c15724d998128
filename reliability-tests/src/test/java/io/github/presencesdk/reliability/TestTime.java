package io.github.presencesdk.reliability;

import io.github.presencesdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for the matrix: real time for what really takes time (attempts, timeouts) plus virtual time
 * for the waits between retries, which are recorded and skipped. The client's total budget is
 * measured on this clock, so a case that waits out a long Retry-After shows it in {@link
 * #elapsed()} without the test waiting.
 *
 * <p>Virtual time is kept per thread, as real waits would pass: the chunks of a bulk read wait in
 * parallel on their own threads, and one chunk's wait does not use up another's budget. {@link
 * #elapsed()} counts the longest total wait of any thread.
 */
final class TestTime extends Clock implements Sleeper {
  private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
  private final long startNanos = System.nanoTime();
  private final ThreadLocal<long[]> virtualNanos = ThreadLocal.withInitial(() -> new long[1]);
  private final AtomicLong longestVirtualNanos = new AtomicLong();
  private final AtomicLong sharedVirtualNanos = new AtomicLong();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /**
   * Real time a skipped wait takes, per second of the wait. A bulk read's calling thread reads
   * chunks itself, one after another, as long as there are any left; were waits free, it would
   * finish a chunk that waited out a Retry-After before the pool's threads had taken the others,
   * and take those too, adding up waits on one thread that in real time pass in parallel. A
   * hundredth of the wait, really waited, keeps the order of events of real time.
   */
  private static final long REAL_NANOS_PER_VIRTUAL_SECOND = 10_000_000;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    long[] mine = virtualNanos.get();
    long real = (long) (duration.toNanos() / 1e9 * REAL_NANOS_PER_VIRTUAL_SECOND);
    long slept = 0;
    if (real > 0) {
      long start = System.nanoTime();
      try {
        Thread.sleep(real / 1_000_000, (int) (real % 1_000_000));
      } finally {
        slept = System.nanoTime() - start;
      }
    }
    // The real wait is part of the wait, not added to it.
    mine[0] += Math.max(0, duration.toNanos() - slept);
    longestVirtualNanos.accumulateAndGet(mine[0], Math::max);
  }

  /** Real time since creation plus the longest skipped waiting of any thread. */
  Duration elapsed() {
    return Duration.ofNanos(
        System.nanoTime() - startNanos + longestVirtualNanos.get() + sharedVirtualNanos.get());
  }

  /** Moves the clock on for every thread, as if that much time had passed. */
  void advance(Duration duration) {
    sharedVirtualNanos.addAndGet(duration.toNanos());
  }

  @Override
  public Instant instant() {
    return start.plus(
        Duration.ofNanos(
            System.nanoTime() - startNanos + virtualNanos.get()[0] + sharedVirtualNanos.get()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
