package io.github.presencesdk.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Sees the exceptions a test catches and inspects itself ({@code assertThatThrownBy}, {@code try
 * ... catch}) as well as those it lets escape, through the JDK Flight Recorder's {@code
 * jdk.JavaExceptionThrow} event, which the JDK records in the constructor of every {@link
 * Throwable}: no hook in the code under test is needed.
 *
 * <p>What counts: an exception of a presence-sdk type ({@code io.github.presencesdk...}), or one
 * that presence-sdk code created (the first frame below the constructors is in such a class: the
 * SDK, the testkit, the command-line tool, the tests themselves), whose message holds a secret as
 * {@link Secrets} defines it. Exceptions that other libraries create inside their own code are left
 * out: picocli, for one, tries every argument as a number, and the {@code NumberFormatException} it
 * makes of a secret given on the command line never leaves it. Classes marked {@link
 * CreatesSecretsOnPurpose} (the tests of the scan itself) are left out too.
 *
 * <p>The event holds the message an exception was created with: a message computed later by an
 * override of {@code getMessage()}, and what {@code toString()} overrides add, are not seen here.
 *
 * <p>Recording starts once per JVM with the first {@link #start()}; {@link #collect()} hands over
 * what was recorded since the last call, and recording goes on. Thread-safe.
 */
final class ExceptionWatch {
  /** One exception created with a secret in its message. */
  record Finding(Instant at, String thread, String type, String found, String createdAt) {
    @Override
    public String toString() {
      return "a " + type + " created at " + createdAt + " on thread " + thread + " holds " + found;
    }
  }

  private static final String EVENT = "jdk.JavaExceptionThrow";
  private static final String SDK_PACKAGE = "io.github.presencesdk.";

  private static @Nullable Recording recording;
  private static boolean unavailable;

  private ExceptionWatch() {}

  /** Starts recording, if not started yet and if the JVM has the Flight Recorder. */
  static synchronized void start() {
    if (recording != null || unavailable) {
      return;
    }
    try {
      if (!FlightRecorder.isAvailable()) {
        unavailable = true;
        return;
      }
      recording = newRecording();
    } catch (RuntimeException | LinkageError e) {
      unavailable = true;
    }
  }

  /** Whether exceptions are being watched: false where the JVM has no Flight Recorder. */
  static synchronized boolean watching() {
    return recording != null;
  }

  private static Recording newRecording() {
    Recording r = new Recording();
    r.setName("presence-sdk secret scan");
    r.enable(EVENT).withStackTrace();
    r.setToDisk(true);
    r.start();
    return r;
  }

  /**
   * The exceptions created since the last call that hold a secret, as described above; recording
   * goes on in a fresh recording.
   */
  static synchronized List<Finding> collect() {
    Recording done = recording;
    if (done == null) {
      return List.of();
    }
    // The next recording starts before this one stops, so that nothing falls in between; an
    // exception created in that instant may be reported twice.
    recording = newRecording();
    List<Finding> findings = new ArrayList<>();
    Path file = null;
    try {
      file = Files.createTempFile("presence-sdk-secret-scan", ".jfr");
      done.setDestination(file);
      done.stop();
      try (RecordingFile events = new RecordingFile(file)) {
        while (events.hasMoreEvents()) {
          RecordedEvent event = events.readEvent();
          if (event.getEventType().getName().equals(EVENT)) {
            check(event).ifPresent(findings::add);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("The secret scan could not read the recorded exceptions", e);
    } finally {
      done.close();
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A temporary file left behind does no harm.
        }
      }
    }
    return findings;
  }

  private static Optional<Finding> check(RecordedEvent event) {
    Optional<String> found = Secrets.find(event.getString("message"));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RecordedClass thrown = event.getClass("thrownClass");
    String type = thrown == null ? "?" : thrown.getName();
    RecordedFrame creator = creator(event.getStackTrace());
    String creatorType = creator == null ? "" : creator.getMethod().getType().getName();
    if (!type.startsWith(SDK_PACKAGE) && !creatorType.startsWith(SDK_PACKAGE)) {
      return Optional.empty();
    }
    if (onPurpose(creatorType)) {
      return Optional.empty();
    }
    RecordedThread thread = event.getThread("eventThread");
    String createdAt =
        creator == null
            ? "?"
            : creatorType + "." + creator.getMethod().getName() + ":" + creator.getLineNumber();
    return Optional.of(
        new Finding(
            event.getStartTime(),
            thread == null ? "?" : thread.getJavaName(),
            type,
            found.get(),
            createdAt));
  }

  /** The first Java frame below the constructors of the exception and of its super classes. */
  private static @Nullable RecordedFrame creator(@Nullable RecordedStackTrace stack) {
    if (stack == null) {
      return null;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (!frame.isJavaFrame()) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      if (frame.getMethod().getName().equals("<init>") || type.startsWith("jdk.jfr.")) {
        continue;
      }
      return frame;
    }
    return null;
  }

  /** Whether {@code className}, or a class it is nested in, is {@link CreatesSecretsOnPurpose}. */
  private static boolean onPurpose(String className) {
    String name = className;
    while (!name.isEmpty()) {
      try {
        Class<?> type = Class.forName(name, false, ExceptionWatch.class.getClassLoader());
        if (type.isAnnotationPresent(CreatesSecretsOnPurpose.class)) {
          return true;
        }
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
      int nested = name.lastIndexOf('$');
      name = nested < 0 ? "" : name.substring(0, nested);
    }
    return false;
  }
}
