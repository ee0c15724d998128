package io.github.presencesdk.talkdesk;

import static io.github.presencesdk.talkdesk.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ClientAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TalkdeskAuthTest {
  private static final String CLIENT_ID = "presence-sync-app";
  private static final String CLIENT_SECRET = "s3cr3t-Value-42";

  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient.Builder clientCredentialsBuilder() {
    return TalkdeskClient.builder()
        .baseUrl(server.url("/"))
        .tokenUrl(server.url("/oauth/token").toString())
        .clientCredentials(CLIENT_ID, CLIENT_SECRET);
  }

  @Test
  void clientCredentialsAreSentAsBasicAuthAndTheTokenIsReused() throws Exception {
    server.enqueue(fixture(200, "token.json"));
    server.enqueue(fixture(200, "presence.json"));
    server.enqueue(fixture(200, "presence-available.json"));

    try (TalkdeskClient client = clientCredentialsBuilder().build()) {
      client.presence("61a4f2b9c3e8d5001a7b9c10");
      client.presence(Fixtures.AVAILABLE_USER_ID);
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
    String expectedBasic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(token.getHeaders().get("Authorization")).isEqualTo(expectedBasic);
    assertThat(token.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    String form = token.getBody().utf8();
    assertThat(form).isEqualTo("grant_type=client_credentials");
    assertThat(form).doesNotContain(CLIENT_SECRET);

    for (int i = 0; i < 2; i++) {
      RecordedRequest api = server.takeRequest();
      assertThat(api.getMethod()).isEqualTo("GET");
      assertThat(api.getHeaders().get("Authorization"))
          .isEqualTo("Bearer tok-eyJhbGciOiJSUzI1NiJ9.test-access");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void scopesAreRequestedWhenConfigured() throws Exception {
    server.enqueue(fixture(200, "token.json"));
    server.enqueue(fixture(200, "presence-available.json"));

    try (TalkdeskClient client =
        clientCredentialsBuilder()
            .scopes(
                TalkdeskClient.SCOPE_PRESENCE_USER_READ,
                TalkdeskClient.SCOPE_PRESENCE_STATUS_WRITE,
                TalkdeskClient.SCOPE_ACCOUNT_CUSTOM_STATUS_READ)
            .build()) {
      client.presence("u1");
    }

    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo(
            "grant_type=client_credentials&scope=presence-user%3Aread+presence-status%3Awrite"
                + "+account-custom-status%3Aread");
  }

  @Test
  void formClientAuthenticationCanBeChosen() throws Exception {
    server.enqueue(fixture(200, "token.json"));
    server.enqueue(fixture(200, "presence-available.json"));

    try (TalkdeskClient client =
        clientCredentialsBuilder().clientAuthentication(ClientAuthentication.FORM).build()) {
      client.presence("u1");
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getHeaders().get("Authorization")).isNull();
    assertThat(token.getBody().utf8())
        .isEqualTo(
            "grant_type=client_credentials&client_id=presence-sync-app"
                + "&client_secret=s3cr3t-Value-42");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401})
  void tokenEndpointErrorIsAnAuthenticationExceptionWithoutTheSecret(int status) {
    server.enqueue(fixture(status, "token-error.json"));

    try (TalkdeskClient client = clientCredentialsBuilder().build()) {
      assertThatThrownBy(() -> client.presence("u1"))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(status);
                assertThat(e.errorCode()).contains("invalid_client");
                assertThat(e.vendorMessage()).contains("Client authentication failed");
                assertThat(e.toString()).doesNotContain(CLIENT_SECRET);
                assertThat(e.headers().toString()).doesNotContain(CLIENT_SECRET);
              })
          .hasMessageContaining("invalid_client")
          .hasMessageContaining("Client authentication failed")
          .message()
          .doesNotContain(CLIENT_SECRET)
          .doesNotContain(
              Base64.getEncoder().encodeToString(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
    }
    // The presence request never left: the token could not be had.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "US, https://acme.talkdeskid.com/oauth/token, https://api.talkdeskapp.com/users/u1/presence",
    "EU, https://acme.talkdeskid.eu/oauth/token, https://api.talkdeskapp.eu/users/u1/presence",
    "CA, https://acme.talkdeskidca.com/oauth/token, https://api.talkdeskappca.com/users/u1/presence",
  })
  void regionGivesTheApiAndTokenUrls(TalkdeskClient.Region region, String tokenUrl, String apiUrl) {
    List<Request> sent = new CopyOnWriteArrayList<>();
    // Answers in place of the network, so that the real preset hosts are never contacted.
    OkHttpClient offline =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Request request = chain.request();
                  sent.add(request);
                  String body =
                      request.url().encodedPath().equals("/oauth/token")
                          ? Fixtures.load("token.json")
                          : Fixtures.availablePresenceOf("u1");
                  return new Response.Builder()
                      .request(request)
                      .protocol(Protocol.HTTP_1_1)
                      .code(200)
                      .message("OK")
                      .body(ResponseBody.create(body, MediaType.get("application/json")))
                      .build();
                })
            .build();

    try (TalkdeskClient client =
        TalkdeskClient.builder()
            .region(region)
            .account("acme")
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .okHttpClient(offline)
            .build()) {
      client.presence("u1");
    }

    assertThat(sent).extracting(r -> r.url().toString()).containsExactly(tokenUrl, apiUrl);
    assertThat(region.apiBaseUrl().toString()).isEqualTo(apiUrl.replace("users/u1/presence", ""));
    assertThat(region.tokenUrl("acme").toString()).isEqualTo(tokenUrl);
  }

  @Test
  void tokenUrlOverridesTheAccountPreset() throws Exception {
    server.enqueue(fixture(200, "token.json"));
    server.enqueue(fixture(200, "presence-available.json"));

    try (TalkdeskClient client =
        clientCredentialsBuilder().region(TalkdeskClient.Region.EU).account("acme").build()) {
      client.presence("u1");
    }

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/users/u1/presence");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-acme", "acme-", "acme.evil.com", "ac me", "acme/x", "ácme"})
  void accountMustBeADnsLabel(String account) {
    assertThatThrownBy(() -> TalkdeskClient.builder().account(account))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account must be the Talkdesk account name, a DNS label");
    assertThatThrownBy(() -> TalkdeskClient.Region.US.tokenUrl(account))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account");
  }

  @Test
  void accountAcceptsLabelsUpToSixtyThreeCharacters() {
    String longest = "a" + "-".repeat(61) + "z";

    assertThat(TalkdeskClient.Region.US.tokenUrl(longest).host())
        .isEqualTo(longest + ".talkdeskid.com");
    assertThat(TalkdeskClient.Region.EU.tokenUrl("Acme-2").host())
        .isEqualTo("acme-2.talkdeskid.eu");
    assertThatThrownBy(() -> TalkdeskClient.builder().account(longest + "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TalkdeskClient.builder().account(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account must not be null");
  }

  @Test
  void clientCredentialsNeedAnAccountOrATokenUrl() {
    assertThatThrownBy(
            () -> TalkdeskClient.builder().clientCredentials(CLIENT_ID, CLIENT_SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("account(...) is required with client credentials")
        .hasMessageContaining("https://<account>.talkdeskid.com/oauth/token")
        .message()
        .doesNotContain(CLIENT_SECRET);
  }

  @Test
  void staticTokenNeedsNoAccount() {
    try (TalkdeskClient client = TalkdeskClient.builder().accessToken("tok-1").build()) {
      assertThat(client.vendor()).isEqualTo("talkdesk");
    }
  }

  @Test
  void credentialsAreRequired() {
    assertThatThrownBy(() -> TalkdeskClient.builder().account("acme").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials are required");
  }

  @Test
  void builderRejectsBadSettingsAtTheSetter() {
    assertThatThrownBy(() -> TalkdeskClient.builder().region(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("region must not be null");
    assertThatThrownBy(() -> TalkdeskClient.builder().maxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> TalkdeskClient.builder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void plainHttpToARemoteHostIsRefused() {
    assertThatThrownBy(
            () ->
                TalkdeskClient.builder()
                    .baseUrl("http://api.example.com/")
                    .accessToken("tok-1")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain http");
  }

  @Test
  void toStringNeverShowsCredentials() {
    TalkdeskClient.Builder builder =
        TalkdeskClient.builder().account("acme").clientCredentials(CLIENT_ID, CLIENT_SECRET);
    assertThat(builder.toString()).doesNotContain(CLIENT_SECRET).contains("acme");

    try (TalkdeskClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain(CLIENT_SECRET).contains("api.talkdeskapp.com");
    }
    try (TalkdeskClient client =
        TalkdeskClient.builder().accessToken("static-token-s3cr3t").build()) {
      assertThat(client.toString()).doesNotContain("static-token-s3cr3t");
    }
  }
}
