package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.RetryPolicy;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BuilderTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "not a url", "ftp://example.com", "//example.com/x", "example.com"})
  void rejectsInvalidBaseUrls(String url) {
    assertThatThrownBy(() -> TestClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must be an absolute http or https URL");
  }

  @Test
  void refusesPlainHttpToANonLoopbackHostUnlessAllowed() {
    TestClient.Builder builder =
        TestClient.builder().baseUrl("http://presence.example.com/").accessToken("tok-t");

    assertThatThrownBy(builder::buildCore)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl http://presence.example.com")
        .hasMessageContaining("allowInsecureHttp(true)");

    builder.allowInsecureHttp(true).buildCore().close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/", "http://127.0.0.1/", "http://[::1]:9/"})
  void acceptsPlainHttpToLoopback(String url) {
    TestClient.builder().baseUrl(url).accessToken("tok-t").buildCore().close();
  }

  @Test
  void refusesPlainHttpTokenUrl() {
    TestClient.Builder builder =
        TestClient.builder()
            .baseUrl("https://api.example.com/")
            .clientCredentials("id", "app-s3cr3t")
            .tokenUrl("http://auth.example.com/token");

    assertThatThrownBy(builder::buildCore)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("tokenUrl http://auth.example.com");
  }

  @Test
  void requiresCredentials() {
    assertThatThrownBy(() -> TestClient.builder().baseUrl("https://api.example.com/").buildCore())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accessToken(...) or clientCredentials(...)");
  }

  @Test
  void requiresABaseUrlWhenTheVendorHasNoDefault() {
    assertThatThrownBy(() -> TestClient.builder().accessToken("tok-t").buildCore())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required for testvendor");
  }

  @Test
  void vendorDefaultBaseUrlAppliesUnlessOverridden() {
    HttpUrl fallback = HttpUrl.get("https://default.example.com/");
    try (HttpCore core = TestClient.builder().accessToken("tok-t").buildCore(fallback)) {
      assertThat(core.baseUrl()).isEqualTo(fallback);
    }
    try (HttpCore core =
        TestClient.builder()
            .accessToken("tok-t")
            .baseUrl("https://other.example.com/")
            .buildCore(fallback)) {
      assertThat(core.baseUrl().host()).isEqualTo("other.example.com");
    }
  }

  @Test
  void rejectsBadSettingsAtTheSetter() {
    TestClient.Builder b = TestClient.builder();
    assertThatThrownBy(() -> b.accessToken(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessToken must not be blank");
    assertThatThrownBy(() -> b.clientCredentials("id", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientSecret must not be blank");
    assertThatThrownBy(() -> b.maxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrency must be between 1 and 64, was 0");
    assertThatThrownBy(() -> b.totalTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("totalTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> b.scopes("users:read", "two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scopes must be non-blank and contain no whitespace");
    assertThatThrownBy(() -> b.okHttpClient(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("okHttpClient must not be null");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be between 1 and 20, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be between 0 and 1, was 1.5");
  }

  @Test
  void userSuppliedOkHttpClientIsSharedAndLeftOpen() {
    OkHttpClient shared = new OkHttpClient();
    HttpCore core =
        TestClient.builder()
            .baseUrl("https://api.example.com/")
            .accessToken("tok-t")
            .okHttpClient(shared)
            .buildCore();
    assertThat(core.okHttpClient().connectionPool()).isSameAs(shared.connectionPool());
    assertThat(core.okHttpClient().dispatcher()).isSameAs(shared.dispatcher());

    core.close();

    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void vendorDefaultsApplyToConcurrencyAndClientAuthentication() {
    try (HttpCore core =
        TestClient.builder().baseUrl("https://api.example.com/").accessToken("tok-t").buildCore()) {
      assertThat(core.maxConcurrency()).isEqualTo(TestClient.PROFILE.defaultMaxConcurrency());
      assertThat(core.settings().clientAuthentication())
          .isEqualTo(TestClient.PROFILE.defaultClientAuthentication());
    }
  }
}
