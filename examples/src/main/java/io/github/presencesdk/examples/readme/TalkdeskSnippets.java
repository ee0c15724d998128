package io.github.presencesdk.examples.readme;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskCustomStatus;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Talkdesk examples of docs/talkdesk.md. */
@SuppressWarnings("UnusedVariable") // the examples name what they read
final class TalkdeskSnippets {
  private TalkdeskSnippets() {}

  static TalkdeskClient configuration(String clientId, String clientSecret) {
    // README: talkdesk-configuration
    TalkdeskClient client =
        TalkdeskClient.builder()
            .region(TalkdeskClient.Region.EU) // US (default), EU or CA
            .account("acme") // names the token endpoint
            .clientCredentials(clientId, clientSecret) // or .accessToken(token)
            .scopes(TalkdeskClient.SCOPE_PRESENCE_USER_READ)
            .build();
    // README: end
    return client;
  }

  static void presence(TalkdeskClient client) {
    // README: talkdesk-presence
    Presence<TalkdeskPresence> presence = client.presence("61a4f2b9c3e8d5001a7b9c10");
    PresenceState state = presence.state(); // AVAILABLE, BUSY, AWAY, OFFLINE or UNKNOWN
    String status = presence.vendorStatus(); // "available", "away", "offline", "hidden", ...
    Optional<String> customStatus = presence.label(); // such as "Lunch"
    TalkdeskPresence detail = presence.detail();
    int occupancy = detail.occupancy(); // such as 200
    List<TalkdeskPresence.Interaction> interactions = detail.interactions(); // id, channel, cost
    List<TalkdeskPresence.Channel> channels = detail.channels(); // name, devices, occupancy
    // README: end
  }

  static void presences(TalkdeskClient client) {
    // README: talkdesk-presences
    PresenceBatch<TalkdeskPresence> batch = client.presences(List.of("u1", "u2", "u3"));
    List<Presence<TalkdeskPresence>> known = batch.presences(); // in request order
    Set<String> unknown = batch.unknownIds(); // the users Talkdesk answered 404 for
    // README: end
  }

  static void updateStatus(TalkdeskClient client, String customStatusId) {
    // README: talkdesk-update-status
    client.updateStatus("u1", TalkdeskStatus.AVAILABLE);
    client.updateStatus("u1", TalkdeskStatus.AWAY, customStatusId); // away, with a custom status
    // README: end
  }

  static void customStatuses(TalkdeskClient client) {
    // README: talkdesk-custom-statuses
    for (TalkdeskCustomStatus status : client.customStatuses()) {
      System.out.println(status.id() + " " + status.displayName().orElse(""));
    }
    // README: end
  }
}
