package io.github.presencesdk.reliability;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs one call of the matrix on a thread of its own and waits for it at most a deadline, so that a
 * call that neither returns nor throws is counted as lost instead of hanging the build.
 *
 * <p>The deadline is a hang guard, not a check of speed: the matrix gives it as a multiple of the
 * budget the client was configured with.
 */
final class CallGuard {
  /** How a guarded call ended. */
  record Outcome(@Nullable Object result, @Nullable RuntimeException thrown, boolean lost) {}

  private static final AtomicInteger THREADS = new AtomicInteger();

  private CallGuard() {}

  /**
   * Runs {@code call} and waits up to {@code deadline}. A call still running then is cancelled (its
   * thread interrupted) and reported lost; the thread is given {@code deadline} once more to end.
   *
   * @throws Error what the call threw, if it is an {@link Error} or a checked exception (wrapped)
   */
  static Outcome run(Callable<?> call, Duration deadline) throws InterruptedException {
    ExecutorService caller =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "matrix-caller-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      Future<?> future = caller.submit(call);
      try {
        return new Outcome(future.get(deadline.toNanos(), TimeUnit.NANOSECONDS), null, false);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          return new Outcome(null, runtime, false);
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new AssertionError("the call threw a checked exception", cause);
      } catch (TimeoutException e) {
        future.cancel(true);
        return new Outcome(null, null, true);
      }
    } finally {
      caller.shutdownNow();
      caller.awaitTermination(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
  }
}
