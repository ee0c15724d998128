package io.github.presencesdk.testkit;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The VCC Agents and Agent Availability APIs over an in-memory world. Thread-safe. */
final class VonageApi implements FakeServer.Api {
  static final String ACCEPT = "application/vnd.newvoicemedia.v1+json";
  static final int MAX_USERS_PER_QUERY = 50;

  static final String USERS_READ = "users:read";
  static final String USERS_WRITE = "users:write";
  static final String SELF_READ = "self:read";
  static final String SELF_WRITE = "self:write";
  static final String ADMIN_READ = "admin:read";
  static final String AVAILABILITY_READ = "agents-availability:read";

  /** Every scope VCC's token endpoint knows. */
  static final Set<String> SCOPES =
      Set.of(USERS_READ, USERS_WRITE, SELF_READ, SELF_WRITE, ADMIN_READ, AVAILABILITY_READ);

  private static final Pattern VERSIONED =
      Pattern.compile("application/vnd\\.newvoicemedia\\.v([^+]*)\\+json");
  private static final Set<String> LIVENESS = Set.of("live", "semilive", "nonlive");

  /** A presence definition. */
  record Definition(
      String presenceId,
      String description,
      String categoryType,
      String categoryDescription,
      @Nullable String subCategory,
      boolean selectable) {}

  /** One agent's state; replaced as a whole when the presence changes. */
  record Agent(
      String userId,
      String presenceId,
      Instant updated,
      Set<String> skills,
      Set<String> groups,
      Set<String> queues,
      boolean busy) {
    Agent withPresence(String newPresenceId, Instant now) {
      return new Agent(userId, newPresenceId, now, skills, groups, queues, busy);
    }
  }

  /** The four category types the availability summary counts. */
  private enum Category {
    Ready,
    Away,
    ExtendedAway,
    LoggedOut
  }

  private final Map<String, Definition> definitions; // by lower-case id, in seed order
  private final List<String> userIds; // seed order, as seeded
  private final Map<String, Agent> agents = new ConcurrentHashMap<>(); // by lower-case id
  private final TokenIssuer tokens;
  private final Clock clock;

  VonageApi(List<Definition> definitions, List<Agent> agents, TokenIssuer tokens) {
    Map<String, Definition> byId = new LinkedHashMap<>();
    for (Definition definition : definitions) {
      byId.put(key(definition.presenceId()), definition);
    }
    this.definitions = Collections.unmodifiableMap(byId);
    List<String> order = new ArrayList<>();
    for (Agent agent : agents) {
      order.add(agent.userId());
      this.agents.put(key(agent.userId()), agent);
    }
    this.userIds = List.copyOf(order);
    this.tokens = tokens;
    this.clock = tokens.clock();
  }

  private static String key(String guid) {
    return guid.toLowerCase(Locale.ROOT);
  }

  List<String> userIds() {
    return userIds;
  }

  List<String> presenceIds() {
    return definitions.values().stream().map(Definition::presenceId).toList();
  }

  Set<String> tags(Function<Agent, Set<String>> field) {
    Set<String> all = new TreeSet<>();
    for (String id : userIds) {
      all.addAll(field.apply(agent(id)));
    }
    return Collections.unmodifiableSet(all);
  }

  private Agent agent(String userId) {
    Agent agent = agents.get(key(userId));
    if (agent == null) {
      throw new IllegalArgumentException("userId is not an agent of this fake: " + userId);
    }
    return agent;
  }

  String currentPresenceId(String userId) {
    return agent(userId).presenceId();
  }

  void setPresence(String userId, String presenceId) {
    Definition definition = definitions.get(key(presenceId));
    if (definition == null) {
      throw new IllegalArgumentException("presenceId is not a presence definition: " + presenceId);
    }
    agent(userId);
    Instant now = clock.instant();
    agents.computeIfPresent(
        key(userId), (k, agent) -> agent.withPresence(definition.presenceId(), now));
  }

  // ---- routing ------------------------------------------------------------------------------

