package io.github.presencesdk.talkdesk;

import static io.github.presencesdk.talkdesk.Fixtures.fixture;
import static io.github.presencesdk.talkdesk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.NotAcceptableException;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.UnexpectedStatusException;
import io.github.presencesdk.VendorError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TalkdeskErrorsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient client;

  @BeforeEach
  void setUp() {
    client =
        TalkdeskClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("static-token-s3cr3t")
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void forbiddenKeepsTheVendorErrorAndNamesTheMissingScope() {
    server.enqueue(
        fixture(403, "error-403.json").newBuilder().setHeader("X-Request-Id", "req-42").build());

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.vendor()).isEqualTo("talkdesk");
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorCode()).contains("3900403");
              assertThat(e.error().title()).contains("Forbidden access");
              assertThat(e.vendorMessage())
                  .contains("The access token is missing the scope presence-user:read");
              assertThat(e.details()).isEmpty();
              assertThat(e.error().hint())
                  .contains(
                      "This call needs the OAuth scope presence-user:read; grant it to the API"
                          + " client and request it with scopes(...)");
              assertThat(e.requestId()).contains("req-42");
              assertThat(e.body()).isEqualTo(Fixtures.load("error-403.json"));
            })
        .hasMessage(
            "talkdesk answered HTTP 403 [3900403]: Forbidden access - The access token is missing"
                + " the scope presence-user:read. This call needs the OAuth scope"
                + " presence-user:read; grant it to the API client and request it with"
                + " scopes(...) (request id req-42)");
  }

  @Test
  void forbiddenWithoutScopeInTheBodyStillNamesTheScopeTheCallNeeds() {
    server.enqueue(json(403, "{\"code\":\"3900403\",\"message\":\"Forbidden access\"}"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("[3900403]: Forbidden access.")
        .hasMessageContaining("This call needs the OAuth scope presence-user:read");
  }

  @Test
  void forbiddenNamingAnotherScopeReportsBoth() {
    server.enqueue(
        json(
            403,
            """
            {"code": "3900403", "message": "Forbidden access", "fields": [
              {"name": "scope", "description": "requires users:read"}]}
            """));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e ->
                assertThat(e.details())
                    .containsExactly(ErrorDetail.of("scope", "requires users:read")))
        .hasMessageContaining(
            "needs the OAuth scope presence-user:read (Talkdesk named users:read)");
  }

  @Test
  void notFoundSaysWhichUserIsUnknown() {
    server.enqueue(fixture(404, "error-404.json"));

    assertThatThrownBy(() -> client.presence("ghost-7"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.errorCode()).contains("3900404");
              assertThat(e.vendorMessage()).contains("User not found");
              assertThat(e.error().title()).isEmpty();
            })
        .hasMessage(
            "talkdesk answered HTTP 404 [3900404]: User not found. Talkdesk has no user with id"
                + " \"ghost-7\" in this account");
  }

  @Test
  void notAcceptableSaysTheAcceptHeaderWasRefused() throws Exception {
    server.enqueue(fixture(406, "error-406.json"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            NotAcceptableException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(406);
              assertThat(e.errorCode()).contains("3900406");
              assertThat(e.vendorMessage()).contains("Not acceptable");
            })
        .hasMessageContaining(
            "Talkdesk refused the Accept header of the request (application/json)");
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void badRequestKeepsCodeMessageDescriptionAndFields() {
    server.enqueue(fixture(400, "error-400.json"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.errorCode()).contains("3900400");
              assertThat(e.error().title()).contains("Bad request");
              assertThat(e.vendorMessage()).contains("The request body is invalid");
              assertThat(e.details())
                  .containsExactly(
                      ErrorDetail.of("status", "must be one of available, away, offline, hidden"));
            });
  }

  @Test
  void unsupportedMediaTypeIsAnUnexpectedStatusWithAHint() {
    server.enqueue(fixture(415, "error-415.json"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class, e -> assertThat(e.statusCode()).isEqualTo(415))
        .hasMessageContaining("[3900415]: Unsupported media type")
        .hasMessageContaining("refused the Content-Type");
  }

  @Test
  void tooManyRequestsKeepsRetryAfter() {
    server.enqueue(
        fixture(429, "error-429.json").newBuilder().setHeader("Retry-After", "30").build());

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
              assertThat(e.errorCode()).contains("3900429");
              assertThat(e.vendorMessage()).contains("Too many requests");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsAreServerExceptions(int status) {
    server.enqueue(fixture(status, "error-500.json"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.errorCode()).contains("3900500");
              assertThat(e.vendorMessage()).contains("Internal server error");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "502 | <html><body>Bad Gateway</body></html> | with a non-JSON body",
        "500 | upstream connect error | : upstream connect error",
        "403 | Forbidden | : Forbidden. This call needs the OAuth scope presence-user:read",
        "404 | '' | HTTP 404. This 404 does not carry Talkdesk's error body",
      })
  void bodyThatIsNotJsonStillGivesAClearException(int status, String body, String expected) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOfSatisfying(
            PresenceServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.errorCode()).isEmpty();
              assertThat(e.body()).isEqualTo(body);
            })
        .hasMessageStartingWith("talkdesk answered HTTP " + status)
        .hasMessageContaining(expected);
  }

  @Test
  void unauthorizedWithStaticTokenIsAuthenticationExceptionWithoutTheToken() {
    server.enqueue(json(401, "{\"code\":\"401\",\"message\":\"Unauthorized\"}"));

    assertThatThrownBy(() -> client.presence("user-1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Unauthorized")
        .message()
        .doesNotContain("static-token-s3cr3t");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void decoderNeverThrowsOnOddBodies() {
    // Numbers are read as codes; a fields value that is not a list is ignored.
    for (String body :
        new String[] {"", "null", "[]", "{\"code\": 12, \"fields\": \"x\"}", "{\"fields\":[1]}"}) {
      VendorError base =
          new VendorError(
              "talkdesk",
              400,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              List.of(),
              Optional.empty(),
              Optional.empty(),
              body);
      VendorError decoded = TalkdeskErrors.decode(base, body);
      assertThat(decoded.statusCode()).isEqualTo(400);
      assertThat(decoded.body()).isEqualTo(body);
    }
  }
}
