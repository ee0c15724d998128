package com.example.consumer;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.testkit.TalkdeskFake;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Real calls with the Talkdesk client, over HTTP, against the testkit's Talkdesk fake. */
public final class TalkdeskCalls {
  private TalkdeskCalls() {}

  public static void run() {
    try (TalkdeskFake fake = TalkdeskFake.demo();
        TalkdeskClient client =
            TalkdeskClient.builder()
                .baseUrl(fake.baseUrl().toString())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .scopes(
                    TalkdeskClient.SCOPE_PRESENCE_USER_READ,
                    TalkdeskClient.SCOPE_PRESENCE_STATUS_WRITE)
                .build()) {
      List<String> ids = new ArrayList<>(fake.userIds().subList(0, 5));
      ids.add("000000000000000000000000");
      PresenceBatch<TalkdeskPresence> batch = client.presences(ids);
      Check.that(batch.presences().size() == 5, "five Talkdesk users read: " + batch.presences().size());
      Check.that(
          batch.unknownIds().contains("000000000000000000000000"), "the unknown id reported");

      String first = ids.get(0);
      Optional<Presence<TalkdeskPresence>> updated =
          client.updateStatus(first, TalkdeskStatus.AWAY);
      Check.that(fake.status(first).equals("away"), "Talkdesk fake holds the new status");
      System.out.println(
          "talkdesk: read "
              + batch.presences().size()
              + " users, unknown "
              + batch.unknownIds()
              + ", set "
              + first
              + " away"
              + updated.map(p -> " (" + p.state() + ")").orElse("")
              + ", "
              + fake.requests().apiCalls().size()
              + " HTTP requests");
    }
  }
}
