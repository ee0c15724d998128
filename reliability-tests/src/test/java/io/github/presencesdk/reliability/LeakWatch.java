package io.github.presencesdk.reliability;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;

/**
 * Counts OkHttp's warnings about leaked connections ("A connection to ... was leaked. Did you
 * forget to close a response body?"), which OkHttp logs through java.util.logging when it finds a
 * connection whose response body was never closed.
 */
final class LeakWatch {
  private static final AtomicInteger COUNT = new AtomicInteger();

  /** Held so that the logger, and the handler on it, are not collected. */
  private static final Logger OKHTTP = Logger.getLogger("okhttp3");

  static {
    OKHTTP.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains("leaked")) {
              COUNT.incrementAndGet();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    OKHTTP.setLevel(Level.ALL);
  }

  private LeakWatch() {}

  static int count() {
    return COUNT.get();
  }

  /**
   * The connections of {@code pool} that a call holds, with no call running. The pool's cleanup
   * evicts idle connections on a thread of its own (more than five idle ones, say), so the total
   * and the idle count are read until the total stays the same across both readings; otherwise an
   * eviction between them would look like a connection in use.
   */
  static int connectionsInUse(ConnectionPool pool) {
    while (true) {
      int total = pool.connectionCount();
      int idle = pool.idleConnectionCount();
      if (pool.connectionCount() == total) {
        return total - idle;
      }
    }
  }
}
