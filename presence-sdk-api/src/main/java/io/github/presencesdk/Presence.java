package io.github.presencesdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The presence of one user as reported by a vendor.
 *
 * @param userId the id the caller asked for, as the vendor echoes it
 * @param state the normalized state; see {@link PresenceState} for the mapping
 * @param vendorStatus the vendor's own status value, verbatim (for example {@code "Ready"}, {@code
 *     "hidden"} or {@code "1"})
 * @param label a human-readable label when the vendor sends one (for example a presence description
 *     or a custom status name)
 * @param updatedAt when the presence last changed, when the vendor says
 * @param detail the vendor-specific detail
 * @param <D> the vendor detail type
 */
public record Presence<D extends PresenceDetail>(
    String userId,
    PresenceState state,
    String vendorStatus,
    Optional<String> label,
    Optional<Instant> updatedAt,
    D detail) {

  /** Checks that no component is null. */
  public Presence {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(vendorStatus, "vendorStatus");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(detail, "detail");
  }

  /** Creates a presence from nullable label and time. */
  public static <D extends PresenceDetail> Presence<D> of(
      String userId,
      PresenceState state,
      String vendorStatus,
      @Nullable String label,
      @Nullable Instant updatedAt,
      D detail) {
    return new Presence<>(
        userId,
        state,
        vendorStatus,
        Optional.ofNullable(label),
        Optional.ofNullable(updatedAt),
        detail);
  }

  /** Returns true if the normalized state is {@link PresenceState#AVAILABLE}. */
  public boolean isAvailable() {
    return state == PresenceState.AVAILABLE;
  }
}
