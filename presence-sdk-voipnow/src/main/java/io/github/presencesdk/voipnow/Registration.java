package io.github.presencesdk.voipnow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One registration of an extension: a phone or softphone that registered for it.
 *
 * @param agent the phone's user agent, such as {@code "3CXPhone 5.0.14439.0"}, when sent
 * @param state the registration state
 * @param rawState the {@code registration} value as sent, such as {@code "-1"}; empty if absent
 * @param status the registration's {@code status} value as sent, when present
 * @param expiresAt when the registration expires; absent when it has expired, when VoipNow left it
 *     out, or when it was not a readable date
 */
public record Registration(
    Optional<String> agent,
    RegistrationState state,
    String rawState,
    Optional<String> status,
    Optional<Instant> expiresAt) {

  /** Checks that no component is null. */
  public Registration {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rawState, "rawState");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns true if the extension can be reached through this registration. */
  public boolean isLive() {
    return state.isLive();
  }
}
