package io.github.presencesdk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Its tests make exceptions that hold secrets, to check that they are found.
@CreatesSecretsOnPurpose
final class SecretsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "client_secret=app-s3cr3t-1",
        "APP-S3CR3T in upper case",
        "Authorization: Bearer tok-static-1",
        "token tok-x at the end",
        "\"access_token\":\"tok-from-endpoint\""
      })
  void findsValuesThatFollowTheConvention(String text) {
    assertThat(Secrets.find(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no secret here",
        "tokenUrl=https://acme.talkdeskid.com/oauth/token",
        "static token <redacted>",
        "stock-market",
        "a fixture named token-error.json",
        "Basic !!not-base64!!"
      })
  void ignoresOrdinaryText(String text) {
    assertThat(Secrets.find(text)).isEmpty();
  }

  @Test
  void findsHttpBasicCredentialsHoldingASecret() {
    String basic =
        Base64.getEncoder().encodeToString("my-client:app-s3cr3t".getBytes(StandardCharsets.UTF_8));

    assertThat(Secrets.find("Authorization: Basic " + basic)).isPresent();
    assertThat(
            Secrets.find(
                "Authorization: Basic "
                    + Base64.getEncoder()
                        .encodeToString("user:harmless".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
  }

  @Test
  void findsRegisteredSecrets() {
    Secrets.register("eyJhbGciOiJSUzI1NiJ9.registered-only");

    assertThat(Secrets.find("token was eyJhbGciOiJSUzI1NiJ9.registered-only, see")).isPresent();
  }

  @Test
  void refusesShortRegistrations() {
    assertThatThrownBy(() -> Secrets.register("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 6");
  }

  @Test
  void reportsMaskTheSecret() {
    String report = Secrets.find("the secret is app-s3cr3t-value, do not print it").orElseThrow();

    assertThat(report).contains("<secret>").doesNotContain("s3cr3t").doesNotContain("app-");
  }

  @Test
  void searchesCausesAndSuppressedExceptions() {
    RuntimeException outer = new RuntimeException("outer", new IllegalStateException("clean"));
    outer.getCause().addSuppressed(new IllegalArgumentException("holds tok-abc"));

    assertThat(Secrets.find(outer)).hasValueSatisfying(f -> assertThat(f).contains("inside"));
    assertThatThrownBy(() -> Secrets.assertNoSecret(outer)).isInstanceOf(AssertionError.class);
    Secrets.assertNoSecret(new RuntimeException("nothing to see"));
  }

  @Test
  void findsSecretsInToStringOverrides() {
    RuntimeException custom =
        new RuntimeException("clean") {
          @Override
          public String toString() {
            return "Custom{password=db-s3cr3t}";
          }
        };

    assertThat(Secrets.find(custom)).isPresent();
  }
}
