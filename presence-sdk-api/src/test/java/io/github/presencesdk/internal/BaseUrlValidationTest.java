package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Base and token URLs that the client cannot build requests on are refused at the setter. */
final class BaseUrlValidationTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:pw-s3cr3t@api.example.com/ | user name or password",
        "https://user@api.example.com/ | user name or password",
        "https://api.example.com/?api-version=1 | must not have a query",
        "https://api.example.com/#top | must not have a fragment",
        "ftp://api.example.com/ | absolute http or https URL",
        "api.example.com | absolute http or https URL",
        "'' | absolute http or https URL",
        "https:// | absolute http or https URL"
      })
  void baseUrlsThatCannotCarryRequestsAreRefused(String url, String reason) {
    assertThatThrownBy(() -> TestClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must")
        .hasMessageContaining(reason)
        .hasMessageNotContaining("s3cr3t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:pw-s3cr3t@api.example.com/", "https://api.example.com/#x"})
  void theHttpUrlOverloadChecksTheSame(String url) {
    assertThatThrownBy(() -> TestClient.builder().baseUrl(HttpUrl.get(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must")
        .hasMessageNotContaining("s3cr3t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://id:pw-s3cr3t@auth.example.com/token", "https://a.example/t#f"})
  void tokenUrlsWithCredentialsOrAFragmentAreRefused(String url) {
    assertThatThrownBy(() -> TestClient.builder().tokenUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tokenUrl must")
        .hasMessageNotContaining("s3cr3t");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com",
        "https://api.example.com/v1/",
        "http://localhost:8080/",
        "http://127.0.0.1/api",
        "http://[::1]:9000/"
      })
  void ordinaryBaseUrlsAreAccepted(String url) {
    try (HttpCore core = TestClient.builder().baseUrl(url).accessToken("tok-ok").buildCore()) {
      assertThat(core.baseUrl()).isEqualTo(HttpUrl.get(url));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://auth.example.com/token?tenant=acme"})
  void aTokenUrlMayHaveAQuery(String url) {
    TestClient.builder().tokenUrl(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://api.example.com/", "http://10.0.0.1/", "http://localhost.evil.example/"})
  void plainHttpToAHostOtherThanLoopbackIsRefusedUnlessAllowed(String url) {
    assertThatThrownBy(() -> TestClient.builder().baseUrl(url).accessToken("tok-x").buildCore())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("allowInsecureHttp(true)");
    try (HttpCore core =
        TestClient.builder()
            .baseUrl(url)
            .accessToken("tok-x")
            .allowInsecureHttp(true)
            .buildCore()) {
      assertThat(core.baseUrl().isHttps()).isFalse();
    }
  }
}
