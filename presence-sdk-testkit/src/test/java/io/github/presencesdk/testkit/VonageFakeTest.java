package io.github.presencesdk.testkit;

import static io.github.presencesdk.testkit.TestHttp.bearer;
import static io.github.presencesdk.testkit.TestHttp.fixture;
import static io.github.presencesdk.testkit.TestHttp.fixtureJson;
import static io.github.presencesdk.testkit.TestHttp.get;
import static io.github.presencesdk.testkit.TestHttp.json;
import static io.github.presencesdk.testkit.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.testkit.TestHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class VonageFakeTest {
  private static final String ACCEPT = "application/vnd.newvoicemedia.v1+json";
  private static final String DAAB = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b";
  private static final String C07D = "c07da2cc-7a64-476e-aa95-be7042332a95";

  private final MutableClock clock = new MutableClock(Instant.parse("2021-10-22T13:00:00Z"));
  private final List<VonageFake> fakes = new ArrayList<>();

  @AfterEach
  void closeFakes() {
    fakes.forEach(VonageFake::close);
  }

  private VonageFake start(VonageFake.Builder builder) {
    VonageFake fake = builder.clock(clock).build();
    fakes.add(fake);
    return fake;
  }

  private VonageFake twoDocumentedAgents() {
    return start(
        VonageFake.builder()
            .agent(DAAB, VonageFake.READY_PRESENCE_ID)
            .agent(C07D, VonageFake.AWAY_PRESENCE_ID));
  }

  private static Reply api(VonageFake fake, String pathAndQuery) {
    return get(
        fake.baseUrl().resolve(pathAndQuery),
        "Accept",
        ACCEPT,
        "Authorization",
        bearer(fake.staticToken()));
  }

  private static Reply patch(VonageFake fake, String userId, String body) {
    return send(
        "PATCH",
        fake.baseUrl().resolve("/agents/" + userId + "/presence"),
        TestHttp.jsonBody(body),
        "Accept",
        ACCEPT,
        "Authorization",
        bearer(fake.staticToken()));
  }

  private static Reply availability(VonageFake fake, String body) {
    return send(
        "POST",
        fake.baseUrl().resolve("/agents-availability"),
        TestHttp.jsonBody(body),
        "Accept",
        ACCEPT,
        "Authorization",
        bearer(fake.staticToken()));
  }

  @Test
  void presencesOfTwoUsersMatchTheDocumentedExample() {
    VonageFake fake = twoDocumentedAgents();
    clock.set(Instant.parse("2021-10-22T13:16:26.730Z"));
    fake.setPresence(DAAB, VonageFake.LOGGED_OUT_PRESENCE_ID);
    clock.set(Instant.parse("2021-10-22T13:24:14.245Z"));
    fake.setPresence(C07D, VonageFake.READY_PRESENCE_ID);

    Reply reply = api(fake, "/agents/presences/users?userId=" + DAAB + "," + C07D);

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
    assertThat(reply.json()).isEqualTo(fixtureJson("vonage-presences-users.json"));
  }

  @Test
  void fiftyIdsAreAcceptedAndUnknownOnesAreLeftOut() {
    VonageFake fake = twoDocumentedAgents();
    List<String> ids = new ArrayList<>(List.of(DAAB, C07D));
    for (int i = 0; i < 48; i++) {
      ids.add(UUID.randomUUID().toString());
    }

    Reply reply = api(fake, "/agents/presences/users?userId=" + String.join(",", ids));

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.array())
        .extracting(entry -> TestHttp.field(entry, "userId"))
        .containsExactly(DAAB, C07D);
  }

  @Test
  void fiftyOneIdsGetTheVendorsQueryLimitBody() {
    VonageFake fake = twoDocumentedAgents();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      ids.add(UUID.randomUUID().toString());
    }

    Reply reply = api(fake, "/agents/presences/users?userId=" + String.join(",", ids));

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(fixtureJson("vonage-error-query-limit.json"));
  }

  @Test
  void repeatedUserIdParametersAreJoined() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply = api(fake, "/agents/presences/users?userId=" + DAAB + "&userId=" + C07D);

    assertThat(reply.array()).hasSize(2);
  }

  @Test
  void anIdThatIsNotAGuidGetsTheInvalidRequestBody() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply = api(fake, "/agents/presences/users?userId=" + DAAB + ",agent-7");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(fixtureJson("vonage-error-invalid-guid.json"));
  }

  @Test
  void noUserIdGetsAValidationError() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply = api(fake, "/agents/presences/users");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.object()).containsEntry("title", "One or more validation errors occurred.");
  }

  @Test
  void missingAcceptHeaderGetsApiVersionUnspecified() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply =
        get(
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(reply.code()).isEqualTo(400);
    Map<?, ?> error = (Map<?, ?>) reply.object().get("error");
    assertThat(error.get("code")).isEqualTo("ApiVersionUnspecified");
    assertThat((String) error.get("message")).isNotBlank();
  }

  @Test
  void plainJsonAcceptHeaderIsNotAVersion() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply =
        get(
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            "Accept",
            "application/json",
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(reply.code()).isEqualTo(400);
    assertThat(((Map<?, ?>) reply.object().get("error")).get("code"))
        .isEqualTo("ApiVersionUnspecified");
  }

  @Test
  void anotherVersionGetsUnsupportedApiVersion() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply =
        get(
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            "Accept",
            "application/vnd.newvoicemedia.v2+json",
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(reply.code()).isEqualTo(400);
    Map<?, ?> error = (Map<?, ?>) reply.object().get("error");
    assertThat(error.get("code")).isEqualTo("UnsupportedApiVersion");
    assertThat((String) error.get("message")).contains("'2'");
  }

  @Test
  void versionedAcceptAmongOtherTypesIsAccepted() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply =
        get(
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            "Accept",
            "application/json, " + ACCEPT + "; q=0.9",
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(reply.code()).isEqualTo(200);
  }

  @Test
  void callsWithoutAValidTokenGetTheDocumented401() {
    VonageFake fake = twoDocumentedAgents();
    HttpUrl url = fake.baseUrl().resolve("/agents/" + DAAB + "/presence");

    Reply none = get(url, "Accept", ACCEPT);
    Reply wrong = get(url, "Accept", ACCEPT, "Authorization", "Bearer not-a-token");
    Reply basic = get(url, "Accept", ACCEPT, "Authorization", "Basic " + fake.staticToken());

    for (Reply reply : List.of(none, wrong, basic)) {
      assertThat(reply.code()).isEqualTo(401);
      assertThat(reply.json()).isEqualTo(fixtureJson("vonage-error-unauthorized.json"));
    }
  }

  @Test
  void onePresenceAndItsErrors() {
    VonageFake fake = twoDocumentedAgents();

    Reply found = api(fake, "/agents/" + C07D + "/presence");
    Reply unknown = api(fake, "/agents/" + UUID.randomUUID() + "/presence");
    Reply notGuid = api(fake, "/agents/agent-7/presence");

    assertThat(found.code()).isEqualTo(200);
    assertThat(found.object())
        .containsEntry("userId", C07D)
        .containsEntry("updated", "2021-10-22T13:00:00.000Z");
    Map<?, ?> presence = (Map<?, ?>) found.object().get("presence");
    assertThat(presence.get("presenceId")).isEqualTo(VonageFake.AWAY_PRESENCE_ID);
    assertThat(presence.get("description")).isEqualTo("Break");
    assertThat(presence.get("category"))
        .isEqualTo(Map.of("categoryType", "Away", "description", "Away"));
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(notGuid.code()).isEqualTo(400);
    assertThat(notGuid.json()).isEqualTo(fixtureJson("vonage-error-invalid-guid.json"));
  }

  @Test
  void setPresenceChangesTheWorldAndReturnsThePresence() {
    VonageFake fake = twoDocumentedAgents();
    clock.set(Instant.parse("2021-10-22T13:16:26.730Z"));

    Reply reply = patch(fake, DAAB, fixture("vonage-set-presence-request.json"));

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(fixtureJson("vonage-set-presence-response.json"));
    assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.LOGGED_OUT_PRESENCE_ID);
    clock.advance(Duration.ofMinutes(5));
    Reply after = api(fake, "/agents/" + DAAB + "/presence");
    assertThat(after.json()).isEqualTo(fixtureJson("vonage-set-presence-response.json"));
  }

  @Test
  void setPresenceWithoutPresenceIdGetsTheValidationBody() {
    VonageFake fake = twoDocumentedAgents();

    Reply empty = patch(fake, DAAB, "{}");
    Reply blank = patch(fake, DAAB, "{\"presenceId\":\"\"}");

    assertThat(empty.code()).isEqualTo(400);
    assertThat(empty.json()).isEqualTo(fixtureJson("vonage-error-validation.json"));
    assertThat(blank.json()).isEqualTo(fixtureJson("vonage-error-validation.json"));
    assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.READY_PRESENCE_ID);
  }

  @Test
  void setPresenceToAnUnknownDefinitionGetsAValidationError() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply = patch(fake, DAAB, "{\"presenceId\":\"" + UUID.randomUUID() + "\"}");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.object()).containsEntry("title", "One or more validation errors occurred.");
    assertThat(TestHttp.list(reply.object().get("errors")))
        .singleElement()
        .satisfies(error -> assertThat(((Map<?, ?>) error).get("path")).isEqualTo("presenceId"));
    assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.READY_PRESENCE_ID);
  }

  @Test
  void setPresenceNeedsAJsonContentTypeAKnownUserAndJson() {
    VonageFake fake = twoDocumentedAgents();
    String body = "{\"presenceId\":\"" + VonageFake.LOGGED_OUT_PRESENCE_ID + "\"}";

    Reply text =
        send(
            "PATCH",
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            TestHttp.jsonBody(body, "text/plain"),
            "Accept",
            ACCEPT,
            "Authorization",
            bearer(fake.staticToken()));
    Reply unknownUser = patch(fake, UUID.randomUUID().toString(), body);
    Reply broken = patch(fake, DAAB, "{\"presenceId\":");

    assertThat(text.code()).isEqualTo(415);
    assertThat(unknownUser.code()).isEqualTo(404);
    assertThat(broken.code()).isEqualTo(400);
    assertThat(broken.object()).containsEntry("title", "One or more validation errors occurred.");
    assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.READY_PRESENCE_ID);
  }

  @Test
  void presenceDefinitionsOfTheDemoIncludeASubCategory() {
    VonageFake fake = start(VonageFake.builder().demoWorld());

    Reply reply = api(fake, "/agents/presence-definitions");

    assertThat(reply.code()).isEqualTo(200);
    List<Object> definitions = TestHttp.list(reply.object().get("presenceDefinitions"));
    assertThat(definitions).hasSize(6);
    assertThat(definitions)
        .extracting(d -> TestHttp.field(d, "presenceId"))
        .containsExactlyElementsOf(fake.presenceIds());
    assertThat(definitions)
        .extracting(d -> TestHttp.field(d, "category", "categoryType"))
        .contains("Ready", "Away", "ExtendedAway", "LoggedOut");
    assertThat(definitions)
        .filteredOn(d -> ((Map<?, ?>) ((Map<?, ?>) d).get("category")).containsKey("subCategory"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(((Map<?, ?>) d).get("presenceId"))
                    .isEqualTo(VonageFake.EXTENDED_AWAY_PRESENCE_ID));
    assertThat(definitions).extracting(d -> TestHttp.field(d, "selectable")).contains(true, false);
  }

  @Test
  void availabilityMatchesTheDocumentedExampleForAMatchingWorld() {
    Set<String> skills =
        Set.of("457857dc-19eb-4eb9-b562-c90ca37de447", "ba06533c-fe7b-49a3-b868-886086fd001d");
    VonageFake.Builder builder = VonageFake.builder();
    String[] presences = {
      VonageFake.READY_PRESENCE_ID, VonageFake.AWAY_PRESENCE_ID,
      VonageFake.EXTENDED_AWAY_PRESENCE_ID, VonageFake.LOGGED_OUT_PRESENCE_ID
    };
    int[] counts = {12, 8, 5, 10};
    for (int p = 0; p < presences.length; p++) {
      for (int i = 0; i < counts[p]; i++) {
        boolean busy = p == 0 && i < 4;
        builder.agent(UUID.randomUUID().toString(), presences[p], skills, Set.of(), Set.of(), busy);
      }
    }
    // Agents without the skills are not counted.
    builder.agent(UUID.randomUUID().toString(), VonageFake.READY_PRESENCE_ID);
    VonageFake fake = start(builder);

    Reply reply = availability(fake, fixture("vonage-availability-request-skills.json"));

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(fixtureJson("vonage-agents-availability.json"));
  }

  @Test
  void availabilityFiltersBySkillsGroupsAndQueues() {
    String skillA = UUID.randomUUID().toString();
    String skillB = UUID.randomUUID().toString();
    String group = UUID.randomUUID().toString();
    String queue = UUID.randomUUID().toString();
    VonageFake fake =
        start(
            VonageFake.builder()
                .agent(
                    UUID.randomUUID().toString(),
                    VonageFake.READY_PRESENCE_ID,
                    Set.of(skillA, skillB),
                    Set.of(group),
                    Set.of(),
                    false)
                .agent(
                    UUID.randomUUID().toString(),
                    VonageFake.READY_PRESENCE_ID,
                    Set.of(skillA),
                    Set.of(),
                    Set.of(queue),
                    true)
                .agent(
                    UUID.randomUUID().toString(),
                    VonageFake.AWAY_PRESENCE_ID,
                    Set.of(skillB),
                    Set.of(group),
                    Set.of(queue),
                    false));

    Map<String, Object> all = availability(fake, "{}").object();
    Map<String, Object> bothSkills =
        availability(fake, "{\"skillGuids\":[\"" + skillA + "\",\"" + skillB + "\"]}").object();
    Map<String, Object> inGroup =
        availability(fake, "{\"groupGuids\":[\"" + group + "\"],\"liveness\":\"nonlive\"}")
            .object();
    Map<String, Object> inQueue =
        availability(
                fake,
                "{\"queueGuids\":[\""
                    + queue.toUpperCase(Locale.ROOT)
                    + "\"],\"liveness\":\"semilive\"}")
            .object();

    assertThat(all.get("presenceSummary"))
        .isEqualTo(Map.of("Ready", 2.0, "Away", 1.0, "ExtendedAway", 0.0, "LoggedOut", 0.0));
    assertThat(all.get("availabilitySummary"))
        .isEqualTo(
            Map.of("available", 1.0, "incompatiblePresence", 1.0, "insufficientCapacity", 1.0));
    assertThat(bothSkills.get("availabilitySummary"))
        .isEqualTo(
            Map.of("available", 1.0, "incompatiblePresence", 0.0, "insufficientCapacity", 0.0));
    assertThat(inGroup.get("presenceSummary"))
        .isEqualTo(Map.of("Ready", 1.0, "Away", 1.0, "ExtendedAway", 0.0, "LoggedOut", 0.0));
    assertThat(inQueue.get("availabilitySummary"))
        .isEqualTo(
            Map.of("available", 0.0, "incompatiblePresence", 1.0, "insufficientCapacity", 1.0));
  }

  @Test
  void availabilityAnswersTheDocumentedRequestsOnTheDemo() {
    VonageFake fake = start(VonageFake.builder().demoWorld());

    for (String request :
        List.of(
            "vonage-availability-request-skills.json",
            "vonage-availability-request-queues-semilive.json")) {
      Reply reply = availability(fake, fixture(request));
      assertThat(reply.code()).as(request).isEqualTo(200);
      assertThat(reply.object()).containsOnlyKeys("presenceSummary", "availabilitySummary");
    }
    Reply skills = availability(fake, fixture("vonage-availability-request-skills.json"));
    Map<?, ?> summary = (Map<?, ?>) skills.object().get("presenceSummary");
    // A third of the demo's agents have both documented skills.
    assertThat(summary.values().stream().mapToDouble(v -> (Double) v).sum()).isEqualTo(40.0);
  }

  @Test
  void groupsAndQueuesTogetherGetAValidationError() {
    VonageFake fake = start(VonageFake.builder().demoWorld());
    String body =
        "{\"groupGuids\":[\"69962baf-e196-461b-9547-aabd8db075fc\"],"
            + "\"queueGuids\":[\"457857dc-19eb-4eb9-b562-c90ca37de447\"]}";

    Reply reply = availability(fake, body);

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.object())
        .containsEntry("status", 400.0)
        .containsEntry("title", "One or more validation errors occurred.");
  }

  @Test
  void availabilityRejectsAnUnknownLivenessAndIdsThatAreNotGuids() {
    VonageFake fake = start(VonageFake.builder().demoWorld());

    Reply liveness = availability(fake, "{\"liveness\":\"sometimes\"}");
    Reply guid = availability(fake, "{\"skillGuids\":[\"sales\"]}");

    assertThat(liveness.code()).isEqualTo(400);
    assertThat(liveness.body()).contains("liveness");
    assertThat(guid.code()).isEqualTo(400);
    assertThat(guid.body()).contains("skillGuids[0]");
  }

  @Test
  void tokenEndpointAcceptsCredentialsInTheBodyOrAsBasic() {
    VonageFake fake = twoDocumentedAgents();

    Reply body = TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret());
    Reply basic = TestHttp.tokenWithBasic(fake.tokenUrl(), fake.clientId(), fake.clientSecret());

    assertThat(fake.tokenUrl().encodedPath()).isEqualTo("/Auth/connect/token");
    for (Reply reply : List.of(body, basic)) {
      assertThat(reply.code()).isEqualTo(200);
      assertThat(reply.object())
          .containsOnlyKeys("access_token", "token_type", "expires_in")
          .containsEntry("token_type", "Bearer")
          .containsEntry("expires_in", 7200.0);
      String token = (String) reply.object().get("access_token");
      assertThat(api(fake, "/agents/" + DAAB + "/presence").code()).isEqualTo(200);
      assertThat(
              get(
                      fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
                      "Accept",
                      ACCEPT,
                      "Authorization",
                      bearer(token))
                  .code())
          .isEqualTo(200);
    }
    assertThat(body.object().get("access_token")).isNotEqualTo(basic.object().get("access_token"));
  }

  /** A token with exactly {@code scopes}, asked for space-separated as VCC takes them. */
  private static String token(VonageFake fake, String... scopes) {
    Reply reply =
        TestHttp.tokenWithBasic(
            fake.tokenUrl(),
            fake.clientId(),
            fake.clientSecret(),
            "scope",
            String.join(" ", scopes));
    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.object()).containsOnlyKeys("access_token", "token_type", "expires_in");
    return (String) reply.object().get("access_token");
  }

  /** The status of each of the five operations with {@code token}. */
  private static List<Integer> statusOfEachOperation(VonageFake fake, String token) {
    String auth = bearer(token);
    String presence = "/agents/" + DAAB + "/presence";
    return List.of(
        get(
                fake.baseUrl().resolve("/agents/presences/users?userId=" + DAAB),
                "Accept",
                ACCEPT,
                "Authorization",
                auth)
            .code(),
        get(fake.baseUrl().resolve(presence), "Accept", ACCEPT, "Authorization", auth).code(),
        send(
                "PATCH",
                fake.baseUrl().resolve(presence),
                TestHttp.jsonBody("{\"presenceId\":\"" + VonageFake.AWAY_PRESENCE_ID + "\"}"),
                "Accept",
                ACCEPT,
                "Authorization",
                auth)
            .code(),
        get(
                fake.baseUrl().resolve("/agents/presence-definitions"),
                "Accept",
                ACCEPT,
                "Authorization",
                auth)
            .code(),
        send(
                "POST",
                fake.baseUrl().resolve("/agents-availability"),
                TestHttp.jsonBody("{}"),
                "Accept",
                ACCEPT,
                "Authorization",
                auth)
            .code());
  }

  @Test
  void eachOperationAcceptsTheScopesVccDocumentsForIt() {
    VonageFake fake = twoDocumentedAgents();

    // bulk read, one presence, set presence, definitions, availability summary
    assertThat(statusOfEachOperation(fake, token(fake, "users:read")))
        .containsExactly(200, 200, 403, 200, 403);
    assertThat(statusOfEachOperation(fake, token(fake, "users:write")))
        .containsExactly(200, 200, 200, 200, 403);
    assertThat(statusOfEachOperation(fake, token(fake, "self:read")))
        .containsExactly(403, 200, 403, 200, 403);
    assertThat(statusOfEachOperation(fake, token(fake, "self:write")))
        .containsExactly(403, 200, 200, 200, 403);
    assertThat(statusOfEachOperation(fake, token(fake, "admin:read")))
        .containsExactly(403, 403, 403, 200, 403);
    assertThat(statusOfEachOperation(fake, token(fake, "agents-availability:read")))
        .containsExactly(403, 403, 403, 403, 200);
    assertThat(statusOfEachOperation(fake, fake.staticToken()))
        .containsExactly(200, 200, 200, 200, 200);
    assertThat(
            statusOfEachOperation(
                fake,
                (String)
                    TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret())
                        .object()
                        .get("access_token")))
        .as("a token asked for without scopes has them all")
        .containsExactly(200, 200, 200, 200, 200);
  }

  @Test
  void aMissingScopeIs403WithTheScopesTheOperationTakes() {
    VonageFake fake = twoDocumentedAgents();
    String token = token(fake, "users:read");

    Reply reply =
        send(
            "PATCH",
            fake.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            TestHttp.jsonBody("{\"presenceId\":\"" + VonageFake.AWAY_PRESENCE_ID + "\"}"),
            "Accept",
            ACCEPT,
            "Authorization",
            bearer(token));

    assertThat(reply.code()).isEqualTo(403);
    assertThat(reply.json())
        .isEqualTo(
            json(
                "{\"message\":\"The access token lacks the scope PATCH /agents/"
                    + DAAB
                    + "/presence needs: one of users:write, self:write.\"}"));
    assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.READY_PRESENCE_ID);
  }

  @Test
  void anUnknownScopeIsRefusedByTheTokenEndpoint() {
    VonageFake fake = twoDocumentedAgents();

    Reply reply =
        TestHttp.tokenWithBasic(
            fake.tokenUrl(), fake.clientId(), fake.clientSecret(), "scope", "users:read presence");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.object()).containsEntry("error", "invalid_scope");
  }

  @Test
  void tokenEndpointRejectsWrongCredentialsAndGrants() {
    VonageFake fake = start(VonageFake.builder().clientId("my-app").clientSecret("app-s3cr3t-v"));

    Reply wrong = TestHttp.tokenWithBody(fake.tokenUrl(), "my-app", "guess");
    Reply missing =
        send(
            new Request.Builder()
                .url(fake.tokenUrl())
                .post(
                    new okhttp3.FormBody.Builder().add("grant_type", "client_credentials").build())
                .build());
    Reply password =
        send(
            new Request.Builder()
                .url(fake.tokenUrl())
                .post(
                    new okhttp3.FormBody.Builder()
                        .add("grant_type", "password")
                        .add("client_id", "my-app")
                        .add("client_secret", "app-s3cr3t-v")
                        .build())
                .build());
    Reply noGrant = TestHttp.send("POST", fake.tokenUrl(), okhttp3.RequestBody.create("", null));

    assertThat(wrong.code()).isEqualTo(401);
    assertThat(wrong.object())
        .containsEntry("error", "invalid_client")
        .containsKey("error_description");
    assertThat(missing.code()).isEqualTo(401);
    assertThat(password.code()).isEqualTo(400);
    assertThat(password.object()).containsEntry("error", "unsupported_grant_type");
    assertThat(noGrant.code()).isEqualTo(400);
    assertThat(noGrant.object()).containsEntry("error", "unsupported_grant_type");
    assertThat(wrong.body()).doesNotContain("app-s3cr3t-v").doesNotContain("guess");
  }

  @Test
  void tokensExpireByTheFakesClock() {
    VonageFake fake =
        start(
            VonageFake.builder()
                .agent(DAAB, VonageFake.READY_PRESENCE_ID)
                .tokenLifetime(Duration.ofMinutes(10)));
    Reply token = TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret());
    String accessToken = (String) token.object().get("access_token");
    HttpUrl url = fake.baseUrl().resolve("/agents/" + DAAB + "/presence");

    assertThat(token.object()).containsEntry("expires_in", 600.0);
    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    assertThat(get(url, "Accept", ACCEPT, "Authorization", bearer(accessToken)).code())
        .isEqualTo(200);
    clock.advance(Duration.ofMillis(1));
    assertThat(get(url, "Accept", ACCEPT, "Authorization", bearer(accessToken)).code())
        .isEqualTo(401);
  }

  @Test
  void revokedTokensGet401UntilANewTokenIsIssued() {
    VonageFake fake = twoDocumentedAgents();
    String issued =
        (String)
            TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret())
                .object()
                .get("access_token");
    HttpUrl url = fake.baseUrl().resolve("/agents/" + DAAB + "/presence");

    fake.revokeTokens();

    assertThat(get(url, "Accept", ACCEPT, "Authorization", bearer(issued)).code()).isEqualTo(401);
    assertThat(get(url, "Accept", ACCEPT, "Authorization", bearer(fake.staticToken())).code())
        .isEqualTo(401);
    String fresh =
        (String)
            TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret())
                .object()
                .get("access_token");
    assertThat(get(url, "Accept", ACCEPT, "Authorization", bearer(fresh)).code()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreRejected() {
    VonageFake fake = twoDocumentedAgents();

    Reply unknown = api(fake, "/agents/everything");
    Reply delete =
        send(
            new Request.Builder()
                .url(fake.baseUrl().resolve("/agents/" + DAAB + "/presence"))
                .header("Accept", ACCEPT)
                .header("Authorization", bearer(fake.staticToken()))
                .delete()
                .build());

    assertThat(unknown.code()).isEqualTo(404);
    assertThat(delete.code()).isEqualTo(405);
    assertThat(delete.headers().get("Allow")).isEqualTo("GET, PATCH");
  }

  @Test
  void demoWorldHasOneHundredTwentyAgentsInAllFourCategories() {
    VonageFake fake = start(VonageFake.builder().demoWorld());

    assertThat(fake.userIds()).hasSize(120).doesNotHaveDuplicates().startsWith(DAAB, C07D);
    assertThat(fake.userIds()).allMatch(id -> id.matches("[0-9a-f-]{36}"));
    assertThat(fake.skillGuids()).contains("457857dc-19eb-4eb9-b562-c90ca37de447").hasSize(3);
    assertThat(fake.groupGuids())
        .containsExactlyInAnyOrder(
            "69962baf-e196-461b-9547-aabd8db075fc", "4787b940-ef6d-4861-96f9-d0cd94ac68c4");
    assertThat(fake.queueGuids()).hasSize(3);
    Map<String, Object> summary = availability(fake, "{}").object();
    assertThat(summary.get("presenceSummary"))
        .isEqualTo(Map.of("Ready", 47.0, "Away", 36.0, "ExtendedAway", 12.0, "LoggedOut", 25.0));
    assertThat(summary.get("availabilitySummary"))
        .isEqualTo(
            Map.of("available", 36.0, "incompatiblePresence", 73.0, "insufficientCapacity", 11.0));
    List<String> first50 = fake.userIds().subList(0, 50);
    assertThat(api(fake, "/agents/presences/users?userId=" + String.join(",", first50)).array())
        .hasSize(50);
  }

  @Test
  void demoFactoryStartsTheSameWorld() {
    try (VonageFake fake = VonageFake.demo()) {
      assertThat(fake.userIds()).hasSize(120);
      assertThat(fake.currentPresenceId(DAAB)).isEqualTo(VonageFake.LOGGED_OUT_PRESENCE_ID);
      assertThat(fake.currentPresenceId(C07D)).isEqualTo(VonageFake.READY_PRESENCE_ID);
    }
  }

  @Test
  void builderRejectsBadSeedsAtOnce() {
    VonageFake.Builder builder = VonageFake.builder();

    assertThatThrownBy(() -> builder.agent("agent-7", VonageFake.READY_PRESENCE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> builder.presenceDefinition("x", "Ready", "Ready"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presenceId");
    assertThatThrownBy(() -> builder.clientSecret(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> builder.tokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenLifetime");
    builder.agent(DAAB, UUID.randomUUID().toString());
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presenceId");
  }

  @Test
  void customDefinitionsReplaceTheDefaults() {
    String available = UUID.randomUUID().toString();
    VonageFake fake =
        start(
            VonageFake.builder()
                .presenceDefinition(available, "On shift", "Ready", "Working", false)
                .agent(DAAB, available));

    Reply reply = api(fake, "/agents/" + DAAB + "/presence");

    assertThat(fake.presenceIds()).containsExactly(available);
    assertThat(reply.object().get("presence"))
        .isEqualTo(
            json(
                "{\"presenceId\":\""
                    + available
                    + "\",\"selectable\":false,\"category\":{\"categoryType\":\"Ready\","
                    + "\"description\":\"Ready\",\"subCategory\":\"Working\"},"
                    + "\"description\":\"On shift\"}"));
  }

  @Test
  void concurrentChangesAllTakeEffect() throws Exception {
    VonageFake fake = start(VonageFake.builder().demoWorld());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (String userId : fake.userIds()) {
        replies.add(
            pool.submit(
                () ->
                    patch(
                        fake, userId, "{\"presenceId\":\"" + VonageFake.AWAY_PRESENCE_ID + "\"}")));
      }
      for (Future<Reply> reply : replies) {
        assertThat(reply.get().code()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(fake.userIds())
        .allSatisfy(
            id -> assertThat(fake.currentPresenceId(id)).isEqualTo(VonageFake.AWAY_PRESENCE_ID));
    assertThat(fake.requests().apiCalls()).hasSize(120);
  }
}
