package io.github.presencesdk.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RetryPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Clients derived from another with {@code toBuilder()}, and builders filled from the environment.
 */
final class TalkdeskBuilderDerivationTest {
  private static final String TOKEN = "tok-talkdesk-derived";
  private static final String CLIENT_SECRET = "td-env-s3cr3t";
  private static final String USER = "61a4f2b9c3e8d5001a7b9c31";

  @StartStop final MockWebServer server = new MockWebServer();

  private static MockResponse presence() {
    return Fixtures.json(200, Fixtures.availablePresenceOf(USER));
  }

  @Test
  void aDerivedClientHasItsOwnTimeoutsAndSharesTheOriginalsConnections() throws Exception {
    server.enqueue(presence());
    server.enqueue(presence().newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build());
    server.enqueue(presence());

    try (TalkdeskClient original =
        TalkdeskClient.builder().baseUrl(server.url("/")).accessToken(TOKEN).build()) {
      original.presence(USER);
      try (TalkdeskClient impatient =
          original.toBuilder()
              .attemptTimeout(Duration.ofMillis(100))
              .retryPolicy(RetryPolicy.none())
              .build()) {
        assertThatThrownBy(() -> impatient.presence(USER))
            .isInstanceOf(PresenceIoException.class)
            .hasMessageContaining("timed out");
        try (TalkdeskClient patient = original.toBuilder().build()) {
          assertThat(patient.presence(USER).userId()).isEqualTo(USER);
        }
      }
    }

    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/users/" + USER + "/presence");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    RecordedRequest second = server.takeRequest();
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
  }

  @Test
  void fromEnvReadsTheVariablesOfTheCommandLineTool() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TALKDESK_BASE_URL", server.url("/").toString());
    env.put("TALKDESK_TOKEN_URL", server.url("/oauth/token").toString());
    env.put("TALKDESK_CLIENT_ID", "td-env-app");
    env.put("TALKDESK_CLIENT_SECRET", CLIENT_SECRET);
    server.enqueue(Fixtures.json(200, "{\"access_token\":\"tok-td-env\",\"expires_in\":3600}"));
    server.enqueue(presence());

    try (TalkdeskClient client = TalkdeskClient.fromEnv(env).build()) {
      assertThat(client.presence(USER).userId()).isEqualTo(USER);
      assertThat(client.toString()).doesNotContain(CLIENT_SECRET);
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(token.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-td-env");
  }

  @Test
  void fromEnvTakesTheRegionAndTheAccountForTheTokenEndpoint() {
    Map<String, String> env = new HashMap<>();
    env.put("TALKDESK_REGION", "EU");
    env.put("TALKDESK_ACCOUNT", "acme");
    env.put("TALKDESK_CLIENT_ID", "td-env-app");
    env.put("TALKDESK_CLIENT_SECRET", CLIENT_SECRET);

    try (TalkdeskClient client = TalkdeskClient.fromEnv(env).build()) {
      assertThat(client.toString()).contains("https://api.talkdeskapp.eu/");
    }
  }

  @Test
  void fromEnvNamesWhatIsMissingOrRefused() {
    Map<String, String> env = new HashMap<>();
    assertThatThrownBy(() -> TalkdeskClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "TALKDESK_ACCESS_TOKEN, or TALKDESK_CLIENT_ID and TALKDESK_CLIENT_SECRET");

    env.put("TALKDESK_CLIENT_ID", "td-env-app");
    env.put("TALKDESK_CLIENT_SECRET", CLIENT_SECRET);
    assertThatThrownBy(() -> TalkdeskClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TALKDESK_ACCOUNT or TALKDESK_TOKEN_URL is required")
        .hasMessageNotContaining(CLIENT_SECRET);

    env.put("TALKDESK_ACCOUNT", "not an account!");
    assertThatThrownBy(() -> TalkdeskClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("TALKDESK_ACCOUNT is not valid");

    env.put("TALKDESK_ACCOUNT", "acme");
    env.put("TALKDESK_REGION", "mars");
    assertThatThrownBy(() -> TalkdeskClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("TALKDESK_REGION is not valid: region must be one of us, eu, ca");
  }
}
