package io.github.presencesdk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.logging.Logger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;

/**
 * Runs sample test classes through the JUnit Platform, with the extension detected as the build
 * detects it, and checks which of them fail.
 */
final class SecretScanExtensionTest {
  @AfterEach
  void forgetWhatTheSamplesWrote() {
    // The samples leak on purpose into the same capture this test runs under.
    OutputCapture.drain();
  }

  private static TestExecutionSummary run(Class<?> sample) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(sample))
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .configurationParameter("jqwik.database", "target/jqwik-database")
            .configurationParameter("jqwik.reporting.onlyfailures", "true")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    OutputCapture.install();
    OutputCapture.mute(true);
    try {
      LauncherFactory.create().execute(request, listener);
    } finally {
      OutputCapture.mute(false);
    }
    OutputCapture.drain();
    return listener.getSummary();
  }

  private static List<String> failureMessages(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(Failure::getException)
        .map(Throwable::getMessage)
        .toList();
  }

  @Test
  void cleanTestsPass() {
    TestExecutionSummary summary = run(Samples.Clean.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(summary.getTotalFailureCount()).isZero();
  }

  @Test
  void aSecretOnStandardOutputFailsTheTest() {
    TestExecutionSummary summary = run(Samples.PrintsSecret.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(failureMessages(summary))
        .singleElement()
        .asString()
        .contains("Secret leak during", "standard output")
        .doesNotContain("s3cr3t");
  }

  @Test
  void aSecretOnStandardErrorFailsTheTest() {
    TestExecutionSummary summary = run(Samples.PrintsTokenToErr.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
  }

  @Test
  void aSecretInALogRecordFailsTheTest() {
    TestExecutionSummary summary = run(Samples.LogsSecret.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(failureMessages(summary)).singleElement().asString().contains("log record");
  }

  @Test
  void anExceptionHoldingASecretIsReplacedByALeakReport() {
    TestExecutionSummary summary = run(Samples.ThrowsSecret.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    Throwable reported = summary.getFailures().get(0).getException();
    assertThat(reported).isInstanceOf(AssertionError.class);
    assertThat(reported.getMessage())
        .contains("Secret leak", "IllegalStateException")
        .doesNotContain("tok-");
  }

  @Test
  void aRegisteredSecretIsFound() {
    TestExecutionSummary summary = run(Samples.PrintsRegistered.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
  }

  @Test
  void aJqwikPropertyThatPrintsASecretFails() {
    TestExecutionSummary summary = run(Samples.PropertyPrintsSecret.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failureMessages(summary)).singleElement().asString().contains("Secret leak during");
  }

  @Test
  void anExceptionHoldingASecretThatTheTestCatchesFailsItsClass() {
    assumeWatching();

    TestExecutionSummary summary = run(Samples.CatchesSecret.class);

    assertThat(summary.getTestsSucceededCount()).as("the test itself passes").isEqualTo(1);
    assertThat(summary.getTotalFailureCount()).isEqualTo(1);
    assertThat(failureMessages(summary))
        .singleElement()
        .asString()
        .contains(
            "Secret leak in an exception created by the tests of",
            "a java.lang.IllegalStateException created at",
            "SecretScanExtensionTest$Samples$CatchesSecret.lambda$catches",
            "during CatchesSecret catches()")
        .doesNotContain("tok-");
  }

  @Test
  void anExceptionHoldingASecretThatAPropertyCatchesFailsTheProperty() {
    assumeWatching();

    TestExecutionSummary summary = run(Samples.PropertyCatchesSecret.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(failureMessages(summary))
        .singleElement()
        .asString()
        .contains("Secret leak in an exception created during", "UncheckedIOException")
        .doesNotContain("s3cr3t");
  }

  @Test
  void exceptionsOtherLibrariesCreateInTheirOwnCodeAreLeftOut() {
    assumeWatching();

    TestExecutionSummary summary = run(Samples.LibraryCreatesSecret.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTotalFailureCount()).isZero();
  }

  private static void assumeWatching() {
    ExceptionWatch.start();
    assumeThat(ExceptionWatch.watching()).as("the JVM has the Flight Recorder").isTrue();
  }

  /** Sample classes run by the launcher above; surefire does not pick up nested classes. */
  static final class Samples {
    private Samples() {}

    static final class Clean {
      @Test
      void printsNothingSecret() {
        System.out.println("an ordinary line");
      }

      @Test
      void logsNothingSecret() {
        Logger.getLogger("sample").info("static token <redacted>");
      }
    }

    static final class PrintsSecret {
      @Test
      void prints() {
        System.out.println("client_secret=app-s3cr3t-9");
      }
    }

    static final class PrintsTokenToErr {
      @Test
      void prints() {
        System.err.println("Authorization: Bearer tok-err-1");
      }
    }

    static final class LogsSecret {
      @Test
      void logs() {
        Logger.getLogger("io.github.presencesdk.sample").fine("secret is db-S3CR3T");
      }
    }

    // For the report of an exception that escapes; the Flight Recorder check has samples of its
    // own.
    @CreatesSecretsOnPurpose
    static final class ThrowsSecret {
      @Test
      void fails() {
        throw new IllegalStateException("token tok-thrown-1 was refused");
      }
    }

    static final class PropertyPrintsSecret {
      @Property(tries = 3)
      void prints(@ForAll int any) {
        System.out.println("client_secret=app-s3cr3t-" + any);
      }

      @Property(tries = 3)
      void printsNothing(@ForAll int any) {
        System.out.println("value " + any);
      }
    }

    static final class CatchesSecret {
      @Test
      void catches() {
        assertThatThrownBy(
                () -> {
                  throw new IllegalStateException("token tok-caught-1 was refused");
                })
            .isInstanceOf(IllegalStateException.class);
      }
    }

    static final class PropertyCatchesSecret {
      @Property(tries = 3)
      void catches(@ForAll int any) {
        try {
          throw new java.io.UncheckedIOException(
              "client_secret=app-s3cr3t-" + any, new java.io.IOException());
        } catch (java.io.UncheckedIOException expected) {
          // seen and dropped, as a test that inspects an exception does
        }
      }
    }

    static final class LibraryCreatesSecret {
      @Test
      void parses() {
        assertThatThrownBy(() -> Integer.parseInt("app-s3cr3t-1"))
            .isInstanceOf(NumberFormatException.class);
      }
    }

    static final class PrintsRegistered {
      @Test
      void prints() {
        String value = Secrets.register("vendor-documented-token-value");
        System.out.println(value);
      }
    }
  }
}
