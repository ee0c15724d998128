package io.github.presencesdk.examples;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListingWindowExceededException;
import io.github.presencesdk.voipnow.VoipNowClient;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Lists the presence of the extensions of a VoipNow user, or reads the extensions named on the
 * command line.
 *
 * <pre>
 * VOIPNOW_BASE_URL=https://voipnow.example.com \
 * VOIPNOW_CLIENT_ID=... VOIPNOW_CLIENT_SECRET=... \
 *   java io.github.presencesdk.examples.VoipNowExample [--prefix 0003*2] [extension ...]
 * </pre>
 *
 * <p>Environment: {@code VOIPNOW_BASE_URL} (required); {@code VOIPNOW_ACCESS_TOKEN}, or {@code
 * VOIPNOW_CLIENT_ID} and {@code VOIPNOW_CLIENT_SECRET}; optionally {@code VOIPNOW_TOKEN_URL}
 * (default: {@code /oauth/token.php} on the same host).
 *
 * <p>Exit codes, as those of the {@code presence} tool: 2 usage error, 3 the vendor answered with
 * an error, 4 network failure.
 */
public final class VoipNowExample {
  private VoipNowExample() {}

  public static void main(String[] args) {
    String baseUrl = System.getenv("VOIPNOW_BASE_URL");
    String accessToken = System.getenv("VOIPNOW_ACCESS_TOKEN");
    String clientId = System.getenv("VOIPNOW_CLIENT_ID");
    String clientSecret = System.getenv("VOIPNOW_CLIENT_SECRET");
    String tokenUrl = System.getenv("VOIPNOW_TOKEN_URL");
    boolean hasToken = present(accessToken);
    boolean hasClientCredentials = present(clientId) && present(clientSecret);
    if (!present(baseUrl) || (!hasToken && !hasClientCredentials)) {
      System.err.println(
          """
          Usage: VoipNowExample [--prefix <extension prefix>] [extension ...]

          Lists the presence of your VoipNow extensions (all of them, or those starting with the
          prefix), or reads the extensions given, such as 0003*210.

          Environment:
            VOIPNOW_BASE_URL       your VoipNow host, such as https://voipnow.example.com (required)
            VOIPNOW_ACCESS_TOKEN   a bearer token, or instead:
            VOIPNOW_CLIENT_ID      the app's client id
            VOIPNOW_CLIENT_SECRET  the app's client secret
            VOIPNOW_TOKEN_URL      the token endpoint (default: /oauth/token.php on the host)""");
      System.exit(2);
      return;
    }

    VoipNowClient.Builder builder = VoipNowClient.builder().baseUrl(baseUrl);
    if (hasToken) {
      builder.accessToken(accessToken);
    } else {
      builder.clientCredentials(clientId, clientSecret);
      if (present(tokenUrl)) {
        builder.tokenUrl(tokenUrl);
      }
    }

    try (VoipNowClient client = builder.build()) {
      if (args.length >= 2 && args[0].equals("--prefix")) {
        list(client, ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, args[1]).build());
      } else if (args.length > 0) {
        read(client, args);
      } else {
        list(client, ListPresenceRequest.builder().build());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid argument: " + e.getMessage());
      System.exit(2);
    } catch (PresenceIoException e) {
      System.err.println("Could not reach VoipNow: " + e.getMessage());
      System.exit(4);
    } catch (PresenceException e) {
      System.err.println("VoipNow call failed: " + e.getMessage());
      System.exit(3);
    }
  }

  private static void list(VoipNowClient client, ListPresenceRequest request) {
    Map<PresenceState, Integer> counts = new EnumMap<>(PresenceState.class);
    try {
      // Pages of up to 5000 entries are fetched as the loop reaches them.
      for (ExtensionPresence entry : client.list(request)) {
        System.out.printf(
            "%-16s %-12s %-9s %d registration(s)%n",
            entry.extension(),
            entry.status(),
            entry.normalizedState(),
            entry.registrations().size());
        counts.merge(entry.normalizedState(), 1, Integer::sum);
      }
    } catch (ListingWindowExceededException e) {
      System.err.println(e.getMessage());
    }
    System.out.println("By state: " + counts);
  }

  private static void read(VoipNowClient client, String[] extensions) {
    PresenceBatch<ExtensionPresence> batch = client.presences(Arrays.asList(extensions));
    for (Presence<ExtensionPresence> presence : batch.presences()) {
      System.out.printf(
          "%-16s %-9s (VoipNow status %s)%n",
          presence.userId(), presence.state(), presence.vendorStatus());
    }
    for (String unknown : batch.unknownIds()) {
      System.out.printf("%-16s not found%n", unknown);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
