package io.github.presencesdk.voipnow;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceState;
import java.util.List;
import java.util.Objects;

/**
 * The presence of one extension, one entry of a VoipNow presence listing. It is also the detail of
 * every {@link Presence} the {@link VoipNowClient} returns.
 *
 * <p>A field that the response left out (for example because a {@code fields} selection did not
 * name it) reads as absent: {@link ExtensionStatus#UNKNOWN} with an empty {@link #rawStatus()}, and
 * no registrations with {@link #registrationsSent()} false. A field that was not sent says nothing
 * about the extension: an entry without a status, or with status 0 but without its registrations,
 * has the normalized state {@link PresenceState#UNKNOWN}, never {@link PresenceState#OFFLINE}.
 *
 * @param extension the extended number, such as {@code 0003*210}
 * @param status the status
 * @param rawStatus the {@code status} value as sent, such as {@code "1"}; empty if absent
 * @param registrations the registrations of the extension, in the order sent; empty if absent
 * @param registrationsSent whether the entry held a {@code registration} field (an empty list
 *     counts: it says the extension has no registration); false when it was left out, such as with
 *     a {@code fields} selection without {@code registration}
 */
public record ExtensionPresence(
    String extension,
    ExtensionStatus status,
    String rawStatus,
    List<Registration> registrations,
    boolean registrationsSent)
    implements PresenceDetail {

  /** Copies the registrations and checks that no component is null. */
  public ExtensionPresence {
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    registrations = List.copyOf(registrations);
  }

  /**
   * An entry whose {@code registration} field was sent (possibly empty): the registrations are what
   * the extension has.
   */
  public ExtensionPresence(
      String extension,
      ExtensionStatus status,
      String rawStatus,
      List<Registration> registrations) {
    this(extension, status, rawStatus, registrations, true);
  }

  /** Returns true if at least one registration is live (registered, or none needed). */
  public boolean hasLiveRegistration() {
    return registrations.stream().anyMatch(Registration::isLive);
  }

  /**
   * The vendor-neutral state of this extension.
   *
   * <table>
   *   <caption>VoipNow status to presence state</caption>
   *   <tr><th>status</th><th>state</th></tr>
   *   <tr><td>absent (not sent, such as with a {@code fields} selection without {@code
   *       status})</td><td>{@link PresenceState#UNKNOWN}</td></tr>
   *   <tr><td>1 online</td><td>{@link PresenceState#AVAILABLE}</td></tr>
   *   <tr><td>2 ringing, 3 busy</td><td>{@link PresenceState#BUSY}</td></tr>
   *   <tr><td>0 unknown, registrations sent, none live</td><td>{@link
   *       PresenceState#OFFLINE}</td></tr>
   *   <tr><td>0 unknown, a live registration</td><td>{@link PresenceState#UNKNOWN}</td></tr>
   *   <tr><td>0 unknown, registrations not sent (such as with a {@code fields} selection without
   *       {@code registration})</td><td>{@link PresenceState#UNKNOWN}</td></tr>
   *   <tr><td>any other value</td><td>{@link PresenceState#UNKNOWN}</td></tr>
   * </table>
   *
   * <p>A registration is live when its state is 1 (registered) or 2 (no registration needed).
   */
  public PresenceState normalizedState() {
    if (rawStatus.isEmpty()) {
      // Not sent: without a status, missing registrations say nothing either (they may have been
      // left out by the same fields selection), so the state is not known.
      return PresenceState.UNKNOWN;
    }
    return switch (status) {
      case ONLINE -> PresenceState.AVAILABLE;
      case RINGING, BUSY -> PresenceState.BUSY;
      // Offline only when the registrations were sent and none is live: registrations that were
      // not asked for are not "none".
      case UNKNOWN ->
          registrationsSent && !hasLiveRegistration()
              ? PresenceState.OFFLINE
              : PresenceState.UNKNOWN;
      case UNRECOGNIZED -> PresenceState.UNKNOWN;
    };
  }

  /**
   * This entry as a vendor-neutral {@link Presence}: the extension is the user id, the state is
   * {@link #normalizedState()}, the vendor status is {@link #rawStatus()}, and there is neither a
   * label nor an update time (VoipNow sends neither).
   */
  public Presence<ExtensionPresence> toPresence() {
    return Presence.of(extension, normalizedState(), rawStatus, null, null, this);
  }
}
