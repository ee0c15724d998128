package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.UnexpectedStatusException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VonageErrorsTest {
  /** A presence id in the right shape that the account does not have. */
  private static final String UNKNOWN_PRESENCE = "11111111-2222-4333-8444-555555555555";

  @StartStop final MockWebServer server = new MockWebServer();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
  private VonageClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.clientFor(server, sleeper).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private PresenceServiceException failureOf(Executable call) {
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, call);
    assertThat(thrown).isInstanceOf(PresenceServiceException.class);
    PresenceServiceException e = (PresenceServiceException) thrown;
    assertThat(e.vendor()).isEqualTo("vonage");
    assertThat(e.getMessage()).doesNotContain(Fixtures.TOKEN);
    return e;
  }

  @Test
  void aVendorMessageEndingInAPeriodIsFollowedByTheHintWithoutASecondOne() throws Exception {
    server.enqueue(Fixtures.json(404, "{\"message\":\"The user was not found.\"}"));

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage())
        .contains("The user was not found. GET /agents/{userId}/presence: VCC knows no user")
        .doesNotContain("..");
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/agents/" + USER_A + "/presence");
  }

  @Test
  void missingApiVersionKeepsCodeAndMessage() {
    server.enqueue(Fixtures.fixture(400, "error-api-version-unspecified.json"));

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).contains("ApiVersionUnspecified");
    assertThat(e.vendorMessage()).contains("An API version is required, but was not specified.");
    assertThat(e.error().hint().orElseThrow()).contains("application/vnd.newvoicemedia.v1+json");
    assertThat(e.body()).isEqualTo(Fixtures.read("error-api-version-unspecified.json"));
    assertThat(e.getMessage())
        .contains("vonage answered HTTP 400 [ApiVersionUnspecified]", "proxy");
  }

  @Test
  void unsupportedApiVersionKeepsCodeAndMessage() {
    server.enqueue(Fixtures.fixture(400, "error-unsupported-api-version.json"));

    PresenceServiceException e = failureOf(() -> client.presenceDefinitions());

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorCode()).contains("UnsupportedApiVersion");
    assertThat(e.vendorMessage()).contains("The requested API version is not supported.");
    assertThat(e.error().hint()).isPresent();
  }

  @Test
  void invalidGuidKeepsTheMessageAndExplainsIt() {
    server.enqueue(Fixtures.fixture(400, "error-invalid-guid.json"));

    PresenceServiceException e =
        failureOf(() -> client.presence("00000000-0000-0000-0000-000000000000"));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.vendorMessage()).contains("The request is invalid.");
    assertThat(e.error().hint().orElseThrow()).contains("GUID");
    assertThat(e.getMessage()).contains("The request is invalid.", "GUID");
  }

  @Test
  void validationErrorsKeepTitleAndEveryDetail() {
    server.enqueue(Fixtures.fixture(400, "error-validation.json"));

    PresenceServiceException e = failureOf(() -> client.setPresence(USER_A, UNKNOWN_PRESENCE));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.error().title()).contains("One or more validation errors occurred.");
    assertThat(e.details())
        .containsExactly(ErrorDetail.of("presenceId", "The PresenceId field is required."));
    assertThat(e.getMessage())
        .contains(
            "One or more validation errors occurred.",
            "presenceId: The PresenceId field is required.");
  }

  @Test
  void validationErrorsKeyedByFieldAreReadToo() {
    server.enqueue(
        Fixtures.json(
            400,
            "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\","
                + "\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                + "\"traceId\":\"00-abc-def-00\","
                + "\"errors\":{\"PresenceId\":[\"The PresenceId field is required.\"]}}"));

    PresenceServiceException e = failureOf(() -> client.setPresence(USER_A, UNKNOWN_PRESENCE));

    assertThat(e.details())
        .containsExactly(ErrorDetail.of("PresenceId", "The PresenceId field is required."));
    assertThat(e.requestId()).contains("00-abc-def-00");
  }

  @Test
  void queryLimitKeepsTitleAndDetail() {
    server.enqueue(Fixtures.fixture(400, "error-query-limit.json"));

    PresenceServiceException e = failureOf(() -> client.presences(List.of(USER_A)));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.error().title()).contains("Query limit");
    assertThat(e.vendorMessage())
        .contains("Request exceeded maximum number for users of 50 in one query.");
    assertThat(e.error().hint().orElseThrow()).contains("at most 50 user ids");
  }

  @Test
  void unauthorizedIsAnAuthenticationException() {
    server.enqueue(Fixtures.fixture(401, "error-unauthorized.json"));

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.vendorMessage()).contains("Authorization has been denied for this request.");
    assertThat(e.error().hint().orElseThrow()).contains("region");
    // A static token cannot be refreshed, so the 401 is final.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void forbiddenNamesTheScopesOfTheOperation() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(403).build());
    }

    assertThat(failureOf(() -> client.presences(List.of(USER_A))).getMessage())
        .contains("GET /agents/presences/users", "users:read or users:write");
    assertThat(failureOf(() -> client.presence(USER_A)).getMessage()).contains("self:read");
    assertThat(failureOf(() -> client.setPresence(USER_A, UNKNOWN_PRESENCE)).getMessage())
        .contains("PATCH /agents/{userId}/presence", "users:write");
    assertThat(failureOf(() -> client.presenceDefinitions()).getMessage()).contains("admin:read");
    PresenceServiceException e =
        failureOf(() -> client.availabilitySummary(AvailabilitySummaryRequest.builder().build()));
    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.getMessage()).contains("agents-availability:read");
  }

  @Test
  void notFoundOnADefinitionsPathPointsAtTheBaseUrl() {
    server.enqueue(new MockResponse.Builder().code(404).body("").build());

    PresenceServiceException e = failureOf(() -> client.presenceDefinitions());

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage()).contains("baseUrl");
  }

  @Test
  void tooManyRequestsIsRetriedThenARateLimitException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .setHeader("Retry-After", "4")
              .setHeader("X-Request-Id", "req-" + i)
              .body("")
              .build());
    }

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(4));
    assertThat(e.requestId()).contains("req-2");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void tooManyRequestsWithoutRetryAfterBacksOff() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(Fixtures.fixture(200, "presence-definitions.json"));

    assertThat(client.presenceDefinitions()).hasSize(4);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAreServerExceptions(int status) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Fixtures.json(status, "{\"message\":\"An error has occurred.\"}"));
    }

    PresenceServiceException e = failureOf(() -> client.presenceDefinitions());

    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.vendorMessage()).contains("An error has occurred.");
  }

  @Test
  void anHtmlPageFromAProxyStillGivesAClearException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(502)
              .setHeader("Content-Type", "text/html")
              .body(Fixtures.read("error-proxy.html"))
              .build());
    }

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.vendorMessage()).isEmpty();
    assertThat(e.body()).contains("502 Bad Gateway");
    assertThat(e.getMessage())
        .contains("vonage answered HTTP 502", "non-JSON body", "proxy")
        .doesNotContain("<html>");
  }

  @Test
  void anHtmlPageWithA403IsNotBlamedOnScopes() {
    server.enqueue(
        new MockResponse.Builder().code(403).body("<html><body>Forbidden</body></html>").build());

    PresenceServiceException e = failureOf(() -> client.presence(USER_A));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.getMessage()).contains("proxy").doesNotContain("scopes");
  }

  @Test
  void otherStatusesAreUnexpectedStatusExceptions() {
    server.enqueue(Fixtures.json(409, "{\"message\":\"Conflict\"}"));

    PresenceServiceException e = failureOf(() -> client.setPresence(USER_A, UNKNOWN_PRESENCE));

    assertThat(e).isInstanceOf(UnexpectedStatusException.class);
    assertThat(e.vendorMessage()).contains("Conflict");
  }

  @Test
  void aSuccessWithABodyThatIsNotJsonIsUndecodable() {
    server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

    assertThatThrownBy(() -> client.presence(USER_A))
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.vendor()).isEqualTo("vonage");
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.bodyExcerpt()).contains("maintenance");
            });
  }

  @Test
  void decoderNeverFailsOnOddBodies() {
    for (String body :
        List.of("", "null", "[]", "[1,2]", "{\"error\":\"x\"}", "{\"errors\":7}", "{bad json")) {
      server.enqueue(Fixtures.json(400, body));

      PresenceServiceException e = failureOf(() -> client.presenceDefinitions());

      assertThat(e).isInstanceOf(BadRequestException.class);
      assertThat(e.body()).isEqualTo(body);
    }
  }
}
