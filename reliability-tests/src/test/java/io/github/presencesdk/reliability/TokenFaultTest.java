package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.UnexpectedStatusException;
import io.github.presencesdk.testsupport.Secrets;
import io.github.presencesdk.vonage.VonageClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults of the OAuth2 token endpoint, met by a Vonage client with client credentials and the retry
 * policy, timeouts and clock of the fault matrix. Each fault ends the call in the right typed
 * exception within the total timeout, after exactly the token requests the policy allows, with no
 * API request sent, no secret in the exception and no connection left in use. Then 64 concurrent
 * first calls against a token endpoint that never answers: they share one fetch and its failure, so
 * the endpoint sees the attempts of one call, not of 64, and the call after the failure fetches
 * anew.
 */
final class TokenFaultTest {
  static final String CLIENT_SECRET = "app-s3cr3t-token-faults";
  static final String USER = Operations.Vcc.USERS.get(0);

  @StartStop final MockWebServer server = Loopback.server();

  private final TestTime time = new TestTime();
  private final OkHttpClient http = new OkHttpClient();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger apiRequests = new AtomicInteger();

  /** What the token endpoint answers; replaced by a good token once a test heals the endpoint. */
  private final AtomicReference<TokenFault> fault = new AtomicReference<>();

  /**
   * One way the token endpoint misbehaves, and what the token request ends in: every one of them
   * reaches the caller as an {@link AuthenticationException} naming the token endpoint, with this
   * as its cause.
   */
  enum TokenFault {
    NO_RESPONSE(PresenceIoException.class, FaultMatrixTest.MAX_ATTEMPTS),
    DISCONNECT(PresenceIoException.class, FaultMatrixTest.MAX_ATTEMPTS),
    STATUS_500(ServerException.class, 1),
    STATUS_503(ServerException.class, FaultMatrixTest.MAX_ATTEMPTS),
    RATE_LIMITED(RateLimitedException.class, FaultMatrixTest.MAX_ATTEMPTS),
    HTML_BODY(UndecodableResponseException.class, 1),
    INVALID_CLIENT(AuthenticationException.class, 1),
    REDIRECT(UnexpectedStatusException.class, 1);

    final Class<? extends PresenceException> cause;

    /** The token requests the retry policy allows for this fault: 1 where it is not retried. */
    final int attempts;

    TokenFault(Class<? extends PresenceException> cause, int attempts) {
      this.cause = cause;
      this.attempts = attempts;
    }

