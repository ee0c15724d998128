package io.github.presencesdk.internal;

/** Supplies the bearer token of API requests. Implementations are thread-safe. */
public interface TokenProvider {

  /** Returns a token that is valid now, fetching one if needed. */
  String token();

  /**
   * Forgets {@code rejected} after the API refused it, so that the next {@link #token()} fetches a
   * fresh one. Returns true if a fresh token can be fetched at all.
   */
  boolean invalidate(String rejected);
}
