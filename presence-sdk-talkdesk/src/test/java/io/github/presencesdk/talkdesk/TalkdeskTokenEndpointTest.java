package io.github.presencesdk.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Failures of the Talkdesk token endpoint say that they came from it, and from which URL. */
final class TalkdeskTokenEndpointTest {
  private static final String CLIENT_SECRET = "td-app-s3cr3t";

  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient client(String tokenUrl) {
    return TalkdeskClient.builder()
        .baseUrl(server.url("/"))
        .tokenUrl(tokenUrl)
        .clientCredentials("td-app", CLIENT_SECRET)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void a500FromTheTokenEndpointIsAnAuthenticationFailureNamingIt() throws Exception {
    String tokenUrl = server.url("/oauth/token").toString();
    server.enqueue(
        new MockResponse.Builder()
            .code(500)
            .setHeader("Content-Type", "application/json")
            .body("{\"code\":\"0000001\",\"message\":\"Internal error.\"}")
            .build());

    try (TalkdeskClient client = client(tokenUrl)) {
      assertThatThrownBy(() -> client.presence("61a4f2b9c3e8d5001a7b9c10"))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith(
                        "talkdesk could not get an access token from "
                            + tokenUrl
                            + ": talkdesk answered HTTP 500: Internal error. The token endpoint"
                            + " failed to issue a token")
                    .doesNotContain(CLIENT_SECRET);
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.getCause()).isInstanceOf(ServerException.class);
              });
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(server.getRequestCount()).as("no API request without a token").isEqualTo(1);
  }

  @Test
  void anUnreachableTokenEndpointIsAnAuthenticationFailureNamingIt() {
    HttpUrl unreachable = server.url("/oauth/token");
    server.close();

    try (TalkdeskClient client = client(unreachable.toString())) {
      assertThatThrownBy(() -> client.presence("61a4f2b9c3e8d5001a7b9c10"))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .startsWith("talkdesk could not get an access token from " + unreachable)
                    .contains("check tokenUrl and that its host is reachable")
                    .doesNotContain(CLIENT_SECRET);
                assertThat(e.statusCode()).isZero();
                assertThat(e.getCause()).isInstanceOf(PresenceIoException.class);
              });
    }
  }
}