    MockResponse response(MockWebServer server) {
      return switch (this) {
        case NO_RESPONSE ->
            new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
        case DISCONNECT ->
            new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        case STATUS_500 -> json(500, "{\"error\":\"server_error\"}");
        case STATUS_503 -> json(503, "{\"error\":\"temporarily_unavailable\"}");
        case RATE_LIMITED ->
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "1")
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":\"slow_down\"}")
                .build();
        case HTML_BODY ->
            new MockResponse.Builder()
                .setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>")
                .build();
        case INVALID_CLIENT ->
            json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}");
        case REDIRECT ->
            new MockResponse.Builder()
                .code(307)
                .setHeader("Location", server.url("/elsewhere/token"))
                .build();
      };
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private void serve() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            List<String> path = request.getUrl().pathSegments();
            if (path.get(0).equals("oauth")) {
              tokenRequests.incrementAndGet();
              TokenFault now = fault.get();
              return now != null
                  ? now.response(server)
                  : json(200, "{\"access_token\":\"tok-token-faults\",\"expires_in\":3600}");
            }
            apiRequests.incrementAndGet();
            return json(200, JsonTree.write(Operations.Vcc.entry(path.get(1), 0)));
          }
        });
  }

  private VonageClient client(Duration attemptTimeout) {
    return VonageClient.builder()
        .baseUrl(server.url("/"))
        .tokenUrl(server.url("/oauth/token").toString())
        .clientCredentials("client-token-faults", CLIENT_SECRET)
        .okHttpClient(http)
        .clock(time)
        .sleeper(time)
        .retryPolicy(FaultMatrixTest.POLICY)
        .attemptTimeout(attemptTimeout)
        .totalTimeout(FaultMatrixTest.TOTAL_TIMEOUT)
        .build();
  }

  @AfterEach
  void noConnectionLeftInUse() {
    ConnectionPool pool = http.connectionPool();
    assertThat(http.dispatcher().runningCallsCount()).as("calls still running").isZero();
    assertThat(pool.connectionCount() - pool.idleConnectionCount())
        .as("connections in use after the test")
        .isZero();
    pool.evictAll();
  }

  @ParameterizedTest
  @EnumSource(TokenFault.class)
  void aTokenEndpointFaultEndsTheCallInItsTypedException(TokenFault tokenFault) {
    fault.set(tokenFault);
    serve();

    Throwable thrown;
    String clientText;
    try (PresenceClient<?> client = client(FaultMatrixTest.ATTEMPT_TIMEOUT)) {
      clientText = client.toString();
      thrown = catchThrowable(() -> client.presence(USER));
    }

    assertThat(thrown).isInstanceOf(AuthenticationException.class);
    assertThat(thrown.getCause()).isInstanceOf(tokenFault.cause);
    assertThat(thrown.getMessage())
        .startsWith("vonage could not get an access token from " + server.url("/oauth/token"));
    if (thrown.getCause() instanceof RateLimitedException limited) {
      assertThat(limited.retryAfter()).contains(Duration.ofSeconds(1));
    }
    if (tokenFault == TokenFault.REDIRECT) {
      assertThat(thrown.getMessage()).contains("token endpoint redirected");
    }
    assertThat(tokenRequests).as("token requests").hasValue(tokenFault.attempts);
    assertThat(apiRequests).as("API requests without a token").hasValue(0);
    // A stalled token endpoint spends the whole budget in real stalls, so scheduling on a busy
    // machine adds to it; TokenProviderTest pins the budget itself on an injected clock.
    assertThat(time.elapsed())
        .as("time used on the client's clock, waits included")
        .isLessThanOrEqualTo(
            FaultMatrixTest.TOTAL_TIMEOUT.plus(FaultMatrixTest.GRACE.multipliedBy(2)));
    Secrets.assertNoSecret(thrown);
    Secrets.assertNoSecret("the client's toString()", clientText);
  }

  @Test
  @Timeout(120) // a hang guard only; the figures below are the test
  void sixtyFourFirstCallsAgainstAStalledTokenEndpointShareOneOutcome() throws Exception {
    fault.set(TokenFault.NO_RESPONSE);
    serve();
    int callers = 64;
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    // Attempts of 1 s keep the one fetch running for about 3 s, time enough for all 64 callers to
    // come to wait for it on a busy machine.
    try (PresenceClient<?> client = client(Duration.ofSeconds(1))) {
      CyclicBarrier start = new CyclicBarrier(callers);
      List<Future<Throwable>> outcomes = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        outcomes.add(
            threads.submit(
                () -> {
                  start.await();
                  return catchThrowable(() -> client.presence(USER));
                }));
      }
      List<Throwable> thrown = new ArrayList<>();
      for (Future<Throwable> outcome : outcomes) {
        thrown.add(outcome.get());
      }

      assertThat(thrown).as("outcomes of the 64 calls").hasSize(callers);
      assertThat(thrown)
          .allSatisfy(
              e -> {
                // The failure of the one fetch, or, for a caller whose budget ended first, the end
                // of its wait for it.
                if (e instanceof AuthenticationException failed) {
                  assertThat(failed.getCause()).isInstanceOf(PresenceIoException.class);
                  assertThat(failed.tokenEndpoint()).isPresent();
                } else {
                  assertThat(e)
                      .isInstanceOf(PresenceIoException.class)
                      .hasMessageContaining("waiting for an access token");
                }
                Secrets.assertNoSecret(e);
              });
      // One fetch for all of them, retried as the policy allows.
      assertThat(tokenRequests.get())
          .as("token requests of 64 concurrent first calls")
          .isBetween(1, FaultMatrixTest.MAX_ATTEMPTS);
      assertThat(apiRequests).as("API requests without a token").hasValue(0);
      assertThat(time.elapsed())
          .as("time used on the client's clock by all 64 calls")
          .isLessThanOrEqualTo(FaultMatrixTest.TOTAL_TIMEOUT.plus(FaultMatrixTest.GRACE));

      // The failure is not kept: once the endpoint answers, the next call fetches a token.
      fault.set(null);
      int before = tokenRequests.get();
      assertThat(client.presence(USER).userId()).isEqualTo(USER);
      assertThat(tokenRequests.get() - before).as("token requests after the failure").isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
