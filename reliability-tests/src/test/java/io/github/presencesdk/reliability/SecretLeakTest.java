package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.testsupport.Secrets;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.VonageClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No access token, client secret or Authorization header value shows in an exception, a {@code
 * toString()} or a log, even when a server echoes them back; and a redirect to another host never
 * carries the Authorization header.
 */
final class SecretLeakTest {
  static final String CLIENT_ID = "client-leak-1";
  static final String CLIENT_SECRET = "app-s3cr3t-leak";
  static final String TOKEN = "tok-leak-issued";
  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

  @StartStop final MockWebServer server = Loopback.server();
  @StartStop final MockWebServer otherHost = Loopback.server();

  enum Vendor {
    VONAGE("vonage", c -> c.presence(Operations.Vcc.USERS.get(0))),
    TALKDESK("talkdesk", c -> c.presence(Operations.Talkdesk.USERS.get(0))),
    VOIPNOW("voipnow", c -> c.presence("0003*201"));

    final String id;
    final Function<PresenceClient<?>, Object> read;

    Vendor(String id, Function<PresenceClient<?>, Object> read) {
      this.id = id;
      this.read = read;
    }

    PresenceClientBuilder<?> builder() {
      return switch (this) {
        case VONAGE -> VonageClient.builder();
        case TALKDESK -> TalkdeskClient.builder();
        case VOIPNOW -> VoipNowClient.builder();
      };
    }

    PresenceClient<?> build(PresenceClientBuilder<?> builder) {
      return switch (this) {
        case VONAGE -> ((VonageClient.Builder) builder).build();
        case TALKDESK -> ((TalkdeskClient.Builder) builder).build();
        case VOIPNOW -> ((VoipNowClient.Builder) builder).build();
      };
    }
  }

