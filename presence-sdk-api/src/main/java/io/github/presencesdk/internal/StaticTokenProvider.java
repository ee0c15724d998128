package io.github.presencesdk.internal;

import java.time.Instant;

/** A token given by the caller; it cannot be refreshed. */
final class StaticTokenProvider implements TokenProvider {
  private final String token;

  StaticTokenProvider(String token) {
    this.token = token;
  }

  @Override
  public String token(Instant deadline) {
    return token;
  }

  @Override
  public boolean invalidate(String rejected) {
    return false;
  }

  @Override
  public String toString() {
    return "StaticTokenProvider{token=<redacted>}";
  }
}
