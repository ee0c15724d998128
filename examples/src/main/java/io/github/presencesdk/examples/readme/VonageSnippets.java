package io.github.presencesdk.examples.readme;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.vonage.AvailabilitySummary;
import io.github.presencesdk.vonage.AvailabilitySummaryRequest;
import io.github.presencesdk.vonage.Liveness;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.List;

/** The Vonage Contact Center examples of docs/vonage.md. */
@SuppressWarnings("UnusedVariable") // the examples name what they read
final class VonageSnippets {
  private VonageSnippets() {}

  static VonageClient configuration(String clientId, String clientSecret) {
    // README: vonage-configuration
    VonageClient vcc =
        VonageClient.builder()
            .region(VonageClient.Region.EMEA) // EMEA, NAM or APAC
            .clientCredentials(clientId, clientSecret)
            .scopes("users:read", "users:write") // sent space-separated
            .build();
    // README: end
    return vcc;
  }

  static VonageClient.Builder hosts() {
    // README: vonage-hosts
    VonageClient.Builder builder =
        VonageClient.builder().region(VonageClient.Region.NAM).hosts(VonageClient.Hosts.VONAGE);
    // README: end
    return builder;
  }

  static VonageClient baseUrl(String clientId, String clientSecret) {
    // README: vonage-base-url
    VonageClient vcc =
        VonageClient.builder()
            .baseUrl("https://apac.api.cc.vonage.com") // its token URL is derived from it
            .clientCredentials(clientId, clientSecret)
            .build();
    // README: end
    return vcc;
  }

  static void presences(VonageClient vcc) {
    // README: vonage-presences
    PresenceBatch<VonagePresence> batch =
        vcc.presences(
            List.of(
                "daab05ec-ba50-45af-a6fd-3b01cdc6f39b", "c07da2cc-7a64-476e-aa95-be7042332a95"));
    for (Presence<VonagePresence> p : batch.presences()) {
      System.out.println(p.userId() + " " + p.state() + " " + p.label().orElse(""));
    }
    batch.unknownIds().forEach(id -> System.out.println(id + " is not known to VCC"));
    // README: end
  }

  static void presence(VonageClient vcc) {
    // README: vonage-presence
    Presence<VonagePresence> p = vcc.presence("daab05ec-ba50-45af-a6fd-3b01cdc6f39b");
    VonagePresence detail = p.detail(); // typed: no cast
    System.out.println(
        detail.description().orElse("") + " (" + detail.category().rawCategoryType() + ")");
    // README: end
  }

  static void setPresence(VonageClient vcc) {
    // README: vonage-set-presence
    Presence<VonagePresence> updated =
        vcc.setPresence(
            "daab05ec-ba50-45af-a6fd-3b01cdc6f39b", "eaed6862-14fa-4114-be62-b8709b5d4a49");
    // README: end
  }

  static void definitions(VonageClient vcc) {
    // README: vonage-definitions
    for (VonagePresence d : vcc.presenceDefinitions()) {
      System.out.printf(
          "%s %-15s %-13s %s%s%n",
          d.presenceId(),
          d.description().orElse(""),
          d.category().categoryType(), // READY, AWAY, EXTENDED_AWAY, LOGGED_OUT or UNKNOWN
          d.category().subCategory().orElse("-"),
          d.selectable() ? "" : " (not selectable)");
    }
    // README: end
  }

  static void availability(VonageClient vcc) {
    // README: vonage-availability
    AvailabilitySummary summary =
        vcc.availabilitySummary(
            AvailabilitySummaryRequest.builder()
                .skillGuids("457857dc-19eb-4eb9-b562-c90ca37de447")
                .queueGuids("ba06533c-fe7b-49a3-b868-886086fd001d")
                .liveness(Liveness.SEMILIVE)
                .build());
    System.out.println(summary.ready() + " ready, " + summary.available() + " available");
    // README: end
  }
}