  private PresenceClient<?> clientWithCredentials(Vendor vendor, ClientAuthentication auth) {
    PresenceClientBuilder<?> builder =
        vendor
            .builder()
            .baseUrl(server.url("/"))
            .tokenUrl(server.url("/oauth/token").toString())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .clientAuthentication(auth)
            .retryPolicy(RetryPolicy.none());
    return vendor.build(builder);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static void assertNothingLeaks(Throwable thrown, PresenceClient<?> client) {
    assertThat(thrown).isInstanceOf(PresenceException.class);
    Secrets.assertNoSecret(thrown);
    for (String secret : List.of(CLIENT_SECRET, TOKEN, BASIC)) {
      assertThat(thrown.getMessage()).doesNotContain(secret);
      assertThat(thrown.toString()).doesNotContain(secret);
      if (thrown instanceof PresenceServiceException e) {
        assertThat(e.body()).doesNotContain(secret);
        assertThat(e.error().toString()).doesNotContain(secret);
        assertThat(e.headers().toString()).doesNotContain(secret);
      }
      if (thrown instanceof UndecodableResponseException e) {
        assertThat(e.bodyExcerpt()).doesNotContain(secret);
      }
    }
    Secrets.assertNoSecret("the client's toString()", client.toString());
  }

  /** A token endpoint that refuses the client and echoes back what it was sent. */
  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aTokenEndpointEchoingTheSecretDoesNotLeakIt(Vendor vendor) {
    for (ClientAuthentication auth : ClientAuthentication.values()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String form = request.getBody() == null ? "" : request.getBody().utf8();
              String header = String.valueOf(request.getHeaders().get("Authorization"));
              return json(
                      401,
                      "{\"error\":\"invalid_client\",\"error_description\":\"bad client: "
                          + form
                          + " / "
                          + header
                          + " / "
                          + CLIENT_SECRET
                          + "\"}")
                  .newBuilder()
                  .setHeader("X-Echo-Authorization", header)
                  .build();
            }
          });
      try (PresenceClient<?> client = clientWithCredentials(vendor, auth)) {
        Throwable thrown = catchThrowable(() -> vendor.read.apply(client));

        assertNothingLeaks(thrown, client);
        assertThat(thrown.getMessage()).contains("invalid_client", "<redacted>");
      }
    }
  }

  /** An API that answers with an error page quoting the request's Authorization header. */
  @ParameterizedTest
  @EnumSource(Vendor.class)
  void anApiErrorQuotingTheBearerTokenDoesNotLeakIt(Vendor vendor) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/oauth/token")) {
              return json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}");
            }
            String header = request.getHeaders().get("Authorization");
            return json(
                    400, "{\"message\":\"cannot use " + header + "\",\"code\":\"" + TOKEN + "\"}")
                .newBuilder()
                .setHeader("X-Debug", header)
                .build();
          }
        });
    try (PresenceClient<?> client = clientWithCredentials(vendor, ClientAuthentication.FORM)) {
      Throwable thrown = catchThrowable(() -> vendor.read.apply(client));

      assertNothingLeaks(thrown, client);
      assertThat(thrown.getMessage()).contains("cannot use Bearer <redacted>");
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aStaticTokenEchoedInAnHtmlPageDoesNotLeak(Vendor vendor) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "text/html")
                .body(
                    "<html><body>upstream refused "
                        + request.getHeaders().get("Authorization")
                        + "</body></html>")
                .build();
          }
        });
    try (PresenceClient<?> client =
        vendor.build(
            vendor
                .builder()
                .baseUrl(server.url("/"))
                .accessToken(TOKEN)
                .retryPolicy(RetryPolicy.none()))) {
      Throwable thrown = catchThrowable(() -> vendor.read.apply(client));

      assertNothingLeaks(thrown, client);
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void buildersAndClientsShowNoCredentials(Vendor vendor) {
    PresenceClientBuilder<?> withSecret =
        vendor
            .builder()
            .baseUrl(server.url("/"))
            .tokenUrl(server.url("/oauth/token").toString())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET);
    Secrets.assertNoSecret("the builder's toString()", withSecret.toString());
    try (PresenceClient<?> client = vendor.build(withSecret)) {
      Secrets.assertNoSecret("the client's toString()", client.toString());
    }
    PresenceClientBuilder<?> withToken =
        vendor.builder().baseUrl(server.url("/")).accessToken(TOKEN);
    Secrets.assertNoSecret("the builder's toString()", withToken.toString());
    try (PresenceClient<?> client = vendor.build(withToken)) {
      Secrets.assertNoSecret("the client's toString()", client.toString());
    }
  }

  /** The other host: same loopback address, named differently and on another port. */
  private HttpUrl otherHostUrl(String path) {
    HttpUrl url = otherHost.url(path);
    String host = server.url("/").host().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
    return url.newBuilder().host(host).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherHostDoesNotCarryTheBearerToken(int status) throws Exception {
    for (Vendor vendor : Vendor.values()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder()
                  .code(status)
                  .setHeader("Location", otherHostUrl(request.getTarget()).toString())
                  .build();
            }
          });
      otherHost.setDispatcher(new GoodVendorDispatcher());
      try (PresenceClient<?> client =
          vendor.build(
              vendor
                  .builder()
                  .baseUrl(server.url("/"))
                  .accessToken(TOKEN)
                  .retryPolicy(RetryPolicy.none()))) {
        catchThrowable(() -> vendor.read.apply(client));
      }
      RecordedRequest original = server.takeRequest();
      RecordedRequest redirected = otherHost.takeRequest();
      assertThat(original.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(redirected.getHeaders().get("Authorization")).as(vendor + " " + status).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aRedirectedWriteDoesNotCarryTheBearerToken(int status) throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(status)
                .setHeader("Location", otherHostUrl(request.getTarget()).toString())
                .build();
          }
        });
    otherHost.setDispatcher(new GoodVendorDispatcher());
    try (VonageClient vcc =
            VonageClient.builder().baseUrl(server.url("/")).accessToken(TOKEN).build();
        TalkdeskClient talkdesk =
            TalkdeskClient.builder().baseUrl(server.url("/")).accessToken(TOKEN).build()) {
      catchThrowable(
          () -> vcc.setPresence(Operations.Vcc.USERS.get(0), Operations.Vcc.presenceId(1)));
      catchThrowable(
          () -> talkdesk.updateStatus(Operations.Talkdesk.USERS.get(0), TalkdeskStatus.AWAY));
    }
    for (String method : List.of("PATCH", "PUT")) {
      RecordedRequest redirected = otherHost.takeRequest();
      assertThat(redirected.getMethod()).isEqualTo(method);
      assertThat(redirected.getHeaders().get("Authorization")).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aRedirectedTokenRequestDoesNotCarryTheClientCredentials(Vendor vendor) throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(307)
                .setHeader("Location", otherHostUrl(request.getTarget()).toString())
                .build();
          }
        });
    otherHost.setDispatcher(new GoodVendorDispatcher());
    Throwable thrown;
    try (PresenceClient<?> client = clientWithCredentials(vendor, ClientAuthentication.BASIC)) {
      thrown = catchThrowable(() -> vendor.read.apply(client));
      assertNothingLeaks(thrown, client);
    }
    RecordedRequest original = server.takeRequest();
    assertThat(original.getHeaders().get("Authorization")).isEqualTo(BASIC);
    // Token requests do not follow redirects at all: the other host sees nothing.
    assertThat(thrown)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("token endpoint redirected");
    assertThat(otherHost.getRequestCount()).isZero();
  }

  /** Answers every vendor's read well, so that a redirected call completes. */
  static final class GoodVendorDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      List<String> path = request.getUrl().pathSegments();
      String body;
      if (path.get(0).equals("oauth")) {
        body = "{\"access_token\":\"tok-other-host\",\"expires_in\":3600}";
      } else if (path.get(0).equals("users")) {
        body = JsonTree.write(Operations.Talkdesk.presence(path.get(1), "away"));
      } else if (path.get(0).equals("uapi")) {
        body = JsonTree.write(Map.of("totalResults", 0, "entry", List.of()));
      } else {
        body = JsonTree.write(Operations.Vcc.entry(path.get(1), 0));
      }
      return json(200, body);
    }
  }
}
