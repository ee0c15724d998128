package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.PresenceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.testsupport.JsonFuzz;
import io.github.presencesdk.testsupport.NoDelayServerSocketFactory;
import io.github.presencesdk.testsupport.Secrets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests of what the core reads from servers itself: Retry-After headers, error bodies of
 * any shape, and token responses. None of them may end a call with anything but a result or a
 * {@link PresenceException}, and no token response may bring a secret into a message.
 */
final class CoreDecodingPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static MockWebServer server;
  private static volatile String tokenBody = "";

  @BeforeContainer
  static void startServer() throws IOException {
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body =
                request.getUrl().encodedPath().equals("/oauth/token") ? tokenBody : "\"ok\"";
            return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    server.start();
  }

  @AfterContainer
  static void stopServer() {
    server.close();
  }

  @Provide
  Arbitrary<String> retryAfterValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().numeric().ofMaxLength(30),
        Arbitraries.of(
            "-1",
            "1.5",
            " 7 ",
            "0",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 99 Foo 2026 00:00:00 GMT",
            "99999999999999999999999999"));
  }

  @Property(tries = 500)
  void retryAfterIsADurationOrNothing(@ForAll("retryAfterValues") String value) {
    Duration parsed = RetryAfter.parse(value, NOW);
    if (parsed != null) {
      assertThat(parsed.isNegative()).isFalse();
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        JsonFuzz.documents(
            List.of("error", "error_description", "message", "code", "title", "errors", "detail"),
            List.of("invalid_client", "denied")),
        JsonFuzz.mutations(
            List.of(
                "{\"error\":\"invalid_client\",\"error_description\":\"bad\"}",
                "{\"error\":{\"code\":\"E1\",\"message\":\"m\"},\"errors\":[{\"path\":\"p\",\"message\":\"x\"}]}")),
        Arbitraries.strings().ofMaxLength(300));
  }

  @Property(tries = 500)
  void errorBodiesOfAnyShapeAreRead(@ForAll("bodies") String body) {
    VendorError base =
        new VendorError(
            "testvendor",
            401,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            body);

    VendorError oauth = ErrorBodies.decodeOAuthError(base, body);
    VendorError other = TestClient.decodeError(base, body);

    assertThat(oauth.describe()).startsWith("testvendor answered HTTP 401");
    assertThat(other.describe()).startsWith("testvendor answered HTTP 401");
  }

  @Provide
  Arbitrary<String> tokenBodies() {
    return Arbitraries.oneOf(
        JsonFuzz.documents(
            List.of("access_token", "expires_in", "token_type", "scope"),
            List.of("tok-fuzzed-1", "Bearer", "3600", "-1", "")),
        JsonFuzz.mutations(
            List.of(
                "{\"access_token\":\"tok-fuzzed-2\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
  }

  @Property(tries = 150)
  void tokenResponsesGiveATokenOrAPresenceException(@ForAll("tokenBodies") String body) {
    tokenBody = body;
    try (HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("client-fuzz", "app-s3cr3t-fuzz")
            .retryPolicy(RetryPolicy.none())
            .buildCore()) {
      String answer =
          core.execute(ApiRequest.get(server.url("/api/x")), (status, b) -> b.readUtf8());
      assertThat(answer).isEqualTo("\"ok\"");
    } catch (PresenceException e) {
      // The token response is read without keeping any of it: nothing of a token may show.
      Secrets.assertNoSecret(e);
      assertThat(e.getMessage()).startsWith("testvendor");
    }
  }
}
