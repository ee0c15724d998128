package io.github.presencesdk.talkdesk;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceState;

/** Derives the normalized state of a Talkdesk presence; the table is in the package Javadoc. */
final class StateMapping {
  private StateMapping() {}

  static PresenceState stateOf(TalkdeskPresence presence) {
    return switch (presence.status()) {
      case AVAILABLE -> {
        if (presence.isOccupied()) {
          yield PresenceState.BUSY;
        }
        // Without occupancy and interactions, nothing says the user is free: a field that was not
        // sent is not "none".
        yield presence.workloadSent() ? PresenceState.AVAILABLE : PresenceState.UNKNOWN;
      }
      case AWAY -> PresenceState.AWAY;
      // A hidden agent chose to appear offline; reporting it as available would route work to
      // someone who asked not to get any.
      case OFFLINE, HIDDEN -> PresenceState.OFFLINE;
      case UNKNOWN -> PresenceState.UNKNOWN;
    };
  }

  static Presence<TalkdeskPresence> toPresence(String userId, TalkdeskPresence detail) {
    return Presence.of(
        userId,
        stateOf(detail),
        detail.rawStatus(),
        detail.customStatus().orElse(null),
        detail.updatedAt().orElse(null),
        detail);
  }
}
