package io.github.presencesdk.testsupport;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails every test that lets a secret out: through {@code System.out}, {@code System.err}, a {@code
 * java.util.logging} record, or the message or {@code toString()} of an exception the test throws.
 * What counts as a secret is defined by {@link Secrets}.
 *
 * <p>Registered for every JUnit Jupiter test of a module that has this artifact on its test class
 * path, through {@code META-INF/services} and the {@code
 * junit.jupiter.extensions.autodetection.enabled} configuration parameter the build sets. Output
 * written between tests (by threads a test left running) is charged to the next test or to the end
 * of the class.
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

  @Override
  public void beforeAll(ExtensionContext context) {
    OutputCapture.install();
    check("before " + context.getDisplayName() + " started");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    OutputCapture.install();
    check("since the previous test, before " + context.getDisplayName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check("during " + context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check("after the tests of " + context.getDisplayName());
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
