package io.github.presencesdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fake Talkdesk Presence API: user presence, status changes, the account's custom statuses and
 * the token endpoint, over an in-memory world of users.
 *
 * <p>Paths are those of the vendor, under {@link #baseUrl()}: {@code GET /users/{id}/presence},
 * {@code PUT /users/{id}/presence/status} with {@code {"status":...,"custom_status_id":...}},
 * {@code GET /account/custom-status}, and the token endpoint {@code POST /oauth/token}, which
 * requires the client credentials as HTTP Basic and grants the scopes asked for in the form field
 * {@code scope} (all three when absent). Checks run in this order:
 *
 * <ol>
 *   <li>unknown path: 404; known path with another method: 405 with {@code Allow};
 *   <li>no valid bearer token: 401 {@code {"code":"3900401","message":"Unauthorized"}};
 *   <li>the token lacks the operation's scope ({@code presence-user:read}, {@code
 *       presence-status:write}, {@code account-custom-status:read}): 403 {@code
 *       {"code":"3900403","message":"Forbidden","description":"Missing scope
 *       presence-user:read","fields":[]}};
 *   <li>an {@code Accept} header that allows neither {@code application/json} nor {@code *}{@code
 *       /*}: 406;
 *   <li>unknown user: 404 {@code {"code":"3900404","message":"User not found",...}};
 *   <li>{@code PUT} with a Content-Type other than JSON: 415; a body that is not JSON, a {@code
 *       status} other than {@code available}, {@code away}, {@code offline}, {@code hidden}, or an
 *       unknown {@code custom_status_id}: 400 with {@code fields:[{"name","description"}]}.
 * </ol>
 *
 * <p>A successful {@code PUT} answers 204, changes the world, gives the presence a new event {@code
 * id}, and sets {@code updated_at} to the fake's clock and {@code updated_by} to the client id. A
 * presence lists one device per user on the {@code voice} channel, a channel per other channel an
 * interaction is on, and {@code occupancy} as the sum of the interactions' costs (per channel and
 * in total).
 *
 * <p>Talkdesk documents the shape of its error bodies ({@code code}, {@code message}, {@code
 * description}, {@code fields}) but not the codes: the fake's codes ({@code "3900"} followed by the
 * status) are invented.
 *
 * <p>Thread-safe. Close it when done (it is {@link AutoCloseable}).
 */
public final class TalkdeskFake extends VendorFake {
  private static final String TOKEN_PATH = "/oauth/token";

  private final FakeServer server;
  private final TalkdeskApi api;

  private TalkdeskFake(Builder builder) {
    TokenIssuer tokens =
        new TokenIssuer(builder.settings, TokenIssuer.ClientAuth.BASIC_ONLY, TalkdeskApi.SCOPES);
    Instant now = tokens.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    List<TalkdeskApi.User> users = new ArrayList<>();
    for (UserSeed seed : builder.users.values()) {
      if (seed.customStatusId != null && !builder.customStatuses.containsKey(seed.customStatusId)) {
        throw new IllegalArgumentException(
            "customStatusId of user "
                + seed.userId
                + " is not a custom status: "
                + seed.customStatusId);
      }
      String device = "softphone-" + seed.userId.substring(Math.max(0, seed.userId.length() - 4));
      List<TalkdeskApi.Interaction> interactions = new ArrayList<>();
      for (InteractionSeed interaction : seed.interactions) {
        interactions.add(
            new TalkdeskApi.Interaction(
                interaction.id,
                interaction.channelName,
                interaction.channelName.equals("voice") ? device : null,
                interaction.cost));
      }
      users.add(
          new TalkdeskApi.User(
              seed.userId,
              java.util
                  .UUID
                  .nameUUIDFromBytes(seed.userId.getBytes(StandardCharsets.UTF_8))
                  .toString(),
              seed.status,
              seed.customStatusId,
              List.of(device),
              List.copyOf(interactions),
              seed.userId,
              seed.updated != null ? seed.updated : now));
    }
    this.api = new TalkdeskApi(builder.accountId, builder.customStatuses, users, tokens);
    this.server = new FakeServer(TOKEN_PATH, tokens, api);
  }

  /** Returns a builder with no users and no custom statuses. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a fake seeded with the demo world: 40 users with 24-hex-digit ids and mixed statuses,
   * ongoing interactions (voice, chat, email) on some, and four custom statuses, some of them set.
   */
  public static TalkdeskFake demo() {
    return builder().demoWorld().build();
  }

  @Override
  FakeServer server() {
    return server;
  }

  /** The account id every presence carries. */
  public String accountId() {
    return api.accountId();
  }

  /** The seeded users' ids, in seed order. */
  public List<String> userIds() {
    return api.userIds();
  }

  /** The custom status ids, in the order {@code GET /account/custom-status} lists them. */
  public List<String> customStatusIds() {
    return api.customStatusIds();
  }

  /**
   * A user's status now: {@code available}, {@code away}, {@code offline} or {@code hidden}.
   *
   * @throws IllegalArgumentException if {@code userId} is not a seeded user
   */
  public String status(String userId) {
    return api.user(Objects.requireNonNull(userId, "userId")).status();
  }

  /**
   * A user's custom status id now, or {@code null} when none is set.
   *
   * @throws IllegalArgumentException if {@code userId} is not a seeded user
   */
  public @Nullable String customStatusId(String userId) {
    return api.user(Objects.requireNonNull(userId, "userId")).customStatusId();
  }

  /**
   * Changes a user's status as if the user had done it: a new event id, {@code updated_by} the
   * user, {@code updated_at} the fake's clock.
   *
   * @throws IllegalArgumentException if the user or the custom status does not exist, or the status
   *     is not one of the four
   */
  public void setStatus(String userId, String status, @Nullable String customStatusId) {
    Objects.requireNonNull(userId, "userId");
    api.setStatus(userId, Objects.requireNonNull(status, "status"), customStatusId, userId);
  }

  private static final class InteractionSeed {
    final String id;
    final String channelName;
    final int cost;

    InteractionSeed(String id, String channelName, int cost) {
      this.id = id;
      this.channelName = channelName;
      this.cost = cost;
    }
  }

  private static final class UserSeed {
    final String userId;
    final String status;
    final @Nullable String customStatusId;
    final @Nullable Instant updated;
    final List<InteractionSeed> interactions = new ArrayList<>();

    UserSeed(
        String userId, String status, @Nullable String customStatusId, @Nullable Instant updated) {
      this.userId = userId;
      this.status = status;
      this.customStatusId = customStatusId;
      this.updated = updated;
    }
  }

  /**
   * Seeds the world and the settings of a {@link TalkdeskFake}. Adding a user again replaces the
   * earlier one (and its interactions). Not thread-safe.
   */
  public static final class Builder {
    private final TokenIssuer.Settings settings;
    private final Map<String, String> customStatuses = new LinkedHashMap<>();
    private final Map<String, UserSeed> users = new LinkedHashMap<>();
    private String accountId = "5f3c8e2a1b4d6f0012c3a9e7";

    private Builder() {
      settings = new TokenIssuer.Settings("tok-talkdesk-static-test", Duration.ofHours(1));
    }

    /** The client id the token endpoint accepts; default {@code test-client-id}. */
    public Builder clientId(String clientId) {
      settings.clientId(clientId);
      return this;
    }

    /**
     * The client secret the token endpoint accepts; default {@code test-client-s3cr3t}.
     *
     * <p>The default secrets follow a pattern that a test can scan its output and exceptions for:
     * the client secret holds {@code s3cr3t}, the static token and every token the endpoint issues
     * start with {@code tok-}. A test that sets its own may follow the same pattern.
     */
    public Builder clientSecret(String clientSecret) {
      settings.clientSecret(clientSecret);
      return this;
    }

    /**
     * The token the API accepts without the token endpoint; default {@code
     * tok-talkdesk-static-test}.
     */
    public Builder staticToken(String staticToken) {
      settings.staticToken(staticToken);
      return this;
    }

    /** How long issued tokens last ({@code expires_in}, whole seconds); default 1 hour. */
    public Builder tokenLifetime(Duration lifetime) {
      settings.lifetime(lifetime);
      return this;
    }

    /**
     * The clock for token expiry and for the times the fake sets ({@code updated_at}, {@code
     * updated}, registration expiry); default the system clock. A test moves a clock of its own to
     * expire tokens without waiting.
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** The account id every presence carries; default {@code 5f3c8e2a1b4d6f0012c3a9e7}. */
    public Builder accountId(String accountId) {
      this.accountId = HttpParts.requireText(accountId, "accountId");
      return this;
    }

    /** Adds a custom status of the account. */
    public Builder customStatus(String id, String displayName) {
      customStatuses.put(requireId(id, "id"), HttpParts.requireText(displayName, "displayName"));
      return this;
    }

    /** Adds a user with a status and no custom status, updated when the fake starts. */
    public Builder user(String userId, String status) {
      return user(userId, status, null);
    }

    /**
     * Adds a user.
     *
     * @param status {@code available}, {@code away}, {@code offline} or {@code hidden}
     * @param customStatusId a custom status added with {@link #customStatus} (before or after), or
     *     {@code null}
     */
    public Builder user(String userId, String status, @Nullable String customStatusId) {
      return user(userId, status, customStatusId, null);
    }

    private Builder user(
        String userId, String status, @Nullable String customStatusId, @Nullable Instant updated) {
      requireId(userId, "userId");
      Objects.requireNonNull(status, "status");
      if (!TalkdeskApi.STATUSES.contains(status)) {
        throw new IllegalArgumentException(
            "status must be one of " + TalkdeskApi.STATUSES + ": " + status);
      }
      users.put(userId, new UserSeed(userId, status, customStatusId, updated));
      return this;
    }

    /**
     * Adds an ongoing interaction to a user added before. An interaction on the {@code voice}
     * channel carries the user's device id; others carry none.
     *
     * @param cost how much of the user's capacity the interaction takes (0 or more)
     */
    public Builder interaction(String userId, String interactionId, String channelName, int cost) {
      UserSeed user = users.get(Objects.requireNonNull(userId, "userId"));
      if (user == null) {
        throw new IllegalArgumentException("userId must be added with user() first: " + userId);
      }
      if (cost < 0) {
        throw new IllegalArgumentException("cost must not be negative: " + cost);
      }
      user.interactions.add(
          new InteractionSeed(
              requireId(interactionId, "interactionId"),
              HttpParts.requireText(channelName, "channelName"),
              cost));
      return this;
    }

    /**
     * Adds the world of {@link TalkdeskFake#demo()} to this builder, so that a test can combine it
     * with settings of its own (a clock, credentials).
     */
    public Builder demoWorld() {
      customStatus("b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a", "Lunch");
      customStatus("0e9d8c7b-6a5f-4e3d-2c1b-a0f9e8d7c6b5", "Training");
      customStatus("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "Meeting");
      customStatus("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "Coaching");
      List<String> custom = new ArrayList<>(customStatuses.keySet());
      String[] cycle = {
        "available", "available", "away", "available", "offline",
        "available", "away", "hidden", "available", "offline"
      };
      Instant base = Instant.parse("2023-06-14T08:00:00.000Z");
      for (int i = 0; i < 40; i++) {
        String userId = String.format(Locale.ROOT, "61a4f2b9c3e8d5001a7b%04x", i);
        String status = cycle[i % cycle.length];
        String customId = status.equals("away") ? custom.get(i % custom.size()) : null;
        user(userId, status, customId, base.plus(Duration.ofSeconds(53L * i)));
        if (status.equals("available") && i % 3 == 0) {
          interaction(userId, String.format(Locale.ROOT, "call-%04d", i), "voice", 100);
        }
        if (status.equals("available") && i % 4 == 1) {
          interaction(userId, String.format(Locale.ROOT, "chat-%04d-a", i), "chat", 50);
          interaction(userId, String.format(Locale.ROOT, "chat-%04d-b", i), "chat", 50);
        }
        if (status.equals("available") && i % 5 == 3) {
          interaction(userId, String.format(Locale.ROOT, "email-%04d", i), "email", 25);
        }
      }
      return this;
    }

    /** Starts the fake on a free loopback port. */
    public TalkdeskFake build() {
      return new TalkdeskFake(this);
    }

    private static String requireId(@Nullable String value, String name) {
      String text = HttpParts.requireText(value, name);
      if (text.contains("/")) {
        throw new IllegalArgumentException(name + " must not contain '/': " + text);
      }
      return text;
    }
  }
}
