package io.github.presencesdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A fake Vonage Contact Center (VCC) server: the Agents API, the Agent Availability API and the
 * token endpoint, over an in-memory world of agents and presence definitions.
 *
 * <p>Paths are those of the vendor, under {@link #baseUrl()} (the host root): {@code GET
 * /agents/presences/users?userId=a,b}, {@code GET} and {@code PATCH /agents/{userId}/presence},
 * {@code GET /agents/presence-definitions}, {@code POST /agents-availability}, and the token
 * endpoint {@code POST /Auth/connect/token}. Checks run in this order and answer like the vendor:
 *
 * <ol>
 *   <li>unknown path: 404; known path with another method: 405 with {@code Allow};
 *   <li>{@code Accept} without {@code application/vnd.newvoicemedia.v1+json}: 400 {@code
 *       {"error":{"code":"ApiVersionUnspecified",...}}}, or code {@code UnsupportedApiVersion} when
 *       it names another version;
 *   <li>no valid bearer token (issued by the token endpoint, or {@link #staticToken()}): 401 {@code
 *       {"message":"Authorization has been denied for this request."}};
 *   <li>a token without a scope the operation accepts: 403 {@code {"message":"The access token
 *       lacks the scope ... needs: one of ..."}}. The scopes are VCC's: {@code users:read} or
 *       {@code users:write} for the bulk read; those or {@code self:read}, {@code self:write} for
 *       one user's presence; {@code users:write} or {@code self:write} to set it; {@code users:*},
 *       {@code self:*} or {@code admin:read} for the presence definitions; {@code
 *       agents-availability:read} for the availability summary. The fake does not know whose a
 *       token is, so a {@code self:} scope counts for every user;
 *   <li>more than 50 user ids: 400 {@code {"status":400,"title":"Query limit","detail":...}}; an id
 *       that is not a GUID: 400 {@code {"message":"The request is invalid."}}; unknown ids are left
 *       out of the answer;
 *   <li>{@code PATCH} without a JSON Content-Type: 415; without {@code presenceId}, or with one
 *       that is no presence definition: 400 with the validation body {@code {"status":400,
 *       "title":"One or more validation errors occurred.","errors":[{"message","path"}]}}; an
 *       unknown user: 404. A successful {@code PATCH} changes the world, sets {@code updated} to
 *       the fake's clock and returns the presence;
 *   <li>{@code POST /agents-availability} with both {@code groupGuids} and {@code queueGuids}, an
 *       id that is not a GUID, or an unknown {@code liveness}: 400 with the validation body.
 * </ol>
 *
 * <p>Availability is derived from the world: an agent matches when it has every skill in {@code
 * skillGuids} and at least one of the {@code groupGuids} (or {@code queueGuids}), an absent or
 * empty list matching everyone. {@code presenceSummary} counts the matching agents by the category
 * of their presence; in {@code availabilitySummary} a matching agent whose presence is {@code
 * Ready} is {@code available}, or {@code insufficientCapacity} when seeded busy, and every other
 * matching agent is {@code incompatiblePresence}. {@code liveness} is checked but does not change
 * the counts.
 *
 * <p>The token endpoint grants the scopes asked for in the form field {@code scope}
 * (space-separated; all six when absent; an unknown one is a 400 {@code invalid_scope}) and answers
 * {@code access_token}, {@code token_type} and {@code expires_in}, as VCC documents it. The {@link
 * #staticToken()} has every scope.
 *
 * <p>The vendor does not document its 403, 404, 405, 415, 429 and 5xx bodies: the fake answers
 * {@code {"message":"..."}} for them.
 *
 * <p>Thread-safe. Close it when done (it is {@link AutoCloseable}).
 */
public final class VonageFake extends VendorFake {
  /** The documented presence definition of the category {@code Ready}, seeded by default. */
  public static final String READY_PRESENCE_ID = "36054f94-d55f-4382-8132-ecac185c8e4d";

  /** The default presence definition "Break", of the category {@code Away}. */
  public static final String AWAY_PRESENCE_ID = "a3c1e7f2-5b8d-4c6a-9e1f-2d7b4a8c6e01";

  /**
   * The default presence definition "Training", of the category {@code ExtendedAway} with the
   * sub-category {@code Training}.
   */
  public static final String EXTENDED_AWAY_PRESENCE_ID = "c5e9f1a3-7d2b-4e8c-a6f0-3b1d9e5c2a23";

  /** The documented presence definition of the category {@code LoggedOut}, seeded by default. */
  public static final String LOGGED_OUT_PRESENCE_ID = "eaed6862-14fa-4114-be62-b8709b5d4a49";

  private static final String TOKEN_PATH = "/Auth/connect/token";

  private final FakeServer server;
  private final VonageApi api;

  private VonageFake(Builder builder) {
    // VCC's documented token response has no scope field.
    TokenIssuer tokens =
        new TokenIssuer(
            builder.settings, TokenIssuer.ClientAuth.BODY_OR_BASIC, VonageApi.SCOPES, false);
    Instant now = tokens.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    List<VonageApi.Definition> definitions =
        builder.definitions.isEmpty()
            ? defaultDefinitions()
            : new ArrayList<>(builder.definitions.values());
    Set<String> known =
        definitions.stream()
            .map(d -> d.presenceId().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<VonageApi.Agent> agents = new ArrayList<>();
    for (AgentSeed seed : builder.agents.values()) {
      if (!known.contains(seed.presenceId.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "presenceId of agent "
                + seed.userId
                + " is not a presence definition: "
                + seed.presenceId);
      }
      agents.add(
          new VonageApi.Agent(
              seed.userId,
              seed.presenceId,
              seed.updated != null ? seed.updated : now,
              lower(seed.skills),
              lower(seed.groups),
              lower(seed.queues),
              seed.busy));
    }
    this.api = new VonageApi(definitions, agents, tokens);
    this.server = new FakeServer(TOKEN_PATH, tokens, api);
  }

  /** Returns a builder with no agents and the six default presence definitions. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a fake seeded with the demo world: 120 agents with GUID ids in all four categories (the
   * first two are the documented {@code daab05ec-...} in {@code LoggedOut} and {@code c07da2cc-...}
   * in {@code Ready}), the six default presence definitions (one with a {@code subCategory}), and
   * skills, groups and queues on every agent; some {@code Ready} agents are busy.
   */
  public static VonageFake demo() {
    return builder().demoWorld().build();
  }

  @Override
  FakeServer server() {
    return server;
  }

  /** The seeded agents' user ids, in seed order. */
  public List<String> userIds() {
    return api.userIds();
  }

  /** The presence definition ids, in the order {@code GET /agents/presence-definitions} lists. */
  public List<String> presenceIds() {
    return api.presenceIds();
  }

  /** Every skill GUID some agent has, lower case, sorted. */
  public Set<String> skillGuids() {
    return api.tags(VonageApi.Agent::skills);
  }

  /** Every group GUID some agent belongs to, lower case, sorted. */
  public Set<String> groupGuids() {
    return api.tags(VonageApi.Agent::groups);
  }

  /** Every queue GUID some agent belongs to, lower case, sorted. */
  public Set<String> queueGuids() {
    return api.tags(VonageApi.Agent::queues);
  }

  /**
   * The presence id an agent has now.
   *
   * @throws IllegalArgumentException if {@code userId} is not a seeded agent
   */
  public String currentPresenceId(String userId) {
    return api.currentPresenceId(Objects.requireNonNull(userId, "userId"));
  }

  /**
   * Changes an agent's presence as if the agent had chosen it, setting {@code updated} to the
   * fake's clock.
   *
   * @throws IllegalArgumentException if the agent or the presence definition does not exist
   */
  public void setPresence(String userId, String presenceId) {
    api.setPresence(
        Objects.requireNonNull(userId, "userId"), Objects.requireNonNull(presenceId, "presenceId"));
  }

  static List<VonageApi.Definition> defaultDefinitions() {
    return List.of(
        definition(READY_PRESENCE_ID, "Ready", "Ready", null, true),
        definition(AWAY_PRESENCE_ID, "Break", "Away", null, true),
        definition("b42d8e6f-1c7a-4f3b-8d2e-5a9c0b1e7f12", "Lunch", "Away", null, true),
        definition(EXTENDED_AWAY_PRESENCE_ID, "Training", "ExtendedAway", "Training", true),
        definition("d6f0a2b4-8e3c-4f9d-b7a1-4c2e0f6d3b34", "Not Responding", "Away", null, false),
        definition(LOGGED_OUT_PRESENCE_ID, "Logged Out", "LoggedOut", null, true));
  }

  private static VonageApi.Definition definition(
      String presenceId,
      String description,
      String categoryType,
      @Nullable String subCategory,
      boolean selectable) {
    return new VonageApi.Definition(
        presenceId,
        description,
        categoryType,
        categoryDescription(categoryType),
        subCategory,
        selectable);
  }

  private static String categoryDescription(String categoryType) {
    return switch (categoryType) {
      case "ExtendedAway" -> "Extended Away";
      case "LoggedOut" -> "Logged Out";
      default -> categoryType;
    };
  }

  private static Set<String> lower(Set<String> guids) {
    Set<String> lower = new LinkedHashSet<>();
    for (String guid : guids) {
      lower.add(guid.toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(lower);
  }

  private static final class AgentSeed {
    final String userId;
    final String presenceId;
    final Set<String> skills;
    final Set<String> groups;
    final Set<String> queues;
    final boolean busy;
    final @Nullable Instant updated;

    AgentSeed(
        String userId,
        String presenceId,
        Set<String> skills,
        Set<String> groups,
        Set<String> queues,
        boolean busy,
        @Nullable Instant updated) {
      this.userId = userId;
      this.presenceId = presenceId;
      this.skills = skills;
      this.groups = groups;
      this.queues = queues;
      this.busy = busy;
      this.updated = updated;
    }
  }

  /**
   * Seeds the world and the settings of a {@link VonageFake}. Ids are GUIDs (checked at once);
   * adding an agent or definition again replaces the earlier one. Not thread-safe.
   */
  public static final class Builder {
    private final TokenIssuer.Settings settings;
    private final Map<String, VonageApi.Definition> definitions = new LinkedHashMap<>();
    private final Map<String, AgentSeed> agents = new LinkedHashMap<>();

    private Builder() {
      settings = new TokenIssuer.Settings("tok-vcc-static-test", Duration.ofHours(2));
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
     * The token the API accepts without the token endpoint; default {@code tok-vcc-static-test}.
     */
    public Builder staticToken(String staticToken) {
      settings.staticToken(staticToken);
      return this;
    }

    /** How long issued tokens last ({@code expires_in}, whole seconds); default 2 hours. */
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

    /**
     * Adds a selectable presence definition without a sub-category. The category description is
     * derived from the type ({@code ExtendedAway} is {@code "Extended Away"}, {@code LoggedOut} is
     * {@code "Logged Out"}). Once one definition is added, the six defaults are no longer seeded.
     *
     * @param categoryType normally {@code Ready}, {@code Away}, {@code ExtendedAway} or {@code
     *     LoggedOut}; other values are sent as given, to test how a client copes with them
     */
    public Builder presenceDefinition(String presenceId, String description, String categoryType) {
      return presenceDefinition(presenceId, description, categoryType, null, true);
    }

    /** Adds a presence definition with every field chosen; see the shorter overload. */
    public Builder presenceDefinition(
        String presenceId,
        String description,
        String categoryType,
        @Nullable String subCategory,
        boolean selectable) {
      requireGuid(presenceId, "presenceId");
      HttpParts.requireText(description, "description");
      HttpParts.requireText(categoryType, "categoryType");
      definitions.put(
          presenceId.toLowerCase(Locale.ROOT),
          definition(presenceId, description, categoryType, subCategory, selectable));
      return this;
    }

    /** Adds an agent with no skills, groups or queues, not busy, updated when the fake starts. */
    public Builder agent(String userId, String presenceId) {
      return agent(userId, presenceId, Set.of(), Set.of(), Set.of(), false);
    }

    /**
     * Adds an agent with everything the availability summary looks at.
     *
     * @param busy whether the agent has no capacity left: a busy {@code Ready} agent counts as
     *     {@code insufficientCapacity} instead of {@code available}
     */
    public Builder agent(
        String userId,
        String presenceId,
        Set<String> skillGuids,
        Set<String> groupGuids,
        Set<String> queueGuids,
        boolean busy) {
      return agent(userId, presenceId, skillGuids, groupGuids, queueGuids, busy, null);
    }

    private Builder agent(
        String userId,
        String presenceId,
        Set<String> skillGuids,
        Set<String> groupGuids,
        Set<String> queueGuids,
        boolean busy,
        @Nullable Instant updated) {
      requireGuid(userId, "userId");
      requireGuid(presenceId, "presenceId");
      agents.put(
          userId.toLowerCase(Locale.ROOT),
          new AgentSeed(
              userId,
              presenceId,
              guids(skillGuids, "skillGuids"),
              guids(groupGuids, "groupGuids"),
              guids(queueGuids, "queueGuids"),
              busy,
              updated));
      return this;
    }

    /**
     * Adds the world of {@link VonageFake#demo()} to this builder, so that a test can combine it
     * with settings of its own (a clock, credentials).
     */
    public Builder demoWorld() {
      List<String> skills =
          List.of(
              "457857dc-19eb-4eb9-b562-c90ca37de447",
              "ba06533c-fe7b-49a3-b868-886086fd001d",
              demoGuid("skill-2"));
      List<String> groups =
          List.of("69962baf-e196-461b-9547-aabd8db075fc", "4787b940-ef6d-4861-96f9-d0cd94ac68c4");
      List<String> queues = List.of(demoGuid("queue-0"), demoGuid("queue-1"), demoGuid("queue-2"));
      // Presence by position in a cycle of ten: four Ready, then Break, Lunch, Training,
      // Not Responding and two Logged Out.
      String[] cycle = {
        READY_PRESENCE_ID,
        READY_PRESENCE_ID,
        READY_PRESENCE_ID,
        READY_PRESENCE_ID,
        AWAY_PRESENCE_ID,
        "b42d8e6f-1c7a-4f3b-8d2e-5a9c0b1e7f12",
        EXTENDED_AWAY_PRESENCE_ID,
        "d6f0a2b4-8e3c-4f9d-b7a1-4c2e0f6d3b34",
        LOGGED_OUT_PRESENCE_ID,
        LOGGED_OUT_PRESENCE_ID
      };
      Instant base = Instant.parse("2021-10-22T13:16:26.730Z");
      for (int i = 0; i < 120; i++) {
        String userId =
            i == 0
                ? "daab05ec-ba50-45af-a6fd-3b01cdc6f39b"
                : i == 1 ? "c07da2cc-7a64-476e-aa95-be7042332a95" : demoGuid("agent-" + i);
        String presenceId =
            i == 0 ? LOGGED_OUT_PRESENCE_ID : i == 1 ? READY_PRESENCE_ID : cycle[i % cycle.length];
        Set<String> agentSkills =
            i % 3 == 0
                ? Set.of(skills.get(0), skills.get(1))
                : i % 3 == 1 ? Set.of(skills.get(0)) : Set.of(skills.get(1), skills.get(2));
        agent(
            userId,
            presenceId,
            agentSkills,
            Set.of(groups.get(i % 2)),
            Set.of(queues.get(i % 3)),
            presenceId.equals(READY_PRESENCE_ID) && i % 5 == 0,
            base.plus(Duration.ofSeconds(37L * i)));
      }
      return this;
    }

    /** Starts the fake on a free loopback port. */
    public VonageFake build() {
      return new VonageFake(this);
    }

    private static String demoGuid(String name) {
      return UUID.nameUUIDFromBytes(("vcc-demo-" + name).getBytes(StandardCharsets.UTF_8))
          .toString();
    }

    private static void requireGuid(@Nullable String value, String name) {
      Objects.requireNonNull(value, name);
      if (!HttpParts.isGuid(value)) {
        throw new IllegalArgumentException(name + " must be a GUID: " + value);
      }
    }

    private static Set<String> guids(Set<String> values, String name) {
      Objects.requireNonNull(values, name);
      for (String value : values) {
        requireGuid(value, name);
      }
      return Set.copyOf(values);
    }
  }
}
