package io.github.presencesdk.examples.readme;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.List;

/** The quick start of the README. */
final class QuickStartSnippets {
  private QuickStartSnippets() {}

  static void quickStart(List<String> agentIds) {
    // README: quick-start
    try (VonageClient client =
        VonageClient.fromEnv() // VONAGE_REGION, VONAGE_CLIENT_ID, VONAGE_CLIENT_SECRET
            .scopes("users:read")
            .build()) {
      PresenceBatch<VonagePresence> batch = client.presences(agentIds); // 50 ids per request
      for (Presence<VonagePresence> p : batch.presences()) {
        System.out.println(p.userId() + " " + p.state() + " " + p.vendorStatus());
      }
      batch.unknownIds().forEach(id -> System.out.println(id + " is not known to VCC"));
    }
    // README: end
  }
}
