package com.example.consumer;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.testkit.VonageFake;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.ArrayList;
import java.util.List;

/** Real calls with the VCC client, over HTTP, against the testkit's VCC fake. */
public final class VonageCalls {
  private VonageCalls() {}

  public static void run() {
    try (VonageFake fake = VonageFake.demo();
        VonageClient client =
            VonageClient.builder()
                .baseUrl(fake.baseUrl().toString())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .scopes("users:read", "users:write")
                .build()) {
      List<String> ids = new ArrayList<>(fake.userIds());
      PresenceBatch<VonagePresence> batch = client.presences(ids);
      Check.that(batch.presences().size() == ids.size(),
          "every VCC agent read: " + batch.presences().size());
      Check.that(fake.requests().apiCalls().size() >= 3, "VCC requests sent: " + fake.requests().apiCalls().size());

      String first = ids.get(0);
      Presence<VonagePresence> set = client.setPresence(first, VonageFake.AWAY_PRESENCE_ID);
      Check.that(set.state() == PresenceState.AWAY, "VCC set presence answered " + set.state());
      Check.that(
          fake.currentPresenceId(first).equals(VonageFake.AWAY_PRESENCE_ID),
          "VCC fake holds the new presence");
      List<VonagePresence> definitions = client.presenceDefinitions();
      Check.that(!definitions.isEmpty(), "VCC presence definitions");
      System.out.println(
          "vonage: read "
              + batch.size()
              + " agents, set "
              + first
              + " to "
              + set.state()
              + ", "
              + definitions.size()
              + " presence definitions, "
              + fake.requests().apiCalls().size()
              + " HTTP requests");
    }
  }
}
