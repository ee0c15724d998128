package io.github.presencesdk.testkit;

import okhttp3.HttpUrl;

/**
 * What every fake vendor server of the testkit offers: where it listens, the credentials its token
 * endpoint accepts, its request log, fault injection and closing. The vendor's own API and world
 * are on each subclass: {@link VonageFake}, {@link TalkdeskFake} and {@link VoipNowFake}.
 *
 * <p>Thread-safe: a fake answers requests on its own threads while a test reads its log or changes
 * its world.
 */
public abstract sealed class VendorFake implements AutoCloseable
    permits VonageFake, TalkdeskFake, VoipNowFake {
  VendorFake() {}

  /** The running server behind this fake. */
  abstract FakeServer server();

  /** The API root, under which the vendor's paths start (see the description of this class). */
  public HttpUrl baseUrl() {
    return server().url("/");
  }

  /** The token endpoint (see the description of this class for its path). */
  public HttpUrl tokenUrl() {
    return server().tokenUrl();
  }

  /** The client id the token endpoint accepts. */
  public String clientId() {
    return server().tokens().clientId();
  }

  /** The client secret the token endpoint accepts. */
  public String clientSecret() {
    return server().tokens().clientSecret();
  }

  /**
   * A bearer token the API accepts without a call to the token endpoint (with every scope the API
   * knows), until revoked.
   */
  public String staticToken() {
    return server().tokens().staticToken();
  }

  /** The log of the requests this fake received. */
  public RequestLog requests() {
    return server().log();
  }

  /** The faults to inject into the next requests. */
  public Faults faults() {
    return server().faults();
  }

  /**
   * Makes every token issued so far, and the {@link #staticToken()}, invalid: the next API call
   * with one of them gets 401. Tokens issued afterwards work.
   */
  public void revokeTokens() {
    server().tokens().revokeAll();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server().close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + baseUrl() + "}";
  }
}
