package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.testsupport.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault against every read and write of every vendor client, on a server on loopback.
 *
 * <p>Each case checks that the call ends in a correct result or in the right typed exception,
 * within the total timeout; that retries happen exactly where the operation is safe to repeat (or
 * the server said it did not act, 429); that a bulk read accounts for every requested id exactly
 * once, in its result or its failures; that no secret shows in the exception or the client's {@code
 * toString()}; and that once the call has ended no call is running and no connection of the OkHttp
 * pool is in use, checked before the client is closed (an unclosed body would keep its connection
 * in use) and again after. The figures are written to {@code target/reliability/fault-matrix.md}
 * and summarized in {@code docs/RELIABILITY.md}.
 *
 * <p>Cases run three at a time (see {@code junit-platform.properties}): each has its own server,
 * OkHttp client and clock, and most of a case is waiting for a stall to time out. OkHttp's leak
 * warnings are counted for the whole run, so one that a case caused may be charged to a case
 * running at the same time; none may occur at all.
 */
final class FaultMatrixTest {
  /** Short, so that a stall or a missing response is found quickly. */
  static final Duration STALL_ATTEMPT_TIMEOUT = Duration.ofMillis(200);

  /** For faults answered at once: long enough that a busy machine does not time an attempt out. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(5);

  /** Real time a case may run past its budget: scheduling, decoding, closing. */
  static final Duration GRACE = Duration.ofSeconds(1);

  /**
   * The hang guard: a call that has not ended after this many times its budget (the total timeout
   * of each request it makes), plus {@link #GRACE}, in real time, is counted lost and fails its
   * case. The budget is measured on the client's clock, which runs at least as fast as real time,
   * so a call that keeps its budget ends well within the guard.
   */
  static final int HANG_FACTOR = 2;

  static final int MAX_ATTEMPTS = 3;

  /**
   * How often the core sends a request that is not safe to repeat again at once, without counting
   * an attempt, when its stale-connection probe finds the connection closed before anything was
   * written ({@code HttpCore.MAX_STALE_CONNECTION_RETRIES}). Once they are used up, such a failure
   * is an attempt like any other, and the policy may repeat it, since the server saw nothing: a
   * request is sent on at most this many plus {@link #MAX_ATTEMPTS} connections.
   */
  static final int MAX_STALE_CONNECTION_RETRIES = 4;

