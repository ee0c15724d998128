package io.github.presencesdk.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails every test that lets a secret out: through {@code System.out}, {@code System.err}, a {@code
 * java.util.logging} record, or the message or {@code toString()} of an exception the test throws;
 * and every test class whose tests created an exception holding a secret that they caught and
 * inspected themselves (seen through the Flight Recorder, see {@link ExceptionWatch}). What counts
 * as a secret is defined by {@link Secrets}.
 *
 * <p>Registered for every JUnit Jupiter test of a module that has this artifact on its test class
 * path, through {@code META-INF/services} and the {@code
 * junit.jupiter.extensions.autodetection.enabled} configuration parameter the build sets. Output
 * written between tests (by threads a test left running) is charged to the next test or to the end
 * of the class. Exceptions are checked once per test class, after its tests, and the report names
 * the test that was running when the exception was created.
 */
public final class SecretScanExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /** Created by JUnit through the service loader. */
  public SecretScanExtension() {}

  /** When each test of the classes not yet checked for exceptions ran, to name it in a report. */
  private record Window(Instant start, AtomicReference<@Nullable Instant> end, String test) {}

  private static final Queue<Window> WINDOWS = new ConcurrentLinkedQueue<>();

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SecretScanExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    OutputCapture.install();
    ExceptionWatch.start();
    check("before " + context.getDisplayName() + " started");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    OutputCapture.install();
    Window window =
        new Window(
            Instant.now(),
            new AtomicReference<>(),
            context.getRequiredTestClass().getSimpleName() + " " + context.getDisplayName());
    WINDOWS.add(window);
    context.getStore(NAMESPACE).put(Window.class, window);
    check("since the previous test, before " + context.getDisplayName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Window window = context.getStore(NAMESPACE).get(Window.class, Window.class);
    if (window != null) {
      window.end().set(Instant.now());
    }
    check("during " + context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<ExceptionWatch.Finding> findings = ExceptionWatch.collect();
    String tests = context.getDisplayName();
    String leak = findings.isEmpty() ? null : describe(findings, new ArrayList<>(WINDOWS));
    WINDOWS.clear();
    check("after the tests of " + tests);
    if (leak != null) {
      throw new AssertionError(
          "Secret leak in an exception created by the tests of " + tests + ": " + leak);
    }
  }

  /**
   * Describes the first of {@code findings}, with the test that was running when the exception was
   * created (the last one started before, if several ran at once), and how many more there are.
   */
  static String describe(List<ExceptionWatch.Finding> findings, List<Window> windows) {
    ExceptionWatch.Finding first = findings.get(0);
    String during = "between tests";
    for (Window window : windows) {
      Instant end = window.end().get();
      if (!window.start().isAfter(first.at()) && (end == null || !end.isBefore(first.at()))) {
        during = "during " + window.test();
      }
    }
    return first
        + ", "
        + during
        + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : "")
        + "; the exception may have been caught by the test, which then saw it";
  }

  private static void check(String when) {
    String found = OutputCapture.drain();
    if (found != null) {
      throw new AssertionError("Secret leak " + when + ": " + found);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw screened(throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw screened(t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw screened(t);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw screened(t);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw screened(t);
  }

  /**
   * The exception to report: {@code thrown} itself, or an {@link AssertionError} saying which
   * secret it reveals (masked) in its place, so that the report does not spread the secret.
   */
  static Throwable screened(Throwable thrown) {
    Optional<String> found = Secrets.find(thrown);
    if (found.isEmpty()) {
      return thrown;
    }
    AssertionError leak =
        new AssertionError(
            "Secret leak: the test failed with a "
                + thrown.getClass().getName()
                + ", and "
                + found.get()
                + " (the original exception is withheld because it holds the secret)");
    leak.setStackTrace(thrown.getStackTrace());
    return leak;
  }
}
