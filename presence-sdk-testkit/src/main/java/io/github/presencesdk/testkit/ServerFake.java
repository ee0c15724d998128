package io.github.presencesdk.testkit;

import okhttp3.HttpUrl;

/**
 * What the fakes share: the server, its token endpoint and credentials, the request log, the
 * faults, and the lifecycle. The public fakes inherit these methods.
 */
abstract class ServerFake implements AutoCloseable {
  /** The server behind this fake. */
  abstract FakeServer server();

  /** The API root, under which the vendor's paths start (see the fake's description). */
  public HttpUrl baseUrl() {
    return server().url("/");
  }

  /** The token endpoint (see the fake's description for its path). */
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