  @Override
  public Answer answer(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    String method = request.getMethod();
    String allowed;
    // The scopes that grant the operation, any one of them.
    List<String> scopes;
    if (is(segments, "agents", "presences", "users")) {
      allowed = "GET";
      scopes = List.of(USERS_READ, USERS_WRITE);
    } else if (is(segments, "agents", "presence-definitions")) {
      allowed = "GET";
      scopes = List.of(USERS_READ, USERS_WRITE, SELF_READ, SELF_WRITE, ADMIN_READ);
    } else if (segments.size() == 3
        && segments.get(0).equalsIgnoreCase("agents")
        && segments.get(2).equalsIgnoreCase("presence")) {
      allowed = "GET, PATCH";
      scopes =
          method.equals("PATCH")
              ? List.of(USERS_WRITE, SELF_WRITE)
              : List.of(USERS_READ, USERS_WRITE, SELF_READ, SELF_WRITE);
    } else if (is(segments, "agents-availability")) {
      allowed = "POST";
      scopes = List.of(AVAILABILITY_READ);
    } else {
      return message(
          404,
          "No HTTP resource was found that matches the request URI '" + request.getUrl() + "'.");
    }
    if (!List.of(allowed.split(", ")).contains(method)) {
      return message(405, "The requested resource does not support http method '" + method + "'.")
          .withHeader("Allow", allowed);
    }
    Answer versionProblem = checkVersion(request);
    if (versionProblem != null) {
      return versionProblem;
    }
    TokenIssuer.Grant grant = tokens.authorize(request.getHeaders().get("Authorization"));
    if (grant == null) {
      return message(401, "Authorization has been denied for this request.")
          .withHeader("WWW-Authenticate", "Bearer");
    }
    if (scopes.stream().noneMatch(grant.scopes()::contains)) {
      return message(
          403,
          "The access token lacks the scope "
              + method
              + " "
              + request.getUrl().encodedPath()
              + " needs: one of "
              + String.join(", ", scopes)
              + ".");
    }
    if (is(segments, "agents", "presences", "users")) {
      return presences(request.getUrl());
    }
    if (is(segments, "agents", "presence-definitions")) {
      return Answer.json(200, JsonText.write(this::writeDefinitions));
    }
    if (is(segments, "agents-availability")) {
      return availability(request);
    }
    String userId = segments.get(1);
    return method.equals("GET") ? presence(userId) : setPresence(userId, request);
  }

