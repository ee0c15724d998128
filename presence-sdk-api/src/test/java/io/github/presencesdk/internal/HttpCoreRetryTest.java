package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HttpCoreRetryTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private HttpCore core;

  @BeforeEach
  void setUp() {
    core = newCore(RetryPolicy.builder().maxAttempts(4).jitter(0).build());
  }

  @AfterEach
  void tearDown() {
    core.close();
  }

  private HttpCore newCore(RetryPolicy policy) {
    return TestClient.builder()
        .baseUrl(server.url("/"))
        .accessToken("tok-static-123")
        .retryPolicy(policy)
        .clock(clock)
        .sleeper(sleeper)
        .buildCore();
  }

  private String get(String path) {
    return core.execute(ApiRequest.get(server.url(path)), (status, body) -> body.readUtf8());
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{}").build();
  }

  @Test
  void sendsUserAgentVendorHeadersAndBearerToken() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/things")).isEqualTo("ok");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/things");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-static-123");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.test.v1+json");
    assertThat(request.getHeaders().get("User-Agent"))
        .matches("presence-sdk/\\S+ \\(testvendor\\) Java/\\S+")
        .doesNotContain("unknown");
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 502, 503, 504})
  void retriesRetryableStatusesWithExponentialBackoff(int code) {
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(new MockResponse.Builder().body("done").build());

    assertThat(get("/x")).isEqualTo("done");

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.sleeps)
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void backoffIsCappedByMaxBackoff() {
    core.close();
    core =
        newCore(
            RetryPolicy.builder()
                .maxAttempts(6)
                .jitter(0)
                .initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(3))
                .build());
    for (int i = 0; i < 6; i++) {
      server.enqueue(status(503));
    }

    assertThatThrownBy(() -> get("/x")).isInstanceOf(ServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(sleeper.sleeps)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3));
  }

  @Test
  void jitterOnlyShortensTheWait() {
    RetryPolicy policy = RetryPolicy.builder().jitter(0.5).build();
    assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoff(1, 0.999)).isBetween(Duration.ofMillis(250), Duration.ofMillis(251));
    assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void retryAfterSecondsReplacesTheBackoff() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/x")).isEqualTo("ok");

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromTheClock() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", date).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/x")).isEqualTo("ok");

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void retryAfterIsCappedByThePolicy() {
    core.close();
    core = newCore(RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(30)).build());
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "99999999999999999999")
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/x")).isEqualTo("ok");

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void rateLimitAfterLastAttemptKeepsRetryAfter() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .setHeader("Retry-After", "3")
              .setHeader("X-Request-Id", "req-" + i)
              .body("{\"error\":{\"code\":\"TooMany\",\"message\":\"slow down\"}}")
              .build());
    }

    assertThatThrownBy(() -> get("/x"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
              assertThat(e.errorCode()).contains("TooMany");
              assertThat(e.vendorMessage()).contains("slow down");
              assertThat(e.requestId()).contains("req-3");
              assertThat(e.getMessage())
                  .contains("testvendor", "429", "TooMany", "slow down", "req-3");
            });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 500})
  void doesNotRetryOtherErrors(int code) {
    server.enqueue(status(code));

    assertThatThrownBy(() -> get("/x")).isInstanceOf(PresenceServiceException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void mapsStatusesToTheExceptionTree() {
    server.enqueue(status(400));
    server.enqueue(status(401));
    server.enqueue(status(403));
    server.enqueue(status(404));
    assertThatThrownBy(() -> get("/a")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> get("/b")).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> get("/c")).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> get("/d")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void nonIdempotentRequestIsNotRetriedAfterA503() {
    server.enqueue(status(503));

    assertThatThrownBy(
            () ->
                core.execute(
                    ApiRequest.json("PATCH", server.url("/p"), "{}", false),
                    (status, body) -> body.readUtf8()))
        .isInstanceOf(ServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void nonIdempotentRequestIsRetriedAfterA429() {
    server.enqueue(status(429));
    server.enqueue(new MockResponse.Builder().body("ok").build());

    String result =
        core.execute(
            ApiRequest.json("PATCH", server.url("/p"), "{\"a\":1}", false),
            (status, body) -> body.readUtf8());

    assertThat(result).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesADroppedConnectionForASafeRequest() {
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/x")).isEqualTo("ok");
    assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(1);
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void doesNotRepeatAnUnsafeRequestThatMayHaveReachedTheServer() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().body("should not be used").build());

    assertThatThrownBy(
            () ->
                core.execute(
                    ApiRequest.json("PATCH", server.url("/p"), "{}", false),
                    (status, body) -> body.readUtf8()))
        .isInstanceOf(PresenceIoException.class);
    assertThat(server.getRequestCount()).as("requests the server saw").isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void failedResponsesThatAreRetriedAreClosedAndTheirConnectionReused() throws Exception {
    // One error body is larger than what is read of it for decoding (64 KiB).
    server.enqueue(new MockResponse.Builder().code(503).body("x".repeat(100 * 1024)).build());
    server.enqueue(status(502));
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get("/x")).isEqualTo("ok");

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    RecordedRequest third = server.takeRequest();
    // An unclosed body would keep its connection, and the retry would need a new one.
    assertThat(List.of(first, second, third))
        .extracting(RecordedRequest::getConnectionIndex)
        .containsOnly(first.getConnectionIndex());
    assertThat(List.of(first, second, third))
        .extracting(RecordedRequest::getExchangeIndex)
        .containsExactly(0, 1, 2);
    ConnectionPool pool = core.okHttpClient().connectionPool();
    assertThat(pool.connectionCount() - pool.idleConnectionCount())
        .as("connections in use after the call")
        .isZero();
  }

  @Test
  void totalTimeoutStopsRetriesThatWouldOverrunIt() {
    core.close();
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-t")
            .retryPolicy(RetryPolicy.builder().maxAttempts(10).jitter(0).build())
            .totalTimeout(Duration.ofMillis(1600))
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
    for (int i = 0; i < 10; i++) {
      server.enqueue(status(503));
    }

    assertThatThrownBy(() -> get("/x")).isInstanceOf(ServerException.class);

    // 500 ms + 1000 ms fit into 1.6 s; the next wait of 2 s would not.
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void closedCoreRefusesCalls() {
    core.close();
    assertThatThrownBy(() -> get("/x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }
}
