package io.github.presencesdk.examples;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskCustomStatus;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the presence of Talkdesk users, lists the account's custom statuses and, when asked,
 * changes the status of the first user.
 *
 * <p>Configuration comes from the environment; credentials are never printed:
 *
 * <ul>
 *   <li>{@code TALKDESK_REGION}: {@code us} (default), {@code eu} or {@code ca}
 *   <li>{@code TALKDESK_ACCOUNT}: the account name, which gives the token endpoint
 *   <li>{@code TALKDESK_CLIENT_ID}, {@code TALKDESK_CLIENT_SECRET}: OAuth2 client credentials
 *   <li>{@code TALKDESK_ACCESS_TOKEN}: a ready access token, used instead of client credentials
 *   <li>{@code TALKDESK_BASE_URL}, {@code TALKDESK_TOKEN_URL}: optional overrides of the region's
 *       API base URL and of the account's token endpoint
 * </ul>
 *
 * <p>Usage: {@code TalkdeskExample [--set-status=available|away|offline|hidden] <userId>...}
 *
 * <p>Exit codes, as those of the {@code presence} tool: 2 usage error, 3 the vendor answered with
 * an error, 4 network failure.
 */
public final class TalkdeskExample {
  private TalkdeskExample() {}

  public static void main(String[] args) {
    TalkdeskStatus newStatus = null;
    List<String> userIds = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--set-status=")) {
        newStatus = parseStatus(arg.substring("--set-status=".length()));
        if (newStatus == null) {
          usage("unknown status in " + arg);
        }
      } else if (arg.startsWith("--")) {
        usage("unknown option " + arg);
      } else {
        userIds.add(arg);
      }
    }
    if (userIds.isEmpty()) {
      usage("give at least one user id");
    }

    TalkdeskClient.Builder builder = TalkdeskClient.builder().region(region());
    String accessToken = env("TALKDESK_ACCESS_TOKEN");
    String clientId = env("TALKDESK_CLIENT_ID");
    String clientSecret = env("TALKDESK_CLIENT_SECRET");
    String account = env("TALKDESK_ACCOUNT");
    String tokenUrl = env("TALKDESK_TOKEN_URL");
    String baseUrl = env("TALKDESK_BASE_URL");
    if (accessToken != null) {
      builder.accessToken(accessToken);
    } else if (clientId != null && clientSecret != null && (account != null || tokenUrl != null)) {
      builder.clientCredentials(clientId, clientSecret);
      if (account != null) {
        builder.account(account);
      }
      if (tokenUrl != null) {
        builder.tokenUrl(tokenUrl);
      }
      // Ask for what this program uses; the API client must have been granted these scopes.
      builder.scopes(
          TalkdeskClient.SCOPE_PRESENCE_USER_READ,
          TalkdeskClient.SCOPE_ACCOUNT_CUSTOM_STATUS_READ,
          TalkdeskClient.SCOPE_PRESENCE_STATUS_WRITE);
    } else {
      usage(
          "set TALKDESK_ACCESS_TOKEN, or TALKDESK_CLIENT_ID and TALKDESK_CLIENT_SECRET with"
              + " TALKDESK_ACCOUNT (or TALKDESK_TOKEN_URL)");
    }
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }

    try (TalkdeskClient client = builder.build()) {
      // One user.
      Presence<TalkdeskPresence> first = client.presence(userIds.get(0));
      System.out.println("One user:");
      print(first);

      // Many users: one request per user, a few at a time.
      System.out.println("All users:");
      try {
        printBatch(client.presences(userIds));
      } catch (PartialFailureException e) {
        e.succeeded().presences().forEach(TalkdeskExample::print);
        e.failures()
            .forEach((id, failure) -> System.out.println("  " + id + ": " + failure.getMessage()));
      }

      // The account's custom statuses.
      System.out.println("Custom statuses:");
      for (TalkdeskCustomStatus status : client.customStatuses()) {
        System.out.println("  " + status.id() + "  " + status.displayName().orElse("(no name)"));
      }

      // Change the first user's status, only when asked to.
      if (newStatus != null) {
        Optional<Presence<TalkdeskPresence>> updated =
            client.updateStatus(userIds.get(0), newStatus);
        System.out.println("Status of " + userIds.get(0) + " set to " + newStatus.wireValue());
        updated.ifPresent(TalkdeskExample::print);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid argument: " + e.getMessage());
      System.exit(2);
    } catch (PresenceIoException e) {
      System.err.println("Could not reach Talkdesk: " + e.getMessage());
      System.exit(4);
    } catch (PresenceException e) {
      System.err.println("Talkdesk call failed: " + e.getMessage());
      System.exit(3);
    }
  }

  private static void printBatch(PresenceBatch<TalkdeskPresence> batch) {
    batch.presences().forEach(TalkdeskExample::print);
    for (String unknown : batch.unknownIds()) {
      System.out.println("  " + unknown + ": no such user");
    }
  }

  // Takes Presence<?> because PartialFailureException hands back an untyped batch.
  private static void print(Presence<?> presence) {
    String occupancy = "";
    if (presence.detail() instanceof TalkdeskPresence detail) {
      occupancy =
          ", occupancy "
              + detail.occupancy()
              + ", "
              + detail.interactions().size()
              + " interaction(s)";
    }
    System.out.printf(
        "  %s: %s (talkdesk status %s%s)%s, updated %s%n",
        presence.userId(),
        presence.state(),
        presence.vendorStatus(),
        presence.label().map(label -> ", \"" + label + "\"").orElse(""),
        occupancy,
        presence.updatedAt().map(Object::toString).orElse("(unknown)"));
  }

  private static TalkdeskClient.Region region() {
    String value = env("TALKDESK_REGION");
    if (value == null) {
      return TalkdeskClient.Region.US;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "us" -> TalkdeskClient.Region.US;
      case "eu" -> TalkdeskClient.Region.EU;
      case "ca" -> TalkdeskClient.Region.CA;
      default -> {
        usage("TALKDESK_REGION must be us, eu or ca");
        yield TalkdeskClient.Region.US;
      }
    };
  }

  private static @Nullable TalkdeskStatus parseStatus(String value) {
    TalkdeskStatus status = TalkdeskStatus.fromWireValue(value);
    return status.isWritable() ? status : null;
  }

  private static @Nullable String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: TalkdeskExample [--set-status=available|away|offline|hidden] <userId>...");
    System.err.println(
        "environment: TALKDESK_REGION (us|eu|ca), TALKDESK_ACCOUNT, TALKDESK_CLIENT_ID,"
            + " TALKDESK_CLIENT_SECRET, or TALKDESK_ACCESS_TOKEN;"
            + " optional TALKDESK_BASE_URL, TALKDESK_TOKEN_URL");
    System.exit(2);
  }
}
