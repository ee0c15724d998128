package io.github.presencesdk.testkit;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings of the token endpoint that the builders of the fakes share. The public builders
 * inherit these methods, which return the builder itself.
 *
 * @param <B> the public builder
 */
abstract class FakeBuilder<B extends FakeBuilder<B>> {
  final TokenIssuer.Settings settings;

  FakeBuilder(String defaultStaticToken, Duration defaultLifetime) {
    this.settings = new TokenIssuer.Settings(defaultStaticToken, defaultLifetime);
  }

  /** This builder, as its own type. */
  abstract B self();

  /** The client id the token endpoint accepts; default {@code test-client-id}. */
  public B clientId(String clientId) {
    settings.clientId(clientId);
    return self();
  }

  /**
   * The client secret the token endpoint accepts; default {@code test-client-s3cr3t}.
   *
   * <p>The default secrets follow a pattern that a test can scan its output and exceptions for: the
   * client secret holds {@code s3cr3t}, the static token and every token the endpoint issues start
   * with {@code tok-}. A test that sets its own may follow the same pattern.
   */
  public B clientSecret(String clientSecret) {
    settings.clientSecret(clientSecret);
    return self();
  }

  /**
   * The token the API accepts without the token endpoint; default {@code tok-talkdesk-static-test},
   * {@code tok-voipnow-static-test} or {@code tok-vcc-static-test} (Vonage).
   */
  public B staticToken(String staticToken) {
    settings.staticToken(staticToken);
    return self();
  }

  /**
   * How long issued tokens last ({@code expires_in}, whole seconds); default 1 hour (2 hours for
   * Vonage).
   */
  public B tokenLifetime(Duration lifetime) {
    settings.lifetime(lifetime);
    return self();
  }

  /**
   * The clock for token expiry and for the times the fake sets ({@code updated_at}, {@code
   * updated}, registration expiry); default the system clock. A test moves a clock of its own to
   * expire tokens without waiting.
   */
  public B clock(Clock clock) {
    settings.clock(clock);
    return self();
  }
}
