package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.vonage.VonageClient.Hosts;
import io.github.presencesdk.vonage.VonageClient.Region;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class VonageClientBuilderTest {
  private static final String CLIENT_ID = "client-id-1";
  private static final String CLIENT_SECRET = "client-s3cr3t-never-shown";

  @StartStop final MockWebServer server = new MockWebServer();

  /**
   * Answers every call without any network, the way VCC would: a token for the token endpoint, the
   * documented presence for everything else. It records what was sent.
   */
  private static final class FakeVcc implements Interceptor {
    final List<Request> requests = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) {
      Request request = chain.request();
      requests.add(request);
      String path = request.url().encodedPath();
      String body =
          path.endsWith("/Auth/connect/token")
              ? Fixtures.read("token.json")
              : path.endsWith("/presence-definitions")
                  ? Fixtures.read("presence-definitions.json")
                  : Fixtures.read("presence-user.json");
      return new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .body(ResponseBody.create(body, MediaType.get("application/json")))
          .build();
    }
  }

  private static String form(Request request) throws IOException {
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readUtf8();
  }

  @ParameterizedTest
  @CsvSource({
    "EMEA, NEWVOICEMEDIA, https://emea.api.newvoicemedia.com/, https://emea.newvoicemedia.com/Auth/connect/token",
    "NAM, NEWVOICEMEDIA, https://nam.api.newvoicemedia.com/, https://nam.newvoicemedia.com/Auth/connect/token",
    "APAC, NEWVOICEMEDIA, https://apac.api.newvoicemedia.com/, https://apac.newvoicemedia.com/Auth/connect/token",
    "EMEA, VONAGE, https://emea.api.cc.vonage.com/, https://emea.cc.vonage.com/Auth/connect/token",
    "NAM, VONAGE, https://nam.api.cc.vonage.com/, https://nam.cc.vonage.com/Auth/connect/token",
    "APAC, VONAGE, https://apac.api.cc.vonage.com/, https://apac.cc.vonage.com/Auth/connect/token"
  })
  void regionsArePresetsForBothHostFamilies(
      Region region, Hosts hosts, String apiBaseUrl, String tokenUrl) throws Exception {
    assertThat(region.apiBaseUrl(hosts)).hasToString(apiBaseUrl);
    assertThat(region.tokenUrl(hosts)).hasToString(tokenUrl);

    FakeVcc vcc = new FakeVcc();
    try (VonageClient client =
        VonageClient.builder()
            .region(region)
            .hosts(hosts)
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .scopes("users:read", "users:write")
            .okHttpClient(new OkHttpClient.Builder().addInterceptor(vcc).build())
            .build()) {
      assertThat(client.baseUrl()).hasToString(apiBaseUrl);

      assertThat(client.presence(USER_A).state()).isEqualTo(PresenceState.OFFLINE);
    }

    assertThat(vcc.requests).hasSize(2);
    Request token = vcc.requests.get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.url()).hasToString(tokenUrl);
    assertThat(form(token))
        .isEqualTo(
            "grant_type=client_credentials&scope=users%3Aread+users%3Awrite"
                + "&client_id=client-id-1&client_secret=client-s3cr3t-never-shown");
    assertThat(token.header("Authorization")).isNull();
    Request api = vcc.requests.get(1);
    assertThat(api.url()).hasToString(apiBaseUrl + "agents/" + USER_A + "/presence");
    assertThat(api.header("Authorization")).isEqualTo("Bearer tok-from-endpoint");
    assertThat(api.header("Accept")).isEqualTo("application/vnd.newvoicemedia.v1+json");
  }

  @ParameterizedTest
  @CsvSource({
    "https://apac.api.cc.vonage.com, https://apac.cc.vonage.com/Auth/connect/token",
    "https://nam.api.newvoicemedia.com/, https://nam.newvoicemedia.com/Auth/connect/token"
  })
  void aVccBaseUrlBringsItsOwnTokenUrlWithoutARegion(String baseUrl, String tokenUrl) {
    FakeVcc vcc = new FakeVcc();
    try (VonageClient client =
        VonageClient.builder()
            .baseUrl(baseUrl)
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .okHttpClient(new OkHttpClient.Builder().addInterceptor(vcc).build())
            .build()) {
      client.presence(USER_A);
    }

    assertThat(vcc.requests.get(0).url()).hasToString(tokenUrl);
    assertThat(vcc.requests.get(1).url().host()).isEqualTo(HttpUrl.get(baseUrl).host());
  }

  @Test
  void aBaseUrlElsewhereTakesTheRegionsTokenUrl() {
    FakeVcc vcc = new FakeVcc();
    try (VonageClient client =
        VonageClient.builder()
            .region(Region.NAM)
            .hosts(Hosts.VONAGE)
            .baseUrl("https://vcc-proxy.example.com/vcc/")
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .okHttpClient(new OkHttpClient.Builder().addInterceptor(vcc).build())
            .build()) {
      client.presenceDefinitions();
    }

    assertThat(vcc.requests.get(0).url())
        .hasToString("https://nam.cc.vonage.com/Auth/connect/token");
    assertThat(vcc.requests.get(1).url())
        .hasToString("https://vcc-proxy.example.com/vcc/agents/presence-definitions");
  }

  @Test
  void aBaseUrlElsewhereWithoutRegionNeedsATokenUrlForClientCredentials() {
    assertThatThrownBy(
            () ->
                VonageClient.builder()
                    .baseUrl("https://vcc-proxy.example.com/")
                    .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokenUrl");
  }

  @Test
  void basicClientAuthenticationSendsTheCredentialsInAHeader() throws Exception {
    server.enqueue(Fixtures.fixture(200, "token.json"));
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    try (VonageClient client =
        VonageClient.builder()
            .baseUrl(server.url("/"))
            .tokenUrl(server.url("/Auth/connect/token").toString())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .clientAuthentication(ClientAuthentication.BASIC)
            .scopes(List.of("users:read"))
            .build()) {
      client.presence(USER_A);
    }

    RecordedRequest token = server.takeRequest();
    assertThat(token.getRequestLine()).isEqualTo("POST /Auth/connect/token HTTP/1.1");
    assertThat(token.getHeaders().get("Authorization"))
        .isEqualTo(Credentials.basic(CLIENT_ID, CLIENT_SECRET));
    assertThat(token.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(token.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&scope=users%3Aread")
        .doesNotContain(CLIENT_SECRET);
    RecordedRequest api = server.takeRequest();
    assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer tok-from-endpoint");
  }

  @Test
  void theTokenIsFetchedOnceAndReused() throws Exception {
    server.enqueue(Fixtures.fixture(200, "token.json"));
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));
    server.enqueue(Fixtures.fixture(200, "presence-definitions.json"));

    try (VonageClient client =
        VonageClient.builder()
            .baseUrl(server.url("/"))
            .tokenUrl(server.url("/Auth/connect/token").toString())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .build()) {
      client.presence(USER_A);
      client.presenceDefinitions();
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(server.takeRequest().getBody().utf8())
        .contains("client_id=client-id-1", "client_secret=client-s3cr3t-never-shown");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-from-endpoint");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer tok-from-endpoint");
  }

  @Test
  void aRefusedClientSecretIsAnAuthenticationExceptionWithoutTheSecret() {
    server.enqueue(Fixtures.json(400, "{\"error\":\"invalid_client\"}"));

    try (VonageClient client =
        VonageClient.builder()
            .baseUrl(server.url("/"))
            .tokenUrl(server.url("/Auth/connect/token").toString())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .build()) {
      assertThatThrownBy(() -> client.presence(USER_A))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.errorCode()).contains("invalid_client");
                assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void regionOrBaseUrlIsRequired() {
    assertThatThrownBy(() -> VonageClient.builder().accessToken("tok-t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region");
  }

  @Test
  void credentialsAreRequired() {
    assertThatThrownBy(() -> VonageClient.builder().region(Region.EMEA).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials");
  }

  @Test
  void settersRejectNullAtOnce() {
    assertThatThrownBy(() -> VonageClient.builder().region(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> VonageClient.builder().hosts(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hosts");
  }

  @Test
  void regionsAreFoundByTheirCode() {
    assertThat(Region.of("emea")).isEqualTo(Region.EMEA);
    assertThat(Region.of(" NAM ")).isEqualTo(Region.NAM);
    assertThat(Region.of("Apac")).isEqualTo(Region.APAC);
    assertThat(Region.APAC.code()).isEqualTo("apac");
    assertThatThrownBy(() -> Region.of("us"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("emea, nam, apac");
    assertThatThrownBy(() -> Region.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noSecretIsShownByToString() {
    VonageClient.Builder builder =
        VonageClient.builder().region(Region.EMEA).clientCredentials(CLIENT_ID, CLIENT_SECRET);
    assertThat(builder.toString()).doesNotContain(CLIENT_SECRET).contains("EMEA");
    try (VonageClient client = builder.build()) {
      assertThat(client.toString())
          .doesNotContain(CLIENT_SECRET)
          .contains("https://emea.api.newvoicemedia.com/");
    }
    VonageClient.Builder withToken =
        VonageClient.builder().region(Region.NAM).accessToken("tok-secret-access");
    assertThat(withToken.toString()).doesNotContain("tok-secret-access");
    try (VonageClient client = withToken.build()) {
      assertThat(client.toString()).doesNotContain("tok-secret-access");
    }
  }
}
