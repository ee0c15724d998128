package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Failures of VoipNow's token endpoint say that they came from it, and from which URL. */
final class VoipNowTokenEndpointTest {
  private static final String CLIENT_SECRET = "vn-app-s3cr3t";

  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client() {
    // No tokenUrl: the default, /oauth/token.php on the host.
    return VoipNowClient.builder()
        .baseUrl(server.url("/"))
        .clientCredentials("vn-app", CLIENT_SECRET)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void a404FromTheDefaultTokenUrlIsAnAuthenticationFailureNamingIt() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "application/json")
            .body("{\"error\":{\"code\":\"not_found\",\"message\":\"No such page.\"}}")
            .build());
    String tokenUrl = server.url("/oauth/token.php").toString();

    try (VoipNowClient client = client()) {
      assertThatThrownBy(() -> client.presence("0003*210"))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith("voipnow could not get an access token from " + tokenUrl + ": ")
                    .contains("answered HTTP 404", "check tokenUrl")
                    .doesNotContain(CLIENT_SECRET)
                    .doesNotContain("..");
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.tokenEndpoint()).contains(tokenUrl);
                assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
              });
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token.php");
    assertThat(request.getBody().utf8()).contains("client_id=vn-app");
    assertThat(server.getRequestCount()).as("no API request without a token").isEqualTo(1);
  }

  @Test
  void aWebPageFromTheTokenUrlIsAnAuthenticationFailureNamingIt() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Welcome to VoipNow</body></html>")
            .build());

    try (VoipNowClient client = client()) {
      assertThatThrownBy(() -> client.presence("0003*210"))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith(
                        "voipnow could not get an access token from "
                            + server.url("/oauth/token.php"))
                    .contains("no usable access token");
                assertThat(e.statusCode()).isEqualTo(200);
                assertThat(e.getCause()).isInstanceOf(UndecodableResponseException.class);
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
