package io.github.presencesdk.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Copies everything written to {@code System.out}, {@code System.err} and {@code java.util.logging}
 * into a buffer that the secret scan reads, while the output still goes where it went before.
 *
 * <p>Installed once per JVM, on first use, and never removed. The buffer is bounded: when it grows
 * past a few megabytes it is scanned and emptied, and the first finding is kept for the next {@link
 * #drain()}. Thread-safe.
 */
public final class OutputCapture {
  /**
   * Loggers under this name are captured at every level, not only at INFO and above: the testkit's
   * fake servers log there. The SDK modules themselves have no loggers.
   */
  static final String SDK_LOGGER = "io.github.presencesdk";

  private static final int SCAN_THRESHOLD = 4 * 1024 * 1024;

  /** Kept across an early scan so that a secret cut in two is still found. */
  private static final int OVERLAP = 512;

  private static final Object LOCK = new Object();
  private static final ByteArrayOutputStream BYTES = new ByteArrayOutputStream();
  private static final StringBuilder LOG_TEXT = new StringBuilder();
  private static boolean installed;

  /** While set, captured output is not passed on; for the tests of the scan itself. */
  private static volatile boolean muted;

  private static @Nullable String earlyFinding;

  /** Keeps the SDK logger (and its level) alive; JUL holds loggers weakly. */
  @SuppressWarnings("unused")
  private static @Nullable Logger sdkLogger;

  private OutputCapture() {}

  /** Starts capturing, if not started yet. */
  public static void install() {
    synchronized (LOCK) {
      if (installed) {
        return;
      }
      installed = true;
      Charset charset = Charset.defaultCharset();
      System.setOut(new PrintStream(new Tee(System.out), true, charset));
      System.setErr(new PrintStream(new Tee(System.err), true, charset));
      Logger root = Logger.getLogger("");
      root.addHandler(new CapturingHandler());
      Logger sdk = Logger.getLogger(SDK_LOGGER);
      sdk.setLevel(Level.ALL);
      sdkLogger = sdk;
    }
  }

  /**
   * Stops or resumes passing captured standard output and error on to the original streams, so that
   * the tests of the scan itself can leak on purpose without printing what they leak.
   */
  static void mute(boolean mute) {
    muted = mute;
  }

  /**
   * Returns a description of the first secret written since the last call, with the secret masked,
   * or null; then forgets what was captured.
   */
  public static @Nullable String drain() {
    synchronized (LOCK) {
      String found = earlyFinding;
      earlyFinding = null;
      if (found == null) {
        found = scan().orElse(null);
      }
      BYTES.reset();
      LOG_TEXT.setLength(0);
      return found;
    }
  }

  private static java.util.Optional<String> scan() {
    java.util.Optional<String> found =
        Secrets.find(BYTES.toString(Charset.defaultCharset()))
            .map(f -> "standard output or error holds " + f);
    if (found.isEmpty()) {
      found = Secrets.find(LOG_TEXT).map(f -> "a log record holds " + f);
    }
    return found;
  }

  /** Scans and empties the buffers early when they grow large, keeping a tail for overlap. */
  private static void maybeScanEarly() {
    if (BYTES.size() + LOG_TEXT.length() < SCAN_THRESHOLD) {
      return;
    }
    if (earlyFinding == null) {
      earlyFinding = scan().orElse(null);
    }
    byte[] bytes = BYTES.toByteArray();
    BYTES.reset();
    int keep = Math.min(OVERLAP, bytes.length);
    BYTES.write(bytes, bytes.length - keep, keep);
    if (LOG_TEXT.length() > OVERLAP) {
      LOG_TEXT.delete(0, LOG_TEXT.length() - OVERLAP);
    }
  }

  /** Writes to the original stream and to the buffer. */
  private static final class Tee extends OutputStream {
    private final PrintStream original;

    Tee(PrintStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      if (!muted) {
        original.write(b);
      }
      synchronized (LOCK) {
        BYTES.write(b);
        maybeScanEarly();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (!muted) {
        original.write(b, off, len);
      }
      synchronized (LOCK) {
        BYTES.write(b, off, len);
        maybeScanEarly();
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }

  /** Records every log record: logger, message with its parameters, and the thrown chain. */
  private static final class CapturingHandler extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturingHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      StringBuilder line = new StringBuilder();
      line.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ");
      try {
        line.append(formatter.formatMessage(record));
      } catch (RuntimeException e) {
        line.append(record.getMessage());
      }
      Throwable thrown = record.getThrown();
      if (thrown != null) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        line.append('\n').append(trace);
      }
      synchronized (LOCK) {
        LOG_TEXT.append(line).append('\n');
        maybeScanEarly();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
