package io.github.presencesdk.examples;

import io.github.presencesdk.Capability;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceState;
import java.util.List;

/**
 * The vendor-neutral usage example of docs/errors-and-retries.md, kept here so that the build
 * compiles it. It works with any vendor's client.
 */
public final class WallboardUsage {
  private WallboardUsage() {}

  // README: vendor-neutral
  /** Prints who is available; works with any vendor's client. */
  static void printAvailability(PresenceClient<?> client, List<String> agentIds) {
    try {
      PresenceBatch<?> batch = client.presences(agentIds); // one call, however many ids
      for (Presence<?> presence : batch.presences()) {
        System.out.printf(
            "%-40s %-9s (%s)%n", presence.userId(), presence.state(), presence.vendorStatus());
      }
      batch
          .unknownIds()
          .forEach(id -> System.out.println(id + " is not known to " + client.vendor()));
    } catch (PartialFailureException e) {
      // Nothing is lost: what was read is here, and every other id has its cause.
      System.out.println(
          e.succeeded().presences().size() + " read, " + e.failures().size() + " failed");
    }
    if (client.supports(Capability.SET_PRESENCE)) {
      System.out.println(client.vendor() + " also lets you set presence");
    }
  }

  /** Counts the agents that can take work now. */
  static long countAvailable(PresenceClient<?> client, List<String> agentIds) {
    return client.presences(agentIds).presences().stream()
        .filter(p -> p.state() == PresenceState.AVAILABLE)
        .count();
  }
  // README: end
}
