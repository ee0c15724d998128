package io.github.presencesdk.examples;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the presence of Vonage Contact Center agents, lists the account's presence definitions and,
 * when asked, sets the first agent's presence.
 *
 * <pre>
 * VONAGE_CLIENT_ID=... VONAGE_CLIENT_SECRET=... VONAGE_REGION=emea \
 *   java io.github.presencesdk.examples.VonageExample [--set PRESENCE_ID] USER_ID...
 * </pre>
 *
 * <p>Environment:
 *
 * <ul>
 *   <li>{@code VONAGE_CLIENT_ID}, {@code VONAGE_CLIENT_SECRET}: the API credentials (or {@code
 *       VONAGE_ACCESS_TOKEN}: a token obtained elsewhere, used instead of them);
 *   <li>{@code VONAGE_REGION}: {@code emea}, {@code nam} or {@code apac};
 *   <li>{@code VONAGE_BASE_URL}, {@code VONAGE_TOKEN_URL} (optional): other hosts, such as {@code
 *       https://emea.api.cc.vonage.com} and {@code https://emea.cc.vonage.com/Auth/connect/token}.
 * </ul>
 *
 * <p>The credentials need the scope {@code users:read}, and {@code users:write} for {@code --set}.
 * They are never printed.
 *
 * <p>Exit codes, as those of the {@code presence} tool: 2 usage error, 3 the vendor answered with
 * an error, 4 network failure.
 */
public final class VonageExample {
  private VonageExample() {}

  public static void main(String[] args) {
    String clientId = env("VONAGE_CLIENT_ID");
    String clientSecret = env("VONAGE_CLIENT_SECRET");
    String accessToken = env("VONAGE_ACCESS_TOKEN");
    String region = env("VONAGE_REGION");
    String baseUrl = env("VONAGE_BASE_URL");
    String tokenUrl = env("VONAGE_TOKEN_URL");

    @Nullable String presenceToSet = null;
    List<String> userIds = new ArrayList<>(Arrays.asList(args));
    if (userIds.size() >= 2 && userIds.get(0).equals("--set")) {
      presenceToSet = userIds.get(1);
      userIds = userIds.subList(2, userIds.size());
    }
    if ((region == null && baseUrl == null) || userIds.isEmpty()) {
      usage();
      System.exit(2);
      return;
    }

    VonageClient.Builder builder = VonageClient.builder();
    if (accessToken != null) {
      builder.accessToken(accessToken);
    } else if (clientId != null && clientSecret != null) {
      builder
          .clientCredentials(clientId, clientSecret)
          .scopes(
              presenceToSet == null ? List.of("users:read") : List.of("users:read", "users:write"));
    } else {
      usage();
      System.exit(2);
      return;
    }
    try {
      if (region != null) {
        builder.region(VonageClient.Region.of(region));
      }
      if (baseUrl != null) {
        builder.baseUrl(baseUrl);
      }
      if (tokenUrl != null) {
        builder.tokenUrl(tokenUrl);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    try (VonageClient vcc = builder.build()) {
      printPresences(vcc, userIds);

      System.out.println();
      System.out.println("Presence definitions:");
      for (VonagePresence definition : vcc.presenceDefinitions()) {
        System.out.printf(
            "  %s  %-24s %-13s%s%n",
            definition.presenceId(),
            definition.description().orElse("(no description)"),
            definition.category().rawCategoryType(),
            definition.selectable() ? "" : "  (not selectable)");
      }

      if (presenceToSet != null) {
        Presence<VonagePresence> updated = vcc.setPresence(userIds.get(0), presenceToSet);
        System.out.println();
        System.out.println("Set " + updated.userId() + " to:");
        print(updated);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid argument: " + e.getMessage());
      System.exit(2);
    } catch (PresenceIoException e) {
      System.err.println("Could not reach VCC: " + e.getMessage());
      System.exit(4);
    } catch (PresenceException e) {
      System.err.println("VCC call failed: " + e.getMessage());
      System.exit(3);
    }
  }

  private static void printPresences(VonageClient vcc, List<String> userIds) {
    PresenceBatch<VonagePresence> batch;
    try {
      batch = vcc.presences(userIds);
    } catch (PartialFailureException e) {
      e.failures().forEach((id, failure) -> System.err.println(id + ": " + failure.getMessage()));
      @SuppressWarnings("unchecked")
      PresenceBatch<VonagePresence> succeeded = (PresenceBatch<VonagePresence>) e.succeeded();
      batch = succeeded;
    }
    System.out.println("Presences:");
    for (Presence<VonagePresence> presence : batch.presences()) {
      print(presence);
    }
    for (String unknown : batch.unknownIds()) {
      System.out.println("  " + unknown + "  (not known to VCC)");
    }
  }

  private static void print(Presence<VonagePresence> presence) {
    System.out.printf(
        "  %s  %-9s %-13s %-24s since %s%n",
        presence.userId(),
        presence.state(),
        presence.vendorStatus(),
        presence.label().orElse(""),
        presence.updatedAt().map(Object::toString).orElse("?"));
  }

  private static @Nullable String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void usage() {
    System.err.println(
        String.join(
            System.lineSeparator(),
            "Usage: VonageExample [--set PRESENCE_ID] USER_ID...",
            "",
            "Environment:",
            "  VONAGE_CLIENT_ID, VONAGE_CLIENT_SECRET  API credentials (scope users:read;",
            "                                          users:write for --set)",
            "  VONAGE_ACCESS_TOKEN                     a token to use instead of the credentials",
            "  VONAGE_REGION                           emea, nam or apac",
            "  VONAGE_BASE_URL, VONAGE_TOKEN_URL       optional: other hosts, for example",
            "                                          https://emea.api.cc.vonage.com"));
  }
}
