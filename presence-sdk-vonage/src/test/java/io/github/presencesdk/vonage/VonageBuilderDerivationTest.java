package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
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
final class VonageBuilderDerivationTest {
  private static final String CLIENT_SECRET = "vcc-env-s3cr3t";

  @StartStop final MockWebServer server = new MockWebServer();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  private static MockResponse presence() {
    return Fixtures.fixture(200, "presence-user.json");
  }

  @Test
  void aDerivedClientSendsTheSameRequestsOverTheOriginalsConnections() throws Exception {
    server.enqueue(presence());
    server.enqueue(presence());

    try (VonageClient original = Fixtures.clientFor(server, sleeper).build()) {
      original.presence(USER_A);
      try (VonageClient derived = original.toBuilder().readTimeout(Duration.ofSeconds(5)).build()) {
        assertThat(derived.presence(USER_A).userId()).isEqualTo(USER_A);
        assertThat(derived.baseUrl()).isEqualTo(original.baseUrl());
      }
    }

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    for (RecordedRequest request : new RecordedRequest[] {first, second}) {
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/agents/" + USER_A + "/presence");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
      assertThat(request.getHeaders().get("Accept")).isEqualTo(VonageClient.ACCEPT);
    }
    // The shared pool: the derived client's request went over the original's connection.
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(1);
  }

  @Test
  void aDerivedClientHasTheTimeoutsItWasGivenAndTheOriginalKeepsItsOwn() {
    MockResponse slow = presence().newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build();
    server.enqueue(slow);
    server.enqueue(slow);

    try (VonageClient original = Fixtures.clientFor(server, sleeper).build();
        VonageClient impatient =
            original.toBuilder()
                .attemptTimeout(Duration.ofMillis(100))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      assertThatThrownBy(() -> impatient.presence(USER_A))
          .isInstanceOf(PresenceIoException.class)
          .hasMessageContaining("timed out");
      assertThat(original.presence(USER_A).userId()).isEqualTo(USER_A);
    }
  }

  @Test
  void closingTheOriginalLeavesTheDerivedClientWorking() throws Exception {
    server.enqueue(presence());
    VonageClient original = Fixtures.clientFor(server, sleeper).build();
    try (VonageClient derived = original.toBuilder().build()) {
      original.close();

      assertThat(derived.presence(USER_A).userId()).isEqualTo(USER_A);
      assertThatThrownBy(() -> original.presence(USER_A)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void theReturnedBuilderIsACopyThatKeepsTheVendorSettings() {
    try (VonageClient original =
        VonageClient.builder()
            .region(VonageClient.Region.NAM)
            .hosts(VonageClient.Hosts.VONAGE)
            .accessToken(Fixtures.TOKEN)
            .build()) {
      VonageClient.Builder builder = original.toBuilder();
      builder.region(VonageClient.Region.APAC);

      try (VonageClient again = original.toBuilder().build();
          VonageClient moved = builder.build()) {
        assertThat(again.baseUrl().toString()).isEqualTo("https://nam.api.cc.vonage.com/");
        assertThat(moved.baseUrl().toString()).isEqualTo("https://apac.api.cc.vonage.com/");
      }
      assertThat(original.baseUrl().toString()).isEqualTo("https://nam.api.cc.vonage.com/");
      assertThat(builder.toString()).doesNotContain(Fixtures.TOKEN);
    }
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("VONAGE_BASE_URL", server.url("/").toString());
    env.put("VONAGE_TOKEN_URL", server.url("/oauth/token").toString());
    env.put("VONAGE_CLIENT_ID", "vcc-env-app");
    env.put("VONAGE_CLIENT_SECRET", CLIENT_SECRET);
    env.put("PATH", "/usr/bin");
    return env;
  }

  @Test
  void fromEnvReadsTheVariablesOfTheCommandLineTool() throws Exception {
    server.enqueue(Fixtures.json(200, "{\"access_token\":\"tok-from-env\",\"expires_in\":3600}"));
    server.enqueue(presence());

    VonageClient.Builder builder = VonageClient.fromEnv(environment()).scopes("users:read");
    assertThat(builder.toString()).doesNotContain(CLIENT_SECRET);
    try (VonageClient client = builder.sleeper(sleeper).build()) {
      assertThat(client.presence(USER_A).userId()).isEqualTo(USER_A);
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(token.getBody().utf8())
        .isEqualTo(
            "grant_type=client_credentials&scope=users%3Aread&client_id=vcc-env-app"
                + "&client_secret="
                + CLIENT_SECRET);
    RecordedRequest api = server.takeRequest();
    assertThat(api.getUrl().encodedPath()).isEqualTo("/agents/" + USER_A + "/presence");
    assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer tok-from-env");
  }

  @Test
  void fromEnvPrefersAnAccessTokenAndTakesTheRegionsHosts() {
    Map<String, String> env = new HashMap<>();
    env.put("VONAGE_REGION", " apac ");
    env.put("VONAGE_BASE_URL", "   ");
    env.put("VONAGE_ACCESS_TOKEN", "tok-env-static");
    env.put("VONAGE_CLIENT_ID", "ignored-app");

    try (VonageClient client = VonageClient.fromEnv(env).build()) {
      assertThat(client.baseUrl().toString()).isEqualTo("https://apac.api.newvoicemedia.com/");
      assertThat(client.toString()).doesNotContain("tok-env-static");
    }
  }

  @Test
  void fromEnvNamesTheMissingVariables() {
    Map<String, String> env = environment();
    env.remove("VONAGE_BASE_URL");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VONAGE_REGION or VONAGE_BASE_URL is required");

    env.put("VONAGE_REGION", "emea");
    env.remove("VONAGE_CLIENT_ID");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VONAGE_CLIENT_ID is required together with VONAGE_CLIENT_SECRET")
        .hasMessageNotContaining(CLIENT_SECRET);

    env.remove("VONAGE_CLIENT_SECRET");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "set VONAGE_ACCESS_TOKEN, or VONAGE_CLIENT_ID and VONAGE_CLIENT_SECRET");
  }

  @Test
  void fromEnvNamesTheVariableWhoseValueIsRefusedWithoutRepeatingASecret() {
    Map<String, String> env = environment();
    env.put("VONAGE_REGION", "mars");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("VONAGE_REGION is not valid: region must be one of");

    env.remove("VONAGE_REGION");
    env.put("VONAGE_TOKEN_URL", "not a url");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("VONAGE_TOKEN_URL is not valid: tokenUrl must be");

    env.remove("VONAGE_TOKEN_URL");
    env.put("VONAGE_ACCESS_TOKEN", "tok-with\u00e9-accent");
    assertThatThrownBy(() -> VonageClient.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("VONAGE_ACCESS_TOKEN is not valid")
        .hasMessageNotContaining("tok-with");
  }
}
