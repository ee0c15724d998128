package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hang guard of the fault matrix, and how the report counts what it finds. */
final class CallGuardTest {
  @Test
  void aCallThatNeverEndsIsLostAndInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);

    CallGuard.Outcome outcome =
        CallGuard.run(
            () -> {
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return "too late";
            },
            Duration.ofMillis(100));

    assertThat(outcome.lost()).isTrue();
    assertThat(outcome.result()).isNull();
    assertThat(outcome.thrown()).isNull();
    assertThat(interrupted.await(5, TimeUnit.SECONDS))
        .as("the call's thread was interrupted")
        .isTrue();
  }

  @Test
  void aResultAndAnExceptionAreHandedBack() throws Exception {
    IllegalStateException failure = new IllegalStateException("failed");

    CallGuard.Outcome returned = CallGuard.run(() -> "done", Duration.ofSeconds(5));
    CallGuard.Outcome threw =
        CallGuard.run(
            () -> {
              throw failure;
            },
            Duration.ofSeconds(5));

    assertThat(returned.result()).isEqualTo("done");
    assertThat(returned.lost()).isFalse();
    assertThat(threw.thrown()).isSameAs(failure);
    assertThat(threw.lost()).isFalse();
  }

  @Test
  void anErrorOfTheCallIsRethrown() {
    assertThatThrownBy(
            () ->
                CallGuard.run(
                    () -> {
                      throw new AssertionError("broken check");
                    },
                    Duration.ofSeconds(5)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("broken check");
  }

  @Test
  void aLostCallCountsAsLostAndAsNoOtherOutcome() {
    List<MatrixReport.Row> rows =
        List.of(
            row(FaultMatrixTest.LOST, false),
            row("result", true),
            row("PresenceIoException", true));

    String summary = MatrixReport.summaryByFault(rows);

    // cases, correct result, typed exception, partial failure, as expected, calls lost, ...
    assertThat(summary)
        .contains(
            "| **all** | **3** | **1** | **1** | **0** | **2** | **1** | **0** | **0** | **0** |");
  }

  private static MatrixReport.Row row(String outcome, boolean passed) {
    return new MatrixReport.Row(
        0,
        "vonage",
        "presence",
        Fault.NO_RESPONSE,
        Mode.ALWAYS,
        "PresenceIoException",
        outcome,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        10,
        false,
        passed);
  }
}
