package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token that cannot travel in an Authorization header is refused where it comes from. */
final class CredentialValidationTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @ParameterizedTest
  @ValueSource(strings = {"tok-with space", "tok-line\nbreak", "tok-\u0000", "tok-é", "\ttok-tab"})
  void aStaticTokenThatCannotBeAHeaderValueIsRefusedAtTheSetter(String token) {
    assertThatThrownBy(() -> TestClient.builder().accessToken(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("accessToken must hold only visible ASCII characters")
        .hasMessageNotContaining("tok-");
  }

  @Test
  void aTokenEndpointAnsweringSuchATokenIsAnAuthenticationFailure() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"tok-bad\\u0000value\",\"expires_in\":3600}")
            .build());

    try (HttpCore core =
        TestClient.builder()
            .baseUrl(server.url("/api/"))
            .clientCredentials("client-1", "app-s3cr3t-1")
            .retryPolicy(RetryPolicy.none())
            .buildCore()) {
      assertThatThrownBy(
              () -> core.execute(ApiRequest.get(server.url("/api/x")), (s, b) -> b.readUtf8()))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("cannot be sent in an Authorization header")
                    .doesNotContain("tok-bad");
                assertThat(e.body()).isEmpty();
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        UndecodableResponseException.class,
                        cause -> assertThat(cause.bodyExcerpt()).isEmpty());
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
