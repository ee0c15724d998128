package io.github.presencesdk.testkit;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The Talkdesk Presence API over an in-memory world. Thread-safe. */
final class TalkdeskApi implements FakeServer.Api {
  static final String SCOPE_READ = "presence-user:read";
  static final String SCOPE_WRITE = "presence-status:write";
  static final String SCOPE_CUSTOM = "account-custom-status:read";
  static final Set<String> SCOPES = Set.of(SCOPE_READ, SCOPE_WRITE, SCOPE_CUSTOM);
  static final List<String> STATUSES = List.of("available", "away", "offline", "hidden");

  /** An ongoing interaction. */
  record Interaction(String id, String channelName, @Nullable String deviceId, int cost) {}

  /** One user's presence; replaced as a whole when it changes. */
  record User(
      String userId,
      String eventId,
      String status,
      @Nullable String customStatusId,
      List<String> devices,
      List<Interaction> interactions,
      String updatedBy,
      Instant updatedAt) {
    User withStatus(String newStatus, @Nullable String newCustomStatusId, String by, Instant at) {
      return new User(
          userId,
          UUID.randomUUID().toString(),
          newStatus,
          newCustomStatusId,
          devices,
          interactions,
          by,
          at);
    }
  }

  private final String accountId;
  private final Map<String, String> customStatuses; // id to display name, in seed order
  private final List<String> userIds;
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final TokenIssuer tokens;
  private final Clock clock;