  private static boolean is(List<String> segments, String... expected) {
    if (segments.size() != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!segments.get(i).equalsIgnoreCase(expected[i])) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Answer checkVersion(RecordedRequest request) {
    String unsupported = null;
    for (String type : HttpParts.acceptedTypes(request)) {
      Matcher matcher = VERSIONED.matcher(type);
      if (matcher.matches()) {
        if (matcher.group(1).equals("1")) {
          return null;
        }
        unsupported = matcher.group(1);
      }
    }
    if (unsupported == null) {
      return versionError(
          "ApiVersionUnspecified", "An API version is required, but was not specified.");
    }
    return versionError(
        "UnsupportedApiVersion",
        "The HTTP resource that matches the request URI '"
            + request.getUrl()
            + "' does not support the API version '"
            + unsupported
            + "'.");
  }

  @Override
  public List<String> ids(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    if (is(segments, "agents", "presences", "users")) {
      return requestedUserIds(request.getUrl());
    }
    if (segments.size() == 3
        && segments.get(0).equalsIgnoreCase("agents")
        && segments.get(2).equalsIgnoreCase("presence")) {
      return List.of(segments.get(1));
    }
    return List.of();
  }

  @Override
  public Answer failure(int status) {
    return status == 429
        ? message(429, "Too many requests. Retry later.")
        : message(status, "An error has occurred.");
  }

  // ---- operations ---------------------------------------------------------------------------

  private static List<String> requestedUserIds(HttpUrl url) {
    List<String> ids = new ArrayList<>();
    for (String name : url.queryParameterNames()) {
      if (!name.equalsIgnoreCase("userId")) {
        continue;
      }
      for (String value : url.queryParameterValues(name)) {
        if (value == null) {
          continue;
        }
        for (String id : value.split(",", -1)) {
          if (!id.isBlank()) {
            ids.add(id.trim());
          }
        }
      }
    }
    return ids;
  }

  private Answer presences(HttpUrl url) {
    List<String> ids = requestedUserIds(url);
    if (ids.isEmpty()) {
      return validation("The userId field is required.", "userId");
    }
    if (ids.size() > MAX_USERS_PER_QUERY) {
      return Answer.json(
          400,
          JsonText.write(
              writer -> {
                writer.beginObject();
                writer.name("status").value(400);
                writer.name("title").value("Query limit");
                writer
                    .name("detail")
                    .value(
                        "Request exceeded maximum number for users of "
                            + MAX_USERS_PER_QUERY
                            + " in one query.");
                writer.endObject();
              }));
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      if (!HttpParts.isGuid(id)) {
        return invalidRequest();
      }
      unique.add(key(id));
    }
    List<Agent> found = new ArrayList<>();
    for (String id : unique) {
      Agent agent = agents.get(id);
      if (agent != null) {
        found.add(agent);
      }
    }
    return Answer.json(
        200,
        JsonText.write(
            writer -> {
              writer.beginArray();
              for (Agent agent : found) {
                writePresence(writer, agent);
              }
              writer.endArray();
            }));
  }

  private Answer presence(String userId) {
    if (!HttpParts.isGuid(userId)) {
      return invalidRequest();
    }
    Agent agent = agents.get(key(userId));
    if (agent == null) {
      return userNotFound();
    }
    return Answer.json(200, JsonText.write(writer -> writePresence(writer, agent)));
  }

  private Answer setPresence(String userId, RecordedRequest request) {
    if (!HttpParts.isGuid(userId)) {
      return invalidRequest();
    }
    String contentType = request.getHeaders().get("Content-Type");
    if (!HttpParts.isJson(contentType)) {
      return unsupportedMediaType(contentType);
    }
    Map<?, ?> body;
    try {
      body = JsonText.readObject(HttpParts.body(request));
    } catch (JsonText.BadJson e) {
      return validation("The request body is not valid JSON: " + e.getMessage(), "$");
    }
    Object presenceId = field(body, "presenceId");
    if (presenceId == null || (presenceId instanceof String text && text.isBlank())) {
      return validation("The PresenceId field is required.", "presenceId");
    }
    if (!(presenceId instanceof String guid) || !HttpParts.isGuid(guid)) {
      return validation("The PresenceId field is not a valid GUID.", "presenceId");
    }
    if (!agents.containsKey(key(userId))) {
      return userNotFound();
    }
    Definition definition = definitions.get(key(guid));
    if (definition == null) {
      return validation(
          "The presence definition '" + presenceId + "' does not exist.", "presenceId");
    }
    Instant now = clock.instant();
    Agent updated =
        agents.computeIfPresent(
            key(userId), (k, agent) -> agent.withPresence(definition.presenceId(), now));
    if (updated == null) {
      return userNotFound();
    }
    return Answer.json(200, JsonText.write(writer -> writePresence(writer, updated)));
  }

  private Answer availability(RecordedRequest request) {
    String contentType = request.getHeaders().get("Content-Type");
    if (!HttpParts.isJson(contentType)) {
      return unsupportedMediaType(contentType);
    }
    Map<?, ?> body;
    try {
      body = JsonText.readObject(HttpParts.body(request));
    } catch (JsonText.BadJson e) {
      return validation("The request body is not valid JSON: " + e.getMessage(), "$");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String name : List.of("skillGuids", "groupGuids", "queueGuids")) {
      List<String> values;
      try {
        values = JsonText.stringList(field(body, name));
      } catch (JsonText.BadJson e) {
        return validation("The " + name + " field must be an array of GUIDs.", name);
      }
      List<String> keys = new ArrayList<>();
      if (values != null) {
        for (int i = 0; i < values.size(); i++) {
          if (!HttpParts.isGuid(values.get(i))) {
            return validation(
                "The value '" + values.get(i) + "' is not a valid GUID.", name + "[" + i + "]");
          }
          keys.add(key(values.get(i)));
        }
      }
      filters.put(name, keys);
    }
    Object liveness = field(body, "liveness");
    if (liveness != null
        && !(liveness instanceof String text && LIVENESS.contains(text.toLowerCase(Locale.ROOT)))) {
      return validation(
          "The liveness field must be one of live, semilive, nonlive; got '" + liveness + "'.",
          "liveness");
    }
    List<String> skills = filters.getOrDefault("skillGuids", List.of());
    List<String> groups = filters.getOrDefault("groupGuids", List.of());
    List<String> queues = filters.getOrDefault("queueGuids", List.of());
    if (!groups.isEmpty() && !queues.isEmpty()) {
      return validation(
          "The groupGuids and queueGuids fields cannot be used together.", "queueGuids");
    }

    Map<Category, Integer> presence = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      presence.put(category, 0);
    }
    int available = 0;
    int incompatible = 0;
    int insufficient = 0;
    for (String id : userIds) {
      Agent agent = agents.get(key(id));
      if (agent == null
          || !agent.skills().containsAll(skills)
          || (!groups.isEmpty() && groups.stream().noneMatch(agent.groups()::contains))
          || (!queues.isEmpty() && queues.stream().noneMatch(agent.queues()::contains))) {
        continue;
      }
      Definition definition = definitions.get(key(agent.presenceId()));
      String type = definition == null ? "" : definition.categoryType();
      for (Category category : Category.values()) {
        if (category.name().equals(type)) {
          presence.merge(category, 1, Integer::sum);
        }
      }
      if (!type.equals("Ready")) {
        incompatible++;
      } else if (agent.busy()) {
        insufficient++;
      } else {
        available++;
      }
    }
    int[] counts = {available, incompatible, insufficient};
    return Answer.json(
        200,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("presenceSummary").beginObject();
              for (Map.Entry<Category, Integer> entry : presence.entrySet()) {
                writer.name(entry.getKey().name()).value(entry.getValue());
              }
              writer.endObject();
              writer.name("availabilitySummary").beginObject();
              writer.name("available").value(counts[0]);
              writer.name("incompatiblePresence").value(counts[1]);
              writer.name("insufficientCapacity").value(counts[2]);
              writer.endObject();
              writer.endObject();
            }));
  }

  /** A body field by name, ignoring case as the vendor's JSON binding does. */
  private static @Nullable Object field(Map<?, ?> body, String name) {
    for (Map.Entry<?, ?> entry : body.entrySet()) {
      if (name.equalsIgnoreCase(String.valueOf(entry.getKey()))) {
        return entry.getValue();
      }
    }
    return null;
  }

  // ---- JSON ---------------------------------------------------------------------------------

  private void writePresence(JsonWriter writer, Agent agent) throws IOException {
    writer.beginObject();
    writer.name("userId").value(agent.userId());
    writer.name("updated").value(JsonText.millis(agent.updated()));
    writer.name("presence");
    Definition definition = definitions.get(key(agent.presenceId()));
    if (definition == null) {
      writer.nullValue();
    } else {
      writeDefinition(writer, definition);
    }
    writer.endObject();
  }

  private static void writeDefinition(JsonWriter writer, Definition definition) throws IOException {
    writer.beginObject();
    writer.name("presenceId").value(definition.presenceId());
    writer.name("selectable").value(definition.selectable());
    writer.name("category").beginObject();
    writer.name("categoryType").value(definition.categoryType());
    writer.name("description").value(definition.categoryDescription());
    if (definition.subCategory() != null) {
      writer.name("subCategory").value(definition.subCategory());
    }
    writer.endObject();
    writer.name("description").value(definition.description());
    writer.endObject();
  }

  private void writeDefinitions(JsonWriter writer) throws IOException {
    writer.beginObject();
    writer.name("presenceDefinitions").beginArray();
    for (Definition definition : definitions.values()) {
      writeDefinition(writer, definition);
    }
    writer.endArray();
    writer.endObject();
  }

  // ---- error bodies -------------------------------------------------------------------------

  static Answer message(int status, String message) {
    return Answer.json(
        status,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("message").value(message);
              writer.endObject();
            }));
  }

  private static Answer invalidRequest() {
    return message(400, "The request is invalid.");
  }

  private static Answer userNotFound() {
    return message(404, "The user was not found.");
  }

  private static Answer unsupportedMediaType(@Nullable String contentType) {
    return message(
        415,
        "The request entity's media type '"
            + (contentType == null ? "" : HttpParts.mediaType(contentType))
            + "' is not supported for this resource.");
  }

  private static Answer versionError(String code, String message) {
    return Answer.json(
        400,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("error").beginObject();
              writer.name("code").value(code);
              writer.name("message").value(message);
              writer.endObject();
              writer.endObject();
            }));
  }

  static Answer validation(String message, String path) {
    return Answer.json(
        400,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("status").value(400);
              writer.name("title").value("One or more validation errors occurred.");
              writer.name("errors").beginArray();
              writer.beginObject();
              writer.name("message").value(message);
              writer.name("path").value(path);
              writer.endObject();
              writer.endArray();
              writer.endObject();
            }));
  }
}
