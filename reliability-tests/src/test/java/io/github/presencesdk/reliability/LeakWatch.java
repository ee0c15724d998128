package io.github.presencesdk.reliability;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
}
