package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Failures of VCC's token endpoint say that they came from it, and from which URL. */
final class VonageTokenEndpointTest {
  private static final String CLIENT_SECRET = "vcc-app-s3cr3t";

  @StartStop final MockWebServer server = new MockWebServer();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  private VonageClient client(String tokenUrl) {
    return VonageClient.builder()
        .baseUrl(server.url("/"))
        .tokenUrl(tokenUrl)
        .clientCredentials("vcc-app", CLIENT_SECRET)
        .scopes("users:read")
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build())
        .sleeper(sleeper)
        .build();
  }

  @Test
  void a404FromAWrongTokenUrlIsAnAuthenticationFailureNamingThatUrl() throws Exception {
    String tokenUrl = server.url("/wrong/token").toString();
    server.enqueue(Fixtures.json(404, "{\"message\":\"Resource not found.\"}"));

    try (VonageClient client = client(tokenUrl)) {
      assertThatThrownBy(() -> client.presence(USER_A))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith(
                        "vonage could not get an access token from "
                            + tokenUrl
                            + ": vonage answered HTTP 404: Resource not found. This address does"
                            + " not serve OAuth2 token requests; check tokenUrl")
                    .doesNotContain(CLIENT_SECRET);
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.vendorMessage()).contains("Resource not found.");
                assertThat(e.tokenEndpoint()).contains(tokenUrl);
                assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
              });
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/wrong/token");
    assertThat(request.getBody().utf8()).contains("grant_type=client_credentials");
    assertThat(server.getRequestCount()).as("no API request without a token").isEqualTo(1);
  }

  @Test
  void a503OfTheTokenEndpointIsRetriedAndThenAnAuthenticationFailure() throws Exception {
    String tokenUrl = server.url("/Auth/connect/token").toString();
    for (int i = 0; i < 3; i++) {
      server.enqueue(Fixtures.json(503, "{\"error\":\"temporarily_unavailable\"}"));
    }

    try (VonageClient client = client(tokenUrl)) {
      assertThatThrownBy(() -> client.presence(USER_A))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith("vonage could not get an access token from " + tokenUrl)
                    .contains("answered HTTP 503 [temporarily_unavailable]");
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.errorCode()).contains("temporarily_unavailable");
                assertThat(e.getCause()).isInstanceOf(ServerException.class);
              });
    }

    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/Auth/connect/token");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