  TalkdeskApi(
      String accountId, Map<String, String> customStatuses, List<User> users, TokenIssuer tokens) {
    this.accountId = accountId;
    this.customStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(customStatuses));
    List<String> order = new ArrayList<>();
    for (User user : users) {
      order.add(user.userId());
      this.users.put(user.userId(), user);
    }
    this.userIds = List.copyOf(order);
    this.tokens = tokens;
    this.clock = tokens.clock();
  }

  String accountId() {
    return accountId;
  }

  List<String> userIds() {
    return userIds;
  }

  List<String> customStatusIds() {
    return List.copyOf(customStatuses.keySet());
  }

  User user(String userId) {
    User user = users.get(userId);
    if (user == null) {
      throw new IllegalArgumentException("userId is not a user of this fake: " + userId);
    }
    return user;
  }

  void setStatus(String userId, String status, @Nullable String customStatusId, String by) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + STATUSES + ": " + status);
    }
    if (customStatusId != null && !customStatuses.containsKey(customStatusId)) {
      throw new IllegalArgumentException(
          "customStatusId is not a custom status: " + customStatusId);
    }
    user(userId);
    Instant now = clock.instant();
    users.computeIfPresent(userId, (k, user) -> user.withStatus(status, customStatusId, by, now));
  }

  // ---- routing ------------------------------------------------------------------------------

  @Override
  public Answer answer(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    String method = request.getMethod();
    String allowed;
    String scope;
    if (segments.size() == 3
        && segments.get(0).equals("users")
        && segments.get(2).equals("presence")) {
      allowed = "GET";
      scope = SCOPE_READ;
    } else if (segments.size() == 4
        && segments.get(0).equals("users")
        && segments.get(2).equals("presence")
        && segments.get(3).equals("status")) {
      allowed = "PUT";
      scope = SCOPE_WRITE;
    } else if (segments.equals(List.of("account", "custom-status"))) {
      allowed = "GET";
      scope = SCOPE_CUSTOM;
    } else {
      return error(404, "Not found", "No resource at " + request.getUrl().encodedPath(), null);
    }
    if (!method.equals(allowed)) {
      return error(405, "Method not allowed", "Use " + allowed, null).withHeader("Allow", allowed);
    }
    TokenIssuer.Grant grant = tokens.authorize(request.getHeaders().get("Authorization"));
    if (grant == null) {
      return Answer.json(
              401,
              JsonText.write(
                  writer -> {
                    writer.beginObject();
                    writer.name("code").value(code(401));
                    writer.name("message").value("Unauthorized");
                    writer.endObject();
                  }))
          .withHeader("WWW-Authenticate", "Bearer");
    }
    if (!grant.scopes().contains(scope)) {
      return error(403, "Forbidden", "Missing scope " + scope, null);
    }
    if (!acceptsJson(request)) {
      return error(
          406, "Not acceptable", "The only media type available is application/json", null);
    }
    if (allowed.equals("GET") && segments.get(0).equals("account")) {
      return Answer.json(200, JsonText.write(this::writeCustomStatuses));
    }
    String userId = segments.get(1);
    User user = users.get(userId);
    if (user == null) {
      return error(404, "User not found", "No user with id " + userId + " in the account", null);
    }
    return method.equals("GET")
        ? Answer.json(200, presence(request.getUrl(), user))
        : put(request, userId);
  }

  private static boolean acceptsJson(RecordedRequest request) {
    List<String> types = HttpParts.acceptedTypes(request);
    if (types.isEmpty()) {
      return true;
    }
    for (String type : types) {
      if (type.equals("application/json")
          || type.equals("application/*")
          || type.equals("*/*")
          || type.equals("application/hal+json")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> ids(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    if (segments.size() >= 3 && segments.get(0).equals("users")) {
      return List.of(segments.get(1));
    }
    return List.of();
  }

  @Override
  public Answer failure(int status) {
    String message =
        switch (status) {
          case 429 -> "Too many requests";
          case 500 -> "Internal server error";
          case 502 -> "Bad gateway";
          case 503 -> "Service unavailable";
          case 504 -> "Gateway timeout";
          default -> "Server error";
        };
    return error(status, message, null, null);
  }

  // ---- operations ---------------------------------------------------------------------------

  private Answer put(RecordedRequest request, String userId) {
    if (!HttpParts.isJson(request.getHeaders().get("Content-Type"))) {
      return error(415, "Unsupported media type", "The body must be application/json", null);
    }
    Map<?, ?> body;
    try {
      body = JsonText.readObject(HttpParts.body(request));
    } catch (JsonText.BadJson e) {
      return error(400, "Bad request", "The request body is not valid JSON", null);
    }
    Object status = body.get("status");
    if (status == null) {
      return error(
          400, "Bad request", "The request body is invalid", field("status", "is required"));
    }
    if (!(status instanceof String text) || !STATUSES.contains(text)) {
      return error(
          400,
          "Bad request",
          "The request body is invalid",
          field("status", "must be one of " + String.join(", ", STATUSES)));
    }
    Object custom = body.get("custom_status_id");
    if (custom != null && !(custom instanceof String id && customStatuses.containsKey(id))) {
      return error(
          400,
          "Bad request",
          "The request body is invalid",
          field("custom_status_id", "does not match a custom status of the account"));
    }
    String customId = custom == null ? null : (String) custom;
    Instant now = clock.instant();
    users.computeIfPresent(
        userId, (k, user) -> user.withStatus(text, customId, tokens.clientId(), now));
    return Answer.noContent();
  }

  private String presence(HttpUrl requestUrl, User user) {
    HttpUrl self =
        requestUrl
            .newBuilder()
            .query(null)
            .encodedPath("/")
            .addPathSegment("users")
            .addPathSegment(user.userId())
            .addPathSegment("presence")
            .build();
    return JsonText.write(
        writer -> {
          writer.beginObject();
          writer.name("id").value(user.eventId());
          writer.name("user_id").value(user.userId());
          writer.name("account_id").value(accountId);
          writer.name("status").value(user.status());
          String customId = user.customStatusId();
          writer
              .name("custom_status")
              .value(customId == null ? null : customStatuses.get(customId));
          writer.name("custom_status_id").value(customId);
          writer.name("occupancy").value(occupancy(user, null));
          writeChannels(writer, user);
          writer.name("devices").beginArray();
          for (String device : user.devices()) {
            writer.beginObject().name("id").value(device).endObject();
          }
          writer.endArray();
          writer.name("interactions").beginArray();
          for (Interaction interaction : user.interactions()) {
            writer.beginObject();
            writer.name("id").value(interaction.id());
            writer.name("channel_name").value(interaction.channelName());
            if (interaction.deviceId() != null) {
              writer.name("device_id").value(interaction.deviceId());
            }
            writer.name("cost").value(interaction.cost());
            writer.endObject();
          }
          writer.endArray();
          writer.name("updated_by").value(user.updatedBy());
          writer.name("updated_at").value(JsonText.millis(user.updatedAt()));
          writer.name("_links").beginObject();
          writer.name("self").beginObject().name("href").value(self.toString()).endObject();
          writer.endObject();
          writer.endObject();
        });
  }

  /** The sum of the costs of the user's interactions, on one channel or on all. */
  private static int occupancy(User user, @Nullable String channel) {
    int sum = 0;
    for (Interaction interaction : user.interactions()) {
      if (channel == null || interaction.channelName().equals(channel)) {
        sum += interaction.cost();
      }
    }
    return sum;
  }

  /** The voice channel holds the user's devices; every other channel comes from interactions. */
  private static void writeChannels(JsonWriter writer, User user) throws IOException {
    List<String> channels = new ArrayList<>();
    channels.add("voice");
    for (Interaction interaction : user.interactions()) {
      if (!channels.contains(interaction.channelName())) {
        channels.add(interaction.channelName());
      }
    }
    writer.name("channels").beginArray();
    for (String channel : channels) {
      writer.beginObject();
      writer.name("name").value(channel);
      writer.name("devices").beginArray();
      if (channel.equals("voice")) {
        for (String device : user.devices()) {
          writer.value(device);
        }
      }
      writer.endArray();
      writer.name("occupancy").value(occupancy(user, channel));
      writer.endObject();
    }
    writer.endArray();
  }

  private void writeCustomStatuses(JsonWriter writer) throws IOException {
    writer.beginObject();
    writer.name("custom_status").beginArray();
    for (Map.Entry<String, String> entry : customStatuses.entrySet()) {
      writer.beginObject();
      writer.name("id").value(entry.getKey());
      writer.name("display_name").value(entry.getValue());
      writer.endObject();
    }
    writer.endArray();
    writer.endObject();
  }

  // ---- error bodies -------------------------------------------------------------------------

  /** The fake's error code for a status; Talkdesk does not document its codes. */
  static String code(int status) {
    return "3900" + status;
  }

  private static String[] field(String name, String description) {
    return new String[] {name, description};
  }

  static Answer error(
      int status, String message, @Nullable String description, String @Nullable [] field) {
    return Answer.json(
        status,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("code").value(code(status));
              writer.name("message").value(message);
              if (description != null) {
                writer.name("description").value(description);
              }
              writer.name("fields").beginArray();
              if (field != null) {
                writer.beginObject();
                writer.name("name").value(field[0]);
                writer.name("description").value(field[1]);
                writer.endObject();
              }
              writer.endArray();
              writer.endObject();
            }));
  }
}