  /**
   * The longest {@code Retry-After} the clients wait: an absurd one is cut to this, and with two
   * such waits a request still keeps its budget.
   */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);

  static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(MAX_ATTEMPTS)
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofSeconds(1))
          .maxRetryAfter(MAX_RETRY_AFTER)
          .jitter(0)
          .build();

  /**
   * The header with which the test's OkHttp client stamps each attempt with the client's clock, so
   * that the server can write an HTTP date relative to the clock the client will measure it with.
   */
  static final String CLIENT_CLOCK = "X-Matrix-Client-Clock";

  /** Waits shorter than this are backoffs of the policy (100 ms, 200 ms), not Retry-After waits. */
  static final Duration SHORTEST_RETRY_AFTER_WAIT = Duration.ofMillis(500);

  /**
   * The attempt timeout of a case: 200 ms where the server stalls (the client must give up on the
   * attempt), 20 s for ten megabytes, and 2 s for every fault the server answers at once, so that
   * an attempt that meets such a fault is not cut short on a busy machine and then repeated.
   */
  static Duration attemptTimeout(Fault fault) {
    return switch (fault) {
      case STALLED_BODY, NO_RESPONSE -> STALL_ATTEMPT_TIMEOUT;
      case BODY_10_MB -> Duration.ofSeconds(20);
      default -> ATTEMPT_TIMEOUT;
    };
  }

  static Duration totalTimeout(Fault fault) {
    return fault == Fault.BODY_10_MB ? Duration.ofSeconds(60) : TOTAL_TIMEOUT;
  }

  static final MatrixReport REPORT =
      new MatrixReport(
          "Fault matrix", "FaultMatrixTest.faultMatrix (presence-sdk-reliability-tests)");

  @StartStop final MockWebServer server = Loopback.server();

  /** One case: an operation, a fault, and which requests meet it; {@code order} is its place. */
  record Case(int order, Operation operation, Fault fault, Mode mode) {
    @Override
    public String toString() {
      return operation + " | " + fault + " | " + mode;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Operation op : Operations.all()) {
      for (Fault fault : Fault.values()) {
        cases.add(new Case(cases.size(), op, fault, Mode.ALWAYS));
        if (fault == Fault.DROP_BEFORE_REQUEST_READ) {
          // Applied before the request is read, so it cannot pick attempts or chunks.
          continue;
        }
        if (!fault.isBodyFault()) {
          cases.add(new Case(cases.size(), op, fault, Mode.FIRST_ATTEMPT));
        }
        if (op.bulk() && fault.kind != Fault.Kind.DATA) {
          cases.add(new Case(cases.size(), op, fault, Mode.ONE_CHUNK));
        }
      }
    }
    return cases.stream();
  }

  /**
   * What a case must end in.
   *
   * @param attemptsPerFaultedRequest the attempts the server must see of each request that met the
   *     fault, sorted; null where timing decides
   * @param cleanRequests how many requests never met the fault; each is sent once, or (if safe to
   *     repeat) repeated at most as the policy allows should a busy machine make it time out
   */
  record Expectation(
      String outcome,
      Class<? extends RuntimeException> failure,
      Set<String> failedIds,
      List<Integer> attemptsPerFaultedRequest,
      int cleanRequests) {}

  static Expectation expect(Case c) {
    Operation op = c.operation();
    Fault fault = c.fault();
    boolean retryable = fault.retryableAlways() || (fault.retryableWhenSafe() && op.retrySafe);
    Class<? extends RuntimeException> failure =
        fault.isBodyFault() ? op.expectedForBodyFault(fault) : fault.kind.exception;
    List<List<String>> units = op.bulk() ? op.chunks() : List.of(List.of());
    List<Integer> attempts = new ArrayList<>();
    Set<String> failedIds = new LinkedHashSet<>();
    int failing = 0;
    int connections = 0;
    int clean = 0;
    for (List<String> unit : units) {
      boolean faulted =
          switch (c.mode()) {
            case ALWAYS, FIRST_ATTEMPT -> true;
            case ONE_CHUNK -> unit.contains(op.poisonId());
          };
      if (fault.isBodyFault() && !answersOk(op, unit)) {
        // Body faults change 200 answers only; an unknown Talkdesk user is a 404.
        faulted = false;
      }
      boolean fails = faulted && failure != null && !(c.mode() == Mode.FIRST_ATTEMPT && retryable);
      int tries =
          !faulted
              ? 1
              : c.mode() == Mode.FIRST_ATTEMPT ? (retryable ? 2 : 1) : retryable ? MAX_ATTEMPTS : 1;
      if (fails) {
        failing++;
        failedIds.addAll(unit);
      }
      if (fault == Fault.DROP_BEFORE_REQUEST_READ) {
        // The server closes every connection before reading a request, and counts connections.
        connections += tries;
        continue;
      }
      if (!faulted) {
        clean++;
      } else if (op.bulk()) {
        attempts.add(tries);
      } else {
        // A failing operation stops at its first request; a successful one sends them all.
        int requests = fails ? 1 : op.requestsWhenClean();
        for (int i = 0; i < requests; i++) {
          attempts.add(tries);
        }
      }
    }
    String outcome;
    if (failing == 0) {
      outcome = "result";
    } else if (!op.bulk() || failing == units.size()) {
      outcome = failure.getSimpleName();
    } else {
      outcome = "PartialFailureException(" + failure.getSimpleName() + ")";
    }
    if (fault == Fault.DROP_BEFORE_REQUEST_READ) {
      // An operation that is not safe to repeat may still be sent again when the stale-connection
      // probe sees the close before the request is written; how often depends on timing.
      attempts = op.retrySafe ? List.of(connections) : null;
    }
    return new Expectation(
        outcome,
        failure,
        failedIds,
        attempts == null ? null : attempts.stream().sorted().toList(),
        clean);
  }

  private static boolean answersOk(Operation op, List<String> unit) {
    return !(op instanceof Operations.TalkdeskPresences)
        || !unit.contains(Operations.Talkdesk.UNKNOWN);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  // The cases of this method run concurrently with each other; the class runs alone, as every
  // test class of this module does, so that no other test competes with the cases for the CPU.
  @Execution(ExecutionMode.CONCURRENT)
  void faultMatrix(Case c) throws Exception {
    Run run = run(c, server, false);
    if (run.failure() != null && c.fault().stalls()) {
      // The good answer to a retry has 200 ms as well, which a busy machine can miss, and a case
      // then fails without a fault of the client. Such a case runs once more, on a fresh server,
      // and the second run counts; a stall the client mishandles fails both.
      try (MockWebServer fresh = Loopback.server()) {
        fresh.start();
        run = run(c, fresh, true);
      }
    }
    REPORT.add(run.row());
    if (run.failure() != null) {
      throw run.failure();
    }
  }

  /** One run of a case: its row in the report, and why it failed, or null. */
  record Run(MatrixReport.Row row, AssertionError failure) {}

  private static Run run(Case c, MockWebServer server, boolean rerun) throws Exception {
    Operation op = c.operation();
    TestTime time = new TestTime();
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    Set<String> cleanKeys = ConcurrentHashMap.newKeySet();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (c.fault() == Fault.DROP_BEFORE_REQUEST_READ) {
              // Only the server's bookkeeping of a connection it closed unread comes here.
              attempts.computeIfAbsent("connections", k -> new AtomicInteger()).incrementAndGet();
              return new MockResponse.Builder().build();
            }
            String key = request.getMethod() + " " + request.getTarget();
            int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Operation.Answer good = op.good(request);
            boolean hit =
                switch (c.mode()) {
                  case ALWAYS -> true;
                  case FIRST_ATTEMPT -> attempt == 1;
                  case ONE_CHUNK -> op.concernsPoison(request);
                };
            if (!hit || (c.fault().isBodyFault() && good.code() != 200)) {
              if (attempt == 1) {
                cleanKeys.add(key);
              }
              return new MockResponse.Builder()
                  .code(good.code())
                  .setHeader("Content-Type", "application/json")
                  .body(good.body())
                  .build();
            }
            return c.fault().response(good.body(), op, clientClock(request, time));
          }

          @Override
          public MockResponse peek() {
            // The effect at the start of a request is taken from here, before the request is
            // read: this fault cannot depend on which request it is.
            return c.fault() == Fault.DROP_BEFORE_REQUEST_READ
                ? c.fault().response("", op, time.instant())
                : super.peek();
          }
        });
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header(CLIENT_CLOCK, time.instant().toString())
                            .build()))
            .build();
    String token = "tok-matrix-" + op.vendor;
    Duration total = totalTimeout(c.fault());
    Operation.Env env =
        new Operation.Env(
            server.url("/"), http, time, POLICY, attemptTimeout(c.fault()), total, token);
    int leakWarningsBefore = LeakWatch.count();

    // The total timeout is the budget of each request: of a single call, of each chunk of a bulk
    // read (a worker may read several chunks one after the other), of each page of a listing.
    int requests = op.bulk() ? op.chunks().size() : op.requestsWhenClean();
    Duration budget = total.multipliedBy(requests);
    CallGuard.Outcome ended;
    String clientText;
    ConnectionPool pool = http.connectionPool();
    int runningBeforeClose;
    int inUseBeforeClose;
    try (PresenceClient<?> client = op.client(env)) {
      clientText = client.toString();
      ended = CallGuard.run(() -> op.call(client), budget.multipliedBy(HANG_FACTOR).plus(GRACE));
      // Checked while the client is open: close() could end calls and release connections that a
      // body left open would otherwise keep in use.
      runningBeforeClose = http.dispatcher().runningCallsCount();
      inUseBeforeClose = LeakWatch.connectionsInUse(pool);
    }
    Object result = ended.result();
    RuntimeException thrown = ended.thrown();
    Duration elapsed = time.elapsed();

    Expectation expected = expect(c);
    String outcome = ended.lost() ? LOST : outcomeOf(thrown);
    Accounting ids = op.bulk() && !ended.lost() ? account(op, result, thrown) : Accounting.NONE;
    List<Integer> seen = attempts.values().stream().map(AtomicInteger::get).sorted().toList();
    List<Integer> seenFaulted =
        attempts.entrySet().stream()
            .filter(e -> !cleanKeys.contains(e.getKey()))
            .map(e -> e.getValue().get())
            .sorted()
            .toList();
    List<Integer> seenClean =
        attempts.entrySet().stream()
            .filter(e -> cleanKeys.contains(e.getKey()))
            .map(e -> e.getValue().get())
            .toList();
    int running = http.dispatcher().runningCallsCount();
    int inUse = LeakWatch.connectionsInUse(pool);
    pool.evictAll();
    int remaining = pool.connectionCount();
    int leakWarnings = LeakWatch.count() - leakWarningsBefore;

    AssertionError failed = null;
    try {
      assertThat(ended.lost())
          .as(
              "call lost: it neither returned nor threw within %s times its budget of %s, plus %s",
              HANG_FACTOR, budget, GRACE)
          .isFalse();
      assertThat(outcome).as("outcome").isEqualTo(expected.outcome());
      if (thrown == null) {
        op.verify(result, c.fault());
      } else {
        checkException(c, expected, thrown);
      }
      boolean slowRetry =
          c.mode() == Mode.FIRST_ATTEMPT && seenFaulted.stream().anyMatch(n -> n > 2);
      if (slowRetry) {
        // A retry that got the good answer may itself have run out of its 200 ms on a busy
        // machine; what matters is that the request was repeated, and not beyond the policy.
        assertThat(seenFaulted)
            .hasSameSizeAs(expected.attemptsPerFaultedRequest())
            .allSatisfy(n -> assertThat(n).isBetween(2, MAX_ATTEMPTS));
      } else if (expected.attemptsPerFaultedRequest() != null) {
        assertThat(seenFaulted)
            .as("attempts per request that met the fault, seen by the server")
            .isEqualTo(expected.attemptsPerFaultedRequest());
      } else {
        // Only the connections of an operation that is not safe to repeat, under a close before
        // the request is read, come here: the server counts them under one key.
        assertThat(seenFaulted).as("requests that met the fault").hasSize(1);
        assertThat(seenFaulted.get(0))
            .as("connections the server closed unread")
            .isBetween(1, MAX_STALE_CONNECTION_RETRIES + MAX_ATTEMPTS);
      }
      if (c.fault().kind == Fault.Kind.RATE_LIMITED) {
        checkRetryAfterWaits(c, expected, slowRetry, time.sleeps);
      }
      assertThat(seenClean)
          .as("requests that never met the fault")
          .hasSize(expected.cleanRequests());
      assertThat(seenClean)
          .as("attempts of requests that never met the fault")
          .allSatisfy(n -> assertThat(n).isBetween(1, op.retrySafe ? MAX_ATTEMPTS : 1));
      if (!op.retrySafe
          && !c.fault().retryableAlways()
          && c.fault() != Fault.DROP_BEFORE_REQUEST_READ) {
        assertThat(seen).as("an operation not safe to repeat is sent once").containsOnly(1);
      }
      assertThat(ids.lost()).as("ids lost").isZero();
      assertThat(ids.duplicated()).as("ids duplicated").isZero();
      assertThat(elapsed).as("time used, waits included").isLessThanOrEqualTo(budget.plus(GRACE));
      assertThat(runningBeforeClose).as("calls still running before close()").isZero();
      assertThat(inUseBeforeClose).as("connections in use before close()").isZero();
      assertThat(running).as("calls still running after close()").isZero();
      assertThat(inUse).as("connections in use after close()").isZero();
      assertThat(remaining).as("connections left after evicting idle ones").isZero();
      assertThat(leakWarnings).as("OkHttp leak warnings").isZero();
      Secrets.assertNoSecret("the client's toString()", clientText);
      assertThat(clientText).doesNotContain(token);
      Secrets.assertNoSecret(thrown);
    } catch (AssertionError e) {
      failed = e;
    }
    return new Run(
        new MatrixReport.Row(
            c.order(),
            op.vendor,
            op.name,
            c.fault(),
            c.mode(),
            expected.outcome(),
            outcome,
            seen.stream().mapToInt(Integer::intValue).sum(),
            op.distinctIds().size(),
            ids.lost(),
            ids.duplicated(),
            inUseBeforeClose,
            inUse,
            leakWarnings,
            elapsed.toMillis(),
            rerun,
            failed == null),
        failed);
  }

  /**
   * The client's clock when it sent {@code request}, as the test's OkHttp client stamped it, or the
   * server's when there is no stamp.
   */
  private static Instant clientClock(RecordedRequest request, TestTime time) {
    String stamp = request.getHeaders().get(CLIENT_CLOCK);
    return stamp == null ? time.instant() : Instant.parse(stamp);
  }

  /**
   * Checks the waits the client made for the 429s: one before each repeat of a request that met the
   * fault, each as long as the server asked (an absurd value cut to the policy's maximum). Waits
   * shorter than {@link #SHORTEST_RETRY_AFTER_WAIT} are backoffs after an attempt that timed out on
   * a busy machine; a Retry-After that came out as no wait at all falls among them and is missed.
   */
  private static void checkRetryAfterWaits(
      Case c, Expectation expected, boolean slowRetry, List<Duration> sleeps) {
    int repeats =
        expected.attemptsPerFaultedRequest().stream().mapToInt(attempts -> attempts - 1).sum();
    List<Duration> waits =
        sleeps.stream().filter(d -> d.compareTo(SHORTEST_RETRY_AFTER_WAIT) >= 0).toList();
    if (slowRetry) {
      assertThat(waits.size()).as("Retry-After waits").isGreaterThanOrEqualTo(repeats);
    } else {
      assertThat(waits).as("Retry-After waits, of all waits %s", sleeps).hasSize(repeats);
    }
    switch (c.fault()) {
      case RATE_LIMITED_SECONDS ->
          assertThat(waits).as("waits for Retry-After: 1").containsOnly(Duration.ofSeconds(1));
      case RATE_LIMITED_HTTP_DATE ->
          // The date is 1 to 2 s ahead of the client's clock at the request; the client reads it
          // a little later.
          assertThat(waits)
              .as("waits for an HTTP date 1 to 2 s ahead")
              .allSatisfy(
                  d -> assertThat(d).isBetween(SHORTEST_RETRY_AFTER_WAIT, Duration.ofSeconds(2)));
      case RATE_LIMITED_ABSURD ->
          assertThat(waits).as("waits for an absurd Retry-After").containsOnly(MAX_RETRY_AFTER);
      default -> throw new AssertionError("not a 429 fault: " + c.fault());
    }
  }

  private static void checkException(Case c, Expectation expected, RuntimeException thrown) {
    assertThat(thrown).isInstanceOf(PresenceException.class);
    assertThat(thrown.getMessage()).as("message").isNotBlank().contains(c.operation().vendor);
    if (thrown instanceof PartialFailureException partial) {
      assertThat(partial.failures().keySet())
          .as("failed ids")
          .containsExactlyElementsOf(expected.failedIds());
      assertThat(partial.failures().values())
          .allSatisfy(e -> assertThat(e).isInstanceOf(expected.failure()));
      return;
    }
    assertThat(thrown).isInstanceOf(expected.failure());
    if (thrown instanceof RateLimitedException limited) {
      assertThat(limited.retryAfter()).as("Retry-After kept").isPresent();
      if (c.fault() == Fault.RATE_LIMITED_ABSURD) {
        assertThat(limited.retryAfter().orElseThrow()).isGreaterThan(Duration.ofDays(1));
      }
    }
  }

  /** The outcome of a call that neither returned nor threw within the hang guard. */
  static final String LOST = "lost";

  private static String outcomeOf(RuntimeException thrown) {
    if (thrown == null) {
      return "result";
    }
    if (thrown instanceof PartialFailureException partial) {
      Set<String> inner = new LinkedHashSet<>();
      partial.failures().values().forEach(e -> inner.add(e.getClass().getSimpleName()));
      return "PartialFailureException(" + String.join(",", inner) + ")";
    }
    return thrown.getClass().getSimpleName();
  }

  /** How the requested ids of a bulk read came back. */
  record Accounting(int lost, int duplicated) {
    static final Accounting NONE = new Accounting(0, 0);
  }

  /**
   * Compares the requested ids with those in the result (found or unknown) and in the failures:
   * each must be in exactly one place. A call that failed as a whole fails every id.
   */
  static Accounting account(Operation op, Object result, RuntimeException thrown) {
    List<String> requested = op.distinctIds();
    List<String> reported = new ArrayList<>();
    if (result instanceof PresenceBatch<?> batch) {
      reported.addAll(batch.asMap().keySet());
      reported.addAll(batch.unknownIds());
    } else if (thrown instanceof PartialFailureException partial) {
      reported.addAll(partial.succeeded().asMap().keySet());
      reported.addAll(partial.succeeded().unknownIds());
      reported.addAll(partial.failures().keySet());
    } else if (thrown != null) {
      reported.addAll(requested);
    }
    return new Accounting(
        (int) requested.stream().filter(id -> !reported.contains(id)).count(),
        reported.size() - new HashSet<>(reported).size() + extra(requested, reported));
  }

  private static int extra(Collection<String> requested, Collection<String> reported) {
    Set<String> wanted = new HashSet<>(requested);
    return (int) reported.stream().filter(id -> !wanted.contains(id)).count();
  }

  @AfterAll
  static void writeReport() {
    System.gc();
    REPORT.write("fault-matrix.md");
    List<MatrixReport.Row> rows = REPORT.rows();
    assertThat(rows.stream().filter(MatrixReport.Row::lost).count()).as("calls lost").isZero();
    assertThat(rows.stream().mapToInt(MatrixReport.Row::idsLost).sum()).isZero();
    assertThat(rows.stream().mapToInt(MatrixReport.Row::leaks).sum()).as("leaks").isZero();
    assertThat(LeakWatch.count()).as("OkHttp leak warnings during the matrix").isZero();
  }
}
