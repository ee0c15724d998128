package io.github.presencesdk.internal;

import java.time.Instant;

/** Supplies the bearer token of API requests. Implementations are thread-safe. */
public interface TokenProvider {

  /**
   * Returns a token that is valid now, fetching one if needed.
   *
   * @param deadline the end of the budget of the call that needs the token: waiting for a token,
   *     and fetching one on this call's behalf, end by then
   * @throws io.github.presencesdk.PresenceException if no token could be had in time
   */
  String token(Instant deadline);

  /**
   * Forgets {@code rejected} after the API refused it, so that the next {@link #token(Instant)}
   * fetches a fresh one. Returns true if a fresh token can be fetched at all.
   */
  boolean invalidate(String rejected);
}
