package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.Capability;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.UndecodableResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class VonageClientOperationsTest {
  private static final String PRESENCE_ID = "eaed6862-14fa-4114-be62-b8709b5d4a49";
  private static final String SKILL_1 = "457857dc-19eb-4eb9-b562-c90ca37de447";
  private static final String SKILL_2 = "ba06533c-fe7b-49a3-b868-886086fd001d";
  private static final String GROUP_1 = "69962baf-e196-461b-9547-aabd8db075fc";
  private static final String GROUP_2 = "4787b940-ef6d-4861-96f9-d0cd94ac68c4";

  @StartStop final MockWebServer server = new MockWebServer();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
  private VonageClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.clientFor(server, sleeper).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static void assertVccHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("Accept"))
        .isEqualTo("application/vnd.newvoicemedia.v1+json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(request.getHeaders().get("User-Agent"))
        .startsWith("presence-sdk/")
        .contains("vonage");
  }

  // GET /agents/{userId}/presence

  @Test
  void presenceReadsOneUser() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    Presence<VonagePresence> presence = client.presence(USER_A);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET /agents/" + USER_A + "/presence HTTP/1.1");
    assertVccHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(presence.userId()).isEqualTo(USER_A);
    assertThat(presence.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.vendorStatus()).isEqualTo("LoggedOut");
    assertThat(presence.label()).contains("Logged Out");
    assertThat(presence.updatedAt()).contains(Instant.parse("2021-10-22T13:16:26.730Z"));
    VonagePresence detail = presence.detail();
    assertThat(detail.presenceId()).isEqualTo(PRESENCE_ID);
    assertThat(detail.selectable()).isTrue();
    assertThat(detail.description()).contains("Logged Out");
    assertThat(detail.category())
        .isEqualTo(
            new PresenceCategory(
                CategoryType.LOGGED_OUT,
                "LoggedOut",
                java.util.Optional.of("Logged Out"),
                java.util.Optional.empty()));
  }

  @Test
  void presenceReadsASubCategoryWhenVccSendsOne() {
    server.enqueue(
        Fixtures.json(
            200,
            Fixtures.userPresence(USER_A, "ExtendedAway")
                .replace(
                    "\"description\": \"Logged Out\"\n    },",
                    "\"description\": \"Extended Away\", \"subCategory\": \"ExtendedAway\"\n    },")));

    Presence<VonagePresence> presence = client.presence(USER_A);

    assertThat(presence.state()).isEqualTo(PresenceState.AWAY);
    assertThat(presence.detail().category().categoryType()).isEqualTo(CategoryType.EXTENDED_AWAY);
    assertThat(presence.detail().category().description()).contains("Extended Away");
    assertThat(presence.detail().category().subCategory()).contains("ExtendedAway");
  }

  @Test
  void presenceToleratesUnknownFieldsAndAnObjectSubCategory() {
    server.enqueue(
        Fixtures.json(
            200,
            "{\"userId\":\""
                + USER_A
                + "\",\"extra\":{\"a\":[1,2]},\"updated\":\"2021-10-22T13:16:26.730Z\","
                + "\"presence\":{\"presenceId\":\""
                + PRESENCE_ID
                + "\",\"selectable\":\"false\",\"category\":{\"categoryType\":\"Ready\","
                + "\"subCategory\":{\"id\":7},\"colour\":\"green\"},\"description\":\"Ready\"}}"));

    Presence<VonagePresence> presence = client.presence(USER_A);

    assertThat(presence.state()).isEqualTo(PresenceState.AVAILABLE);
    assertThat(presence.detail().selectable()).isFalse();
    assertThat(presence.detail().category().subCategory()).isEmpty();
    assertThat(presence.detail().category().description()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "a/b",
        "a?b#c",
        "100%",
        "x y",
        "not-a-guid",
        "{daab05ec-ba50-45af-a6fd-3b01cdc6f39b}",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39",
        "daab05ecba5045afa6fd3b01cdc6f39b",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39g",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39b/../x"
      })
  void userIdsThatAreNotGuidsAreRefusedBeforeSending(String userId) {
    assertThatThrownBy(() -> client.presence(userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId must be a GUID");
    assertThatThrownBy(() -> client.presenceAsync(userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId must be a GUID");
    assertThatThrownBy(() -> client.setPresence(userId, PRESENCE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId must be a GUID");
    assertThatThrownBy(() -> client.setPresence(USER_A, userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("presenceId must be a GUID");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aGuidInUpperCaseIsSentAsGiven() throws Exception {
    String upper = USER_A.toUpperCase(java.util.Locale.ROOT);
    server.enqueue(Fixtures.json(200, Fixtures.userPresence(upper, "Ready")));

    Presence<VonagePresence> presence = client.presence(upper);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/agents/" + upper + "/presence");
    assertThat(presence.userId()).isEqualTo(upper);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ".", "..", "tab\there"})
  void presenceRejectsInvalidIdsBeforeSending(String userId) {
    assertThatThrownBy(() -> client.presence(userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> client.presenceAsync(userId))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.setPresence(userId, PRESENCE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void presenceOfAnUnknownUserIsNotFound() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());

    assertThatThrownBy(() -> client.presence(USER_A))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.vendor()).isEqualTo("vonage");
              assertThat(e.getMessage())
                  .contains("404", "GET /agents/{userId}/presence", "no user with this id");
            });
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/agents/" + USER_A + "/presence");
  }

  @Test
  void aPresenceAnswerWithoutPresenceIsUndecodable() {
    server.enqueue(Fixtures.json(200, "{\"userId\":\"" + USER_A + "\",\"presence\":null}"));

    assertThatThrownBy(() -> client.presence(USER_A))
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("without a presence");
  }

  @Test
  void presenceAsyncReadsOneUser() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    Presence<VonagePresence> presence = client.presenceAsync(USER_A).get(30, TimeUnit.SECONDS);

    assertThat(presence.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/agents/" + USER_A + "/presence");
  }

  @Test
  void aGetIsRetriedAfterA503() {
    server.enqueue(Fixtures.json(503, "{}"));
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    assertThat(client.presence(USER_A).state()).isEqualTo(PresenceState.OFFLINE);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
  }

  // PATCH /agents/{userId}/presence

  @Test
  void setPresencePatchesAndReturnsTheUpdatedPresence() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    Presence<VonagePresence> updated = client.setPresence(USER_A, PRESENCE_ID);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine())
        .isEqualTo("PATCH /agents/" + USER_A + "/presence HTTP/1.1");
    assertVccHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(Fixtures.parse(request.getBody().utf8()))
        .isEqualTo(Fixtures.parse(Fixtures.read("set-presence-request.json")));
    assertThat(updated.userId()).isEqualTo(USER_A);
    assertThat(updated.detail().presenceId()).isEqualTo(PRESENCE_ID);
    assertThat(updated.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(updated.updatedAt()).contains(Instant.parse("2021-10-22T13:16:26.730Z"));
  }

  @Test
  void setPresenceBodyEscapesThePresenceIdInJson() {
    // The client only sends GUIDs; the body writer escapes whatever it is given all the same.
    assertThat(Fixtures.parse(VonageJson.setPresenceBody("quote\"and\\slash")))
        .isEqualTo(Map.of("presenceId", "quote\"and\\slash"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a\u0000b"})
  void setPresenceRejectsInvalidPresenceIdsBeforeSending(String presenceId) {
    assertThatThrownBy(() -> client.setPresence(USER_A, presenceId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presenceId");
    assertThatThrownBy(() -> client.setPresence(USER_A, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presenceId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void setPresenceIsNotRepeatedAfterAServerError() {
    server.enqueue(Fixtures.json(503, "{}"));
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    assertThatThrownBy(() -> client.setPresence(USER_A, PRESENCE_ID))
        .isInstanceOf(ServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void setPresenceIsNotRepeatedAfterAConnectionDropsMidResponse() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    assertThatThrownBy(() -> client.setPresence(USER_A, PRESENCE_ID))
        .isInstanceOf(PresenceIoException.class);

    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void setPresenceIsRepeatedAfterA429() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("").build());
    server.enqueue(Fixtures.fixture(200, "presence-user.json"));

    assertThat(client.setPresence(USER_A, PRESENCE_ID).detail().presenceId())
        .isEqualTo(PRESENCE_ID);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains(PRESENCE_ID);
  }

  // GET /agents/presence-definitions

  @Test
  void presenceDefinitionsListsTheAccountsDefinitions() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presence-definitions.json"));

    List<VonagePresence> definitions = client.presenceDefinitions();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine()).isEqualTo("GET /agents/presence-definitions HTTP/1.1");
    assertVccHeaders(request);
    assertThat(definitions)
        .extracting(VonagePresence::presenceId)
        .containsExactly(
            "4060362d-1ab1-11ec-a0c4-066a9ef411a8",
            "734966bb-e646-46c3-a122-617765e92f89",
            "501ba176-4f62-4cbd-aa4d-dbaa4ed5411e",
            "6bbbebbd-f160-4d8d-96db-411b755a18a4");
    VonagePresence extendedAway = definitions.get(0);
    assertThat(extendedAway.selectable()).isFalse();
    assertThat(extendedAway.description()).contains("Extended away");
    assertThat(extendedAway.state()).isEqualTo(PresenceState.AWAY);
    assertThat(extendedAway.category())
        .isEqualTo(
            new PresenceCategory(
                CategoryType.EXTENDED_AWAY,
                "ExtendedAway",
                java.util.Optional.of("Extended Away"),
                java.util.Optional.of("ExtendedAway")));
    assertThat(definitions.get(1).state()).isEqualTo(PresenceState.AVAILABLE);
    VonagePresence breakPresence = definitions.get(3);
    assertThat(breakPresence.description()).contains("Break");
    assertThat(breakPresence.category().categoryType()).isEqualTo(CategoryType.AWAY);
    assertThat(breakPresence.category().subCategory()).contains("Away");
  }

  @Test
  void presenceDefinitionsKeepUnknownCategoryTypes() {
    server.enqueue(
        Fixtures.json(
            200,
            Fixtures.read("presence-definitions.json")
                .replace("\"categoryType\": \"Ready\"", "\"categoryType\": \"Wrapup\"")));

    VonagePresence wrapup = client.presenceDefinitions().get(1);

    assertThat(wrapup.category().categoryType()).isEqualTo(CategoryType.UNKNOWN);
    assertThat(wrapup.category().rawCategoryType()).isEqualTo("Wrapup");
    assertThat(wrapup.state()).isEqualTo(PresenceState.UNKNOWN);
  }

  @Test
  void presenceDefinitionsWithoutTheListAreUndecodable() {
    server.enqueue(Fixtures.json(200, "{\"somethingElse\":[]}"));

    assertThatThrownBy(() -> client.presenceDefinitions())
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("presenceDefinitions");
  }

  // POST /agents-availability

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "availability-request-skills.json, skills",
    "availability-request-queues-semilive.json, queues",
    "availability-request-skills-groups-nonlive.json, skillsAndGroups",
    "availability-request-skills-live.json, skillsLive"
  })
  void availabilitySummarySendsTheDocumentedRequests(String fixture, String kind) throws Exception {
    server.enqueue(Fixtures.fixture(200, "agents-availability.json"));
    AvailabilitySummaryRequest request =
        switch (kind) {
          case "skills" ->
              AvailabilitySummaryRequest.builder().skillGuids(SKILL_1, SKILL_2).build();
          case "skillsLive" ->
              AvailabilitySummaryRequest.builder()
                  .skillGuids(SKILL_1, SKILL_2)
                  .liveness(Liveness.LIVE)
                  .build();
          case "queues" ->
              AvailabilitySummaryRequest.builder()
                  .queueGuids(List.of(SKILL_1, SKILL_2))
                  .liveness(Liveness.SEMILIVE)
                  .build();
          default ->
              AvailabilitySummaryRequest.builder()
                  .skillGuids(SKILL_1, SKILL_2)
                  .groupGuids(GROUP_1, GROUP_2)
                  .liveness(Liveness.NONLIVE)
                  .build();
        };

    AvailabilitySummary summary = client.availabilitySummary(request);

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getRequestLine()).isEqualTo("POST /agents-availability HTTP/1.1");
    assertVccHeaders(recorded);
    assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(Fixtures.parse(recorded.getBody().utf8()))
        .isEqualTo(Fixtures.parse(Fixtures.read(fixture)));
    assertThat(summary)
        .isEqualTo(new AvailabilitySummary(12, 8, 5, 10, Map.of(), 8, 23, 4, Map.of()));
  }

  @Test
  void availabilitySummaryReadsTheOlderKeysWithSpaces() {
    server.enqueue(
        Fixtures.json(
            200,
            Fixtures.read("agents-availability.json")
                .replace("\"ExtendedAway\"", "\"Extended Away\"")
                .replace("\"LoggedOut\"", "\"Logged Out\"")));

    AvailabilitySummary summary =
        client.availabilitySummary(AvailabilitySummaryRequest.builder().build());

    assertThat(summary.extendedAway()).isEqualTo(5);
    assertThat(summary.loggedOut()).isEqualTo(10);
    assertThat(summary.ready()).isEqualTo(12);
    assertThat(summary.otherPresenceCounts()).isEmpty();
  }

  @Test
  void availabilitySummaryKeepsUnknownKeysAndReadsNumbersSentAsStrings() {
    server.enqueue(
        Fixtures.json(
            200,
            "{\"presenceSummary\":{\"Ready\":\"12\",\"Busy\":3,\"Away\":null},"
                + "\"availabilitySummary\":{\"available\":8,\"onHold\":\"1\"},\"extra\":true}"));

    AvailabilitySummary summary =
        client.availabilitySummary(AvailabilitySummaryRequest.builder().build());

    assertThat(summary.ready()).isEqualTo(12);
    assertThat(summary.away()).isZero();
    assertThat(summary.extendedAway()).isZero();
    assertThat(summary.otherPresenceCounts()).containsExactly(Map.entry("Busy", 3));
    assertThat(summary.available()).isEqualTo(8);
    assertThat(summary.incompatiblePresence()).isZero();
    assertThat(summary.otherAvailabilityCounts()).containsExactly(Map.entry("onHold", 1));
  }

  @Test
  void availabilitySummaryWithoutFiltersSendsAnEmptyObject() throws Exception {
    server.enqueue(Fixtures.fixture(200, "agents-availability.json"));

    client.availabilitySummary(AvailabilitySummaryRequest.builder().build());

    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void availabilitySummaryIsRetriedLikeARead() {
    server.enqueue(Fixtures.json(502, "{}"));
    server.enqueue(Fixtures.fixture(200, "agents-availability.json"));

    AvailabilitySummary summary =
        client.availabilitySummary(
            AvailabilitySummaryRequest.builder().skillGuids(SKILL_1).build());

    assertThat(summary.available()).isEqualTo(8);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void groupsAndQueuesTogetherAreRejectedBeforeSending() {
    assertThatThrownBy(
            () ->
                client.availabilitySummary(
                    AvailabilitySummaryRequest.builder()
                        .groupGuids(GROUP_1)
                        .queueGuids(SKILL_1)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupGuids")
        .hasMessageContaining("queueGuids");
    assertThatThrownBy(
            () ->
                new AvailabilitySummaryRequest(
                    List.of(), List.of(GROUP_1), List.of(SKILL_1), Liveness.LIVE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                client.availabilitySummary(
                    AvailabilitySummaryRequest.builder().skillGuids(SKILL_1, "skill-2").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skillGuids[1] must be a GUID");
    assertThatThrownBy(() -> client.availabilitySummary(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThat(server.getRequestCount()).isZero();
  }

  // The client as a whole

  @Test
  void offersTheVccCapabilities() {
    PresenceClient<?> neutral = client;
    assertThat(neutral.vendor()).isEqualTo("vonage");
    assertThat(neutral.capabilities())
        .containsExactlyInAnyOrder(
            Capability.BULK_READ,
            Capability.SET_PRESENCE,
            Capability.LIST_STATUSES,
            Capability.AVAILABILITY_SUMMARY);
    assertThat(neutral.supports(Capability.PAGED_LISTING)).isFalse();
  }

  @Test
  void aClosedClientRefusesEveryCall() {
    client.close();
    client.close();

    assertThatThrownBy(() -> client.presence(USER_A)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.presences(List.of(USER_A)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.setPresence(USER_A, PRESENCE_ID))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.presenceDefinitions())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> client.availabilitySummary(AvailabilitySummaryRequest.builder().build()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
