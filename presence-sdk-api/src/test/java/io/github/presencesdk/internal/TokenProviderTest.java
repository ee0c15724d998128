package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TokenProviderTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** Where a redirecting token endpoint points. */
  @StartStop final MockWebServer otherHost = new MockWebServer();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final List<HttpCore> cores = new ArrayList<>();

  @AfterEach
  void tearDown() {
    cores.forEach(HttpCore::close);
  }

  private HttpCore core(ClientAuthentication authentication) {
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("my-client", "s3cr3t-value")
            .scopes("users:read", "users:write")
            .clientAuthentication(authentication)
            .retryPolicy(RetryPolicy.builder().jitter(0).build())
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    cores.add(core);
    return core;
  }

  private static MockResponse token(String value, int expiresIn) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"access_token\":\""
                + value
                + "\",\"expires_in\":"
                + expiresIn
                + ",\"token_type\":\"Bearer\"}")
        .build();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().body(body).build();
  }

  private String get(HttpCore core) {
    return core.execute(ApiRequest.get(server.url("/api/x")), (status, body) -> body.readUtf8());
  }

  @Test
  void fetchesTokenWithFormCredentialsAndScopes() throws Exception {
    server.enqueue(token("tok-1", 7200));
    server.enqueue(ok("a"));

    assertThat(get(core(ClientAuthentication.FORM))).isEqualTo("a");

    RecordedRequest tokenRequest = server.takeRequest();
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(tokenRequest.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(tokenRequest.getHeaders().get("Authorization")).isNull();
    assertThat(tokenRequest.getBody().utf8())
        .isEqualTo(
            "grant_type=client_credentials&scope=users%3Aread+users%3Awrite"
                + "&client_id=my-client&client_secret=s3cr3t-value");
    RecordedRequest apiRequest = server.takeRequest();
    assertThat(apiRequest.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
  }

  @Test
  void fetchesTokenWithBasicCredentials() throws Exception {
    server.enqueue(token("tok-1", 7200));
    server.enqueue(ok("a"));

    get(core(ClientAuthentication.BASIC));

    RecordedRequest tokenRequest = server.takeRequest();
    String expected =
        "Basic " + Base64.getEncoder().encodeToString("my-client:s3cr3t-value".getBytes());
    assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo(expected);
    assertThat(tokenRequest.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&scope=users%3Aread+users%3Awrite");
  }

  @Test
  void cachesTheTokenUntilShortlyBeforeExpiry() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-1", 3600));
    server.enqueue(ok("1"));
    server.enqueue(ok("2"));
    server.enqueue(token("tok-2", 3600));
    server.enqueue(ok("3"));

    get(core);
    clock.advance(Duration.ofMinutes(58)); // 2 minutes left: still fresh
    get(core);
    clock.advance(Duration.ofSeconds(61)); // under 60 s left: refreshed ahead of expiry
    get(core);

    List<String> paths = new ArrayList<>();
    List<String> auth = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordedRequest r = server.takeRequest();
      paths.add(r.getUrl().encodedPath());
      auth.add(String.valueOf(r.getHeaders().get("Authorization")));
    }
    assertThat(paths).containsExactly("/oauth/token", "/api/x", "/api/x", "/oauth/token", "/api/x");
    assertThat(auth.get(1)).isEqualTo("Bearer tok-1");
    assertThat(auth.get(2)).isEqualTo("Bearer tok-1");
    assertThat(auth.get(4)).isEqualTo("Bearer tok-2");
  }

  @Test
  void aFailedRefreshAheadOfExpiryKeepsUsingTheCachedTokenAndIsTriedAgainLater() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-1", 3600));
    server.enqueue(ok("1"));
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"busy\"}").build());
    server.enqueue(ok("2"));
    server.enqueue(token("tok-2", 3600));
    server.enqueue(ok("3"));

    get(core);
    clock.advance(Duration.ofSeconds(3600 - 30)); // in the refresh window, 30 s before expiry
    assertThat(get(core)).isEqualTo("2");
    assertThat(get(core)).isEqualTo("3");

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      RecordedRequest r = server.takeRequest();
      seen.add(r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization"));
    }
    assertThat(seen)
        .containsExactly(
            "/oauth/token null",
            "/api/x Bearer tok-1",
            "/oauth/token null",
            "/api/x Bearer tok-1",
            "/oauth/token null",
            "/api/x Bearer tok-2");
  }

  @Test
  void aFailedFetchAfterExpiryFailsTheCall() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-1", 3600));
    server.enqueue(ok("1"));
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"busy\"}").build());

    get(core);
    clock.advance(Duration.ofSeconds(3600));

    assertThatThrownBy(() -> get(core))
        .isInstanceOf(AuthenticationException.class)
        .hasCauseInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  @Timeout(60) // a hang guard only
  void aStalledRefreshAheadOfExpiryDoesNotHoldCallsUp() throws Exception {
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("my-client", "s3cr3t-value")
            .retryPolicy(RetryPolicy.none())
            .totalTimeout(Duration.ofSeconds(2))
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    cores.add(core);
    AtomicInteger tokenRequests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              if (tokenRequests.incrementAndGet() == 2) {
                release.await();
              }
              return token("tok-" + tokenRequests.get(), 3600);
            }
            return ok(String.valueOf(request.getHeaders().get("Authorization")));
          }
        });
    try {
      assertThat(get(core)).isEqualTo("Bearer tok-1");
      clock.advance(Duration.ofSeconds(3600 - 30));

      // The caller that starts the refresh waits for it half of its 2 s, then goes on with tok-1;
      // the next call finds the refresh still running and does not wait at all.
      assertThat(get(core)).isEqualTo("Bearer tok-1");
      assertThat(get(core)).isEqualTo("Bearer tok-1");
      assertThat(tokenRequests).hasValue(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void shortLivedTokensAreRefreshedAtHalfTheirLifetime() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-1", 60));
    server.enqueue(ok("1"));
    server.enqueue(ok("2"));
    server.enqueue(token("tok-2", 60));
    server.enqueue(ok("3"));

    get(core);
    clock.advance(Duration.ofSeconds(29));
    get(core);
    clock.advance(Duration.ofSeconds(1));
    get(core);

    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void thirtyTwoConcurrentFirstCallsFetchOneToken() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    AtomicInteger tokenRequests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              tokenRequests.incrementAndGet();
              // Hold the token answer until every caller is waiting for it.
              release.await(10, TimeUnit.SECONDS);
              return token("tok-shared", 3600);
            }
            return ok(String.valueOf(request.getHeaders().get("Authorization")));
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch started = new CountDownLatch(32);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  started.countDown();
                  return get(core);
                }));
      }
      started.await();
      release.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("Bearer tok-shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests).hasValue(1);
    assertThat(server.getRequestCount()).isEqualTo(33);
  }

  /** Waits until each of {@code threads} is parked, as a caller waiting for a token is. */
  private static void awaitParked(List<Thread> threads) throws InterruptedException {
    while (!threads.stream()
        .allMatch(
            t ->
                t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING)) {
      Thread.sleep(5);
    }
  }

  /** A pool whose threads are listed in {@code threads}, so that tests can see them wait. */
  private static ExecutorService recordingPool(int size, List<Thread> threads) {
    return Executors.newFixedThreadPool(
        size,
        runnable -> {
          Thread thread = new Thread(runnable);
          threads.add(thread);
          return thread;
        });
  }

  @Test
  @Timeout(60) // a hang guard only
  void aFailedFetchIsTheOutcomeOfEveryCallerWaitingOnIt() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    AtomicInteger tokenRequests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              if (tokenRequests.incrementAndGet() == 1) {
                release.await();
                return new MockResponse.Builder()
                    .code(400)
                    .body("{\"error\":\"invalid_client\"}")
                    .build();
              }
              return token("tok-later", 3600);
            }
            return ok(String.valueOf(request.getHeaders().get("Authorization")));
          }
        });
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService pool = recordingPool(16, threads);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> get(core)));
      }
      while (threads.size() < 16) {
        Thread.sleep(5);
      }
      awaitParked(threads);
      release.countDown();
      for (Future<String> result : results) {
        assertThatThrownBy(result::get)
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(AuthenticationException.class)
            .hasMessageContaining("invalid_client");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests).as("token requests of the 16 callers").hasValue(1);

    // The failure is not remembered: the next call fetches again.
    assertThat(get(core)).isEqualTo("Bearer tok-later");
    assertThat(tokenRequests).hasValue(2);
  }

  @Test
  @Timeout(60) // a hang guard only
  void aWaitingCallerCanBeInterruptedWithoutEndingTheFetchOfTheOthers() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    AtomicInteger tokenRequests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              tokenRequests.incrementAndGet();
              release.await();
              return token("tok-shared", 3600);
            }
            return ok(String.valueOf(request.getHeaders().get("Authorization")));
          }
        });
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService pool = recordingPool(2, threads);
    try {
      Future<String> first = pool.submit(() -> get(core));
      while (tokenRequests.get() == 0) {
        Thread.sleep(5);
      }
      AtomicBoolean interruptKept = new AtomicBoolean();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      CountDownLatch ended = new CountDownLatch(1);
      Future<String> second =
          pool.submit(
              () -> {
                try {
                  return get(core);
                } catch (RuntimeException e) {
                  thrown.set(e);
                  throw e;
                } finally {
                  interruptKept.set(Thread.currentThread().isInterrupted());
                  ended.countDown();
                }
              });
      while (threads.size() < 2) {
        Thread.sleep(5);
      }
      awaitParked(threads);

      second.cancel(true);
      // The interrupted caller ends while the token endpoint still holds its answer.
      ended.await();
      assertThat(thrown.get())
          .isInstanceOf(PresenceIoException.class)
          .hasMessageContaining("interrupted while waiting for an access token");
      assertThat(interruptKept).isTrue();
      assertThat(first.isDone()).isFalse();

      release.countDown();
      assertThat(first.get()).isEqualTo("Bearer tok-shared");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void theTokenFetchOfACallUsesWhatIsLeftOfTheCallsBudget() throws Exception {
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("my-client", "s3cr3t-value")
            .retryPolicy(RetryPolicy.builder().maxAttempts(10).jitter(0).build())
            .totalTimeout(Duration.ofSeconds(2))
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    cores.add(core);
    server.enqueue(token("tok-1", 3600));
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(401).build());
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }

    // The refresh's 503 came from the token endpoint, which the exception says.
    assertThatThrownBy(() -> get(core))
        .isInstanceOf(AuthenticationException.class)
        .hasCauseInstanceOf(ServerException.class)
        .hasMessageContaining("/oauth/token");

    // 1.5 s of the 2 s went to the two retries; the refresh after the 401 had 0.5 s left, too
    // little to wait 500 ms for a retry of the token request.
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
  }

  @Test
  void aTokenFetchThatUsesUpTheBudgetLeavesNoAttemptForTheCall() {
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("my-client", "s3cr3t-value")
            .totalTimeout(Duration.ofSeconds(2))
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    cores.add(core);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              // A slow token endpoint, on the client's clock.
              clock.advance(Duration.ofMillis(2500));
              return token("tok-slow", 3600);
            }
            return ok("api");
          }
        });

    assertThatThrownBy(() -> get(core))
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("ran out of its total timeout of PT2S");
    assertThat(server.getRequestCount()).as("the API request is not sent").isEqualTo(1);
  }

  @Test
  void theAttemptAfterASlowTokenFetchGetsOnlyWhatIsLeft() {
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("my-client", "s3cr3t-value")
            .retryPolicy(RetryPolicy.none())
            .totalTimeout(Duration.ofSeconds(5))
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    cores.add(core);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              clock.advance(Duration.ofMillis(4900));
              return token("tok-slow", 3600);
            }
            // Later than the 100 ms left of the budget, well within a fresh one.
            return new MockResponse.Builder().body("api").headersDelay(2, TimeUnit.SECONDS).build();
          }
        });

    assertThatThrownBy(() -> get(core))
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void a401ForcesOneRefreshAndOneRetry() throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-stale", 7200));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"denied\"}").build());
    server.enqueue(token("tok-fresh", 7200));
    server.enqueue(ok("done"));

    assertThat(get(core)).isEqualTo("done");

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-stale");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-fresh");
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aSecond401IsAnAuthenticationException() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(token("tok-one", 7200));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"denied\"}").build());
    server.enqueue(token("tok-two", 7200));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"denied\"}").build());

    assertThatThrownBy(() -> get(core))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("denied");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void staticTokenIsNotRefreshedOn401() {
    HttpCore core =
        TestClient.builder().baseUrl(server.url("/api/")).accessToken("tok-fixed").buildCore();
    cores.add(core);
    server.enqueue(new MockResponse.Builder().code(401).build());

    assertThatThrownBy(() -> get(core)).isInstanceOf(AuthenticationException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenEndpointErrorBecomesAuthenticationExceptionWithoutTheSecret() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}")
            .build());

    assertThatThrownBy(() -> get(core))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.errorCode()).contains("invalid_client");
              assertThat(e.vendorMessage()).contains("Unknown client");
              assertThat(e.getMessage()).doesNotContain("s3cr3t-value");
              assertThat(e.toString()).doesNotContain("s3cr3t-value");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"FORM, 302", "FORM, 307", "FORM, 308", "BASIC, 302", "BASIC, 307", "BASIC, 308"})
  void aRedirectingTokenEndpointIsRefusedAndTheCredentialsGoNowhereElse(
      ClientAuthentication authentication, int status) {
    HttpCore core = core(authentication);
    HttpUrl elsewhere = otherHost.url("/collect?from=token");
    String otherHostName = server.url("/").host().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
    elsewhere = elsewhere.newBuilder().host(otherHostName).build();
    server.enqueue(
        new MockResponse.Builder().code(status).setHeader("Location", elsewhere).build());
    // Answers for the calls a followed redirect would lead to, so that a regression fails fast.
    server.enqueue(ok("api"));
    otherHost.enqueue(token("tok-from-elsewhere", 3600));

    assertThatThrownBy(() -> get(core))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.getMessage())
                  .contains("token endpoint redirected to host " + otherHostName)
                  .doesNotContain("s3cr3t-value")
                  .doesNotContain("collect");
              assertThat(e.toString()).doesNotContain("s3cr3t-value");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(otherHost.getRequestCount()).isZero();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aRedirectToAnotherPathOfTheTokenHostIsRefusedToo() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(new MockResponse.Builder().code(308).setHeader("Location", "/v2/token").build());
    server.enqueue(token("tok-moved", 3600));
    server.enqueue(ok("api"));

    assertThatThrownBy(() -> get(core))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("redirected to another path on the same host");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenResponseWithoutAccessTokenIsAnAuthenticationFailureAndKeepsNoExcerpt() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(ok("{\"token_type\":\"Bearer\",\"refresh\":\"abc-s3cr3t-ish\""));

    assertThatThrownBy(() -> get(core))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.body()).isEmpty();
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.getMessage()).doesNotContain("abc-s3cr3t-ish");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      io.github.presencesdk.UndecodableResponseException.class,
                      cause -> assertThat(cause.bodyExcerpt()).isEmpty());
            });
  }

  @Test
  void aTokenInTheExpiresInFieldIsNotQuotedInTheException() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(ok("{\"access_token\":\"tok-real-1\",\"expires_in\":\"tok-misplaced-7\"}"));

    assertThatThrownBy(() -> get(core))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.getCause())
                  .isInstanceOf(io.github.presencesdk.UndecodableResponseException.class);
              assertThat(e.getMessage())
                  .contains("expires_in")
                  .doesNotContain("tok-misplaced-7")
                  .doesNotContain("tok-real-1");
              assertThat(e.body()).isEmpty();
              Throwable cause = e.getCause();
              while (cause != null) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain("tok-misplaced-7");
                cause = cause.getCause();
              }
            });
  }

  /** A token endpoint answering {@code status}, as often happens with a wrong token URL. */
  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({
    "404, 1, NotFoundException, not_found, no such path",
    "405, 1, UnexpectedStatusException, , ",
    "500, 1, ServerException, server_error, it broke",
    "503, 3, ServerException, temporarily_unavailable, later",
    "429, 3, RateLimitedException, slow_down, too many",
  })
  void everyErrorStatusOfTheTokenEndpointIsAnAuthenticationFailureNamingIt(
      int status, int attempts, String causeType, String code, String description)
      throws Exception {
    HttpCore core = core(ClientAuthentication.FORM);
    String body =
        code == null
            ? "<html><body>Method Not Allowed</body></html>"
            : "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}";
    for (int i = 0; i < attempts; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .setHeader("X-Request-Id", "req-token-" + i)
              .body(body)
              .build());
    }

    AuthenticationException e = catchAuthentication(() -> get(core));

    String tokenUrl = server.url("/oauth/token").toString();
    assertThat(e.getMessage())
        .startsWith("testvendor could not get an access token from " + tokenUrl + ": ")
        .contains("answered HTTP " + status)
        .doesNotContain("s3cr3t-value");
    assertThat(e.tokenEndpoint()).contains(tokenUrl);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getCause().getClass().getSimpleName()).isEqualTo(causeType);
    if (code != null) {
      assertThat(e.errorCode()).contains(code);
      assertThat(e.vendorMessage()).contains(description);
      assertThat(e.getMessage()).contains(code, description);
    }
    assertThat(e.requestId()).contains("req-token-" + (attempts - 1));
    // Retried as the policy allows, and no API request without a token.
    assertThat(server.getRequestCount()).isEqualTo(attempts);
    for (int i = 0; i < attempts; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token");
    }
  }

  @Test
  void aTokenEndpointThatCannotBeReachedIsAnAuthenticationFailureNamingIt() throws Exception {
    HttpUrl unreachable = server.url("/oauth/token");
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .tokenUrl(unreachable + "?tenant=t1")
            .clientCredentials("my-client", "s3cr3t-value")
            .retryPolicy(RetryPolicy.none())
            .buildCore();
    cores.add(core);
    server.close();

    AuthenticationException e = catchAuthentication(() -> get(core));

    assertThat(e.getMessage())
        .startsWith("testvendor could not get an access token from " + unreachable + ": ")
        .contains("check tokenUrl and that its host is reachable")
        .doesNotContain("tenant=t1")
        .doesNotContain("s3cr3t-value");
    assertThat(e.tokenEndpoint()).contains(unreachable.toString());
    assertThat(e.statusCode()).isZero();
    assertThat(e.getCause()).isInstanceOf(PresenceIoException.class);
  }

  @Test
  void aTokenEndpointAnsweringWithAWebPageIsAnAuthenticationFailureNamingIt() {
    HttpCore core = core(ClientAuthentication.FORM);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html")
            .body("<!DOCTYPE html><html><body>Sign in</body></html>")
            .build());

    AuthenticationException e = catchAuthentication(() -> get(core));

    assertThat(e.getMessage())
        .startsWith("testvendor could not get an access token from " + server.url("/oauth/token"))
        .contains("no usable access token");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getCause()).isInstanceOf(io.github.presencesdk.UndecodableResponseException.class);
    assertThat(server.getRequestCount()).as("no API request without a token").isEqualTo(1);
  }

  @Test
  void theApisOwn401IsNotReportedAsATokenEndpointFailure() {
    HttpCore core =
        TestClient.builder().baseUrl(server.url("/api/")).accessToken("tok-static-1").buildCore();
    cores.add(core);
    server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"denied\"}").build());

    AuthenticationException e = catchAuthentication(() -> get(core));

    assertThat(e.tokenEndpoint()).isEmpty();
    assertThat(e.getMessage()).startsWith("testvendor answered HTTP 401");
  }

  private static AuthenticationException catchAuthentication(Runnable call) {
    try {
      call.run();
    } catch (AuthenticationException e) {
      return e;
    }
    throw new AssertionError("no AuthenticationException");
  }

  @Test
  void secretsAreAbsentFromToString() {
    HttpCore core = core(ClientAuthentication.BASIC);
    assertThat(core.toString()).doesNotContain("s3cr3t-value").contains("redacted");
    HttpCore staticCore =
        TestClient.builder().baseUrl(server.url("/")).accessToken("tok-static-42").buildCore();
    cores.add(staticCore);
    assertThat(staticCore.toString()).doesNotContain("tok-static-42");
    TestClient.Builder builder =
        TestClient.builder().baseUrl(server.url("/")).clientCredentials("id", "s3cr3t-value");
    assertThat(builder.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void tokenUrlDefaultsFromTheVendorAndCanBeOverridden() throws Exception {
    HttpUrl custom = server.url("/custom/token");
    HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("id", "app-s3cr3t")
            .tokenUrl(custom.toString())
            .buildCore();
    cores.add(core);
    server.enqueue(token("t", 100));
    server.enqueue(ok("x"));

    get(core);

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/custom/token");
  }
}
