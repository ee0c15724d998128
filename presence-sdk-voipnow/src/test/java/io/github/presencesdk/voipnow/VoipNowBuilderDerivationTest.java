package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Clients derived from another with {@code toBuilder()}, and builders filled from the environment.
 */
final class VoipNowBuilderDerivationTest {
  private static final String TOKEN = "tok-voipnow-derived";
  private static final String CLIENT_SECRET = "vn-env-s3cr3t";

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void aDerivedClientKeepsTheVoipNowSettingsAndSharesTheOriginalsConnections() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    try (VoipNowClient original =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken(TOKEN)
            .user(VoipNowUser.id("17"))
            .queryDialect(QueryDialect.V3)
            .build()) {
      original.presence("0003*210");
      try (VoipNowClient derived =
          original.toBuilder().totalTimeout(Duration.ofSeconds(7)).build()) {
        assertThat(derived.presence("0003*210").userId()).isEqualTo("0003*210");
      }
    }

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    for (RecordedRequest request : new RecordedRequest[] {first, second}) {
      assertThat(request.getUrl().encodedPath()).isEqualTo("/uapi/extensions/17/@self/presence");
      assertThat(request.getUrl().queryParameter("filterOp")).isEqualTo("equals");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
  }

  @Test
  void fromEnvReadsTheVariablesOfTheCommandLineTool() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("VOIPNOW_BASE_URL", server.url("/").toString());
    env.put("VOIPNOW_CLIENT_ID", "vn-env-app");
    env.put("VOIPNOW_CLIENT_SECRET", CLIENT_SECRET);
    server.enqueue(Fixtures.json(200, "{\"access_token\":\"tok-vn-env\",\"expires_in\":3600}"));
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    try (VoipNowClient client = VoipNowClient.fromEnv(env).build()) {
      assertThat(client.presence("0003*210").userId()).isEqualTo("0003*210");
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token.php");
    assertThat(token.getBody().utf8()).contains("client_id=vn-env-app");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-vn-env");
  }

  @Test
  void fromEnvNamesWhatIsMissingOrRefused() {
    Map<String, String> env = new HashMap<>();
    env.put("VOIPNOW_ACCESS_TOKEN", TOKEN);
    assertThatThrownBy(() -> VoipNowClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VOIPNOW_BASE_URL is required")
        .hasMessageNotContaining(TOKEN);

    env.put("VOIPNOW_BASE_URL", "ftp://voipnow.example.com");
    assertThatThrownBy(() -> VoipNowClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("VOIPNOW_BASE_URL is not valid");

    env.put("VOIPNOW_BASE_URL", "https://voipnow.example.com");
    env.remove("VOIPNOW_ACCESS_TOKEN");
    env.put("VOIPNOW_CLIENT_SECRET", CLIENT_SECRET);
    assertThatThrownBy(() -> VoipNowClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VOIPNOW_CLIENT_ID is required together with VOIPNOW_CLIENT_SECRET")
        .hasMessageNotContaining(CLIENT_SECRET);
  }
}
