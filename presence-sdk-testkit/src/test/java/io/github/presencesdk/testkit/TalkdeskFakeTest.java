package io.github.presencesdk.testkit;

import static io.github.presencesdk.testkit.TestHttp.bearer;
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
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TalkdeskFakeTest {
  private static final String BUSY_USER = "61a4f2b9c3e8d5001a7b9c10";
  private static final String IDLE_USER = "61a4f2b9c3e8d5001a7b9c11";
  private static final String LUNCH = "b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a";
  private static final String TRAINING = "0e9d8c7b-6a5f-4e3d-2c1b-a0f9e8d7c6b5";

  private final MutableClock clock = new MutableClock(Instant.parse("2023-06-14T09:41:27.512Z"));
  private final List<TalkdeskFake> fakes = new ArrayList<>();

  @AfterEach
  void closeFakes() {
    fakes.forEach(TalkdeskFake::close);
  }

  private TalkdeskFake start(TalkdeskFake.Builder builder) {
    TalkdeskFake fake = builder.clock(clock).build();
    fakes.add(fake);
    return fake;
  }

  private TalkdeskFake small() {
    return start(
        TalkdeskFake.builder()
            .customStatus(LUNCH, "Lunch")
            .customStatus(TRAINING, "Training")
            .user(BUSY_USER, "available")
            .interaction(BUSY_USER, "c8a1e6f4-2b7d-4c9e-8a3f-5d1b0e9c7a64", "voice", 100)
            .interaction(BUSY_USER, "chat-1", "chat", 50)
            .interaction(BUSY_USER, "chat-2", "chat", 25)
            .user(IDLE_USER, "away", LUNCH));
  }

  private static Reply presence(TalkdeskFake fake, String userId, String token) {
    return get(
        fake.baseUrl().resolve("/users/" + userId + "/presence"), "Authorization", bearer(token));
  }

  private static Reply putStatus(TalkdeskFake fake, String userId, String body, String token) {
    return send(
        "PUT",
        fake.baseUrl().resolve("/users/" + userId + "/presence/status"),
        TestHttp.jsonBody(body),
        "Authorization",
        bearer(token));
  }

  private static String token(TalkdeskFake fake, String... scope) {
    Reply reply =
        scope.length == 0
            ? TestHttp.tokenWithBasic(fake.tokenUrl(), fake.clientId(), fake.clientSecret())
            : TestHttp.tokenWithBasic(
                fake.tokenUrl(),
                fake.clientId(),
                fake.clientSecret(),
                "scope",
                String.join(" ", scope));
    assertThat(reply.code()).isEqualTo(200);
    return (String) reply.object().get("access_token");
  }

  @Test
  void presenceHasTheDocumentedFieldsAndDerivedOccupancy() {
    TalkdeskFake fake = small();

    Reply reply = presence(fake, BUSY_USER, fake.staticToken());

    assertThat(reply.code()).isEqualTo(200);
    Map<String, Object> body = reply.object();
    assertThat(body)
        .containsOnlyKeys(
            "id",
            "user_id",
            "account_id",
            "status",
            "custom_status",
            "custom_status_id",
            "occupancy",
            "channels",
            "devices",
            "interactions",
            "updated_by",
            "updated_at",
            "_links");
    assertThat(body)
        .containsEntry("user_id", BUSY_USER)
        .containsEntry("account_id", fake.accountId())
        .containsEntry("status", "available")
        .containsEntry("custom_status", null)
        .containsEntry("custom_status_id", null)
        .containsEntry("occupancy", 175.0)
        .containsEntry("updated_by", BUSY_USER)
        .containsEntry("updated_at", "2023-06-14T09:41:27.512Z");
    assertThat(body.get("devices")).isEqualTo(json("[{\"id\":\"softphone-9c10\"}]"));
    assertThat(body.get("channels"))
        .isEqualTo(
            json(
                "[{\"name\":\"voice\",\"devices\":[\"softphone-9c10\"],\"occupancy\":100},"
                    + "{\"name\":\"chat\",\"devices\":[],\"occupancy\":75}]"));
    assertThat(body.get("interactions"))
        .isEqualTo(
            json(
                "[{\"id\":\"c8a1e6f4-2b7d-4c9e-8a3f-5d1b0e9c7a64\",\"channel_name\":\"voice\","
                    + "\"device_id\":\"softphone-9c10\",\"cost\":100},"
                    + "{\"id\":\"chat-1\",\"channel_name\":\"chat\",\"cost\":50},"
                    + "{\"id\":\"chat-2\",\"channel_name\":\"chat\",\"cost\":25}]"));
    assertThat(TestHttp.field(body, "_links", "self", "href"))
        .isEqualTo(fake.baseUrl().resolve("/users/" + BUSY_USER + "/presence").toString());
  }

  @Test
  void customStatusIsNamedInThePresence() {
    TalkdeskFake fake = small();

    Map<String, Object> body = presence(fake, IDLE_USER, fake.staticToken()).object();

    assertThat(body)
        .containsEntry("status", "away")
        .containsEntry("custom_status", "Lunch")
        .containsEntry("custom_status_id", LUNCH)
        .containsEntry("occupancy", 0.0)
        .containsEntry("interactions", List.of());
  }

  @Test
  void unknownUserIs404WithTheErrorBody() {
    TalkdeskFake fake = small();

    Reply reply = presence(fake, "nobody", fake.staticToken());

    assertThat(reply.code()).isEqualTo(404);
    assertThat(reply.object())
        .containsEntry("code", "3900404")
        .containsEntry("message", "User not found")
        .containsEntry("fields", List.of())
        .containsKey("description");
  }

  @Test
  void acceptHeaderMustAllowJson() {
    TalkdeskFake fake = small();
    HttpUrl url = fake.baseUrl().resolve("/users/" + BUSY_USER + "/presence");
    String auth = bearer(fake.staticToken());

    Reply html = get(url, "Authorization", auth, "Accept", "text/html");
    Reply xml = get(url, "Authorization", auth, "Accept", "application/xml");
    Reply any = get(url, "Authorization", auth, "Accept", "*/*");
    Reply jsonAmongOthers =
        get(url, "Authorization", auth, "Accept", "text/html, application/json;q=0.5");
    Reply none = get(url, "Authorization", auth);

    for (Reply reply : List.of(html, xml)) {
      assertThat(reply.code()).isEqualTo(406);
      assertThat(reply.object())
          .containsEntry("code", "3900406")
          .containsKey("message")
          .containsEntry("fields", List.of());
    }
    for (Reply reply : List.of(any, jsonAmongOthers, none)) {
      assertThat(reply.code()).isEqualTo(200);
    }
  }

  @Test
  void setStatusAnswers204AndChangesTheWorld() {
    TalkdeskFake fake = small();
    String before = (String) presence(fake, BUSY_USER, fake.staticToken()).object().get("id");
    clock.advance(Duration.ofMinutes(3));

    Reply reply =
        putStatus(
            fake,
            BUSY_USER,
            "{\"status\":\"away\",\"custom_status_id\":\"" + TRAINING + "\"}",
            fake.staticToken());

    assertThat(reply.code()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(fake.status(BUSY_USER)).isEqualTo("away");
    assertThat(fake.customStatusId(BUSY_USER)).isEqualTo(TRAINING);
    Map<String, Object> after = presence(fake, BUSY_USER, fake.staticToken()).object();
    assertThat(after)
        .containsEntry("status", "away")
        .containsEntry("custom_status", "Training")
        .containsEntry("custom_status_id", TRAINING)
        .containsEntry("updated_at", "2023-06-14T09:44:27.512Z")
        .containsEntry("updated_by", fake.clientId());
    assertThat(after.get("id")).isNotEqualTo(before);

    assertThat(putStatus(fake, BUSY_USER, "{\"status\":\"offline\"}", fake.staticToken()).code())
        .isEqualTo(204);
    assertThat(presence(fake, BUSY_USER, fake.staticToken()).object())
        .containsEntry("status", "offline")
        .containsEntry("custom_status_id", null);
  }

  @Test
  void setStatusRejectsAnUnknownStatus() {
    TalkdeskFake fake = small();

    Reply invalid = putStatus(fake, BUSY_USER, "{\"status\":\"busy\"}", fake.staticToken());
    Reply missing = putStatus(fake, BUSY_USER, "{}", fake.staticToken());

    assertThat(invalid.code()).isEqualTo(400);
    assertThat(invalid.object()).containsEntry("code", "3900400").containsKey("message");
    assertThat(TestHttp.list(invalid.object().get("fields")))
        .singleElement()
        .satisfies(
            field -> {
              assertThat(TestHttp.field(field, "name")).isEqualTo("status");
              assertThat((String) TestHttp.field(field, "description"))
                  .contains("available, away, offline, hidden");
            });
    assertThat(missing.code()).isEqualTo(400);
    assertThat(missing.body()).contains("\"name\":\"status\"");
    assertThat(fake.status(BUSY_USER)).isEqualTo("available");
  }

  @Test
  void setStatusRejectsAnUnknownCustomStatus() {
    TalkdeskFake fake = small();

    Reply reply =
        putStatus(
            fake,
            BUSY_USER,
            "{\"status\":\"away\",\"custom_status_id\":\"coffee\"}",
            fake.staticToken());

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.body()).contains("\"name\":\"custom_status_id\"");
    assertThat(fake.status(BUSY_USER)).isEqualTo("available");
  }

  @Test
  void setStatusNeedsJsonAndAKnownUser() {
    TalkdeskFake fake = small();

    Reply text =
        send(
            "PUT",
            fake.baseUrl().resolve("/users/" + BUSY_USER + "/presence/status"),
            TestHttp.jsonBody("status=away", "text/plain"),
            "Authorization",
            bearer(fake.staticToken()));
    Reply broken = putStatus(fake, BUSY_USER, "{\"status\":", fake.staticToken());
    Reply unknown = putStatus(fake, "nobody", "{\"status\":\"away\"}", fake.staticToken());

    assertThat(text.code()).isEqualTo(415);
    assertThat(text.object()).containsEntry("code", "3900415");
    assertThat(broken.code()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.object()).containsEntry("message", "User not found");
    assertThat(fake.status(BUSY_USER)).isEqualTo("available");
  }

  @Test
  void customStatusesAreListed() {
    TalkdeskFake fake = small();

    Reply reply =
        get(
            fake.baseUrl().resolve("/account/custom-status"),
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.json())
        .isEqualTo(
            json(
                "{\"custom_status\":[{\"id\":\""
                    + LUNCH
                    + "\",\"display_name\":\"Lunch\"},"
                    + "{\"id\":\""
                    + TRAINING
                    + "\",\"display_name\":\"Training\"}]}"));
  }

  @Test
  void tokenEndpointRequiresHttpBasic() {
    TalkdeskFake fake = small();

    Reply basic = TestHttp.tokenWithBasic(fake.tokenUrl(), fake.clientId(), fake.clientSecret());
    Reply body = TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret());
    Reply wrong = TestHttp.tokenWithBasic(fake.tokenUrl(), fake.clientId(), "guess");
    Reply grant =
        send(
            new Request.Builder()
                .url(fake.tokenUrl())
                .header(
                    "Authorization",
                    okhttp3.Credentials.basic(fake.clientId(), fake.clientSecret()))
                .post(
                    new okhttp3.FormBody.Builder().add("grant_type", "authorization_code").build())
                .build());

    assertThat(fake.tokenUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(basic.code()).isEqualTo(200);
    assertThat(basic.object())
        .containsOnlyKeys("access_token", "token_type", "expires_in", "scope")
        .containsEntry("token_type", "Bearer")
        .containsEntry("expires_in", 3600.0)
        .containsEntry(
            "scope", "account-custom-status:read presence-status:write presence-user:read");
    assertThat(body.code()).isEqualTo(401);
    assertThat(body.object()).containsEntry("error", "invalid_client");
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(wrong.object())
        .containsEntry("error", "invalid_client")
        .containsKey("error_description");
    assertThat(grant.code()).isEqualTo(400);
    assertThat(grant.object()).containsEntry("error", "unsupported_grant_type");
    String token = (String) basic.object().get("access_token");
    assertThat(presence(fake, BUSY_USER, token).code()).isEqualTo(200);
  }

  @Test
  void eachOperationChecksItsScope() {
    TalkdeskFake fake = small();
    String readOnly = token(fake, "presence-user:read");
    String writeOnly = token(fake, "presence-status:write");

    Reply read = presence(fake, BUSY_USER, writeOnly);
    Reply write = putStatus(fake, BUSY_USER, "{\"status\":\"away\"}", readOnly);
    Reply custom =
        get(fake.baseUrl().resolve("/account/custom-status"), "Authorization", bearer(readOnly));

    assertThat(read.code()).isEqualTo(403);
    assertThat(read.json())
        .isEqualTo(
            json(
                "{\"code\":\"3900403\",\"message\":\"Forbidden\","
                    + "\"description\":\"Missing scope presence-user:read\",\"fields\":[]}"));
    assertThat(write.code()).isEqualTo(403);
    assertThat(write.object()).containsEntry("description", "Missing scope presence-status:write");
    assertThat(custom.code()).isEqualTo(403);
    assertThat(custom.object())
        .containsEntry("description", "Missing scope account-custom-status:read");
    assertThat(presence(fake, BUSY_USER, readOnly).code()).isEqualTo(200);
    assertThat(putStatus(fake, BUSY_USER, "{\"status\":\"away\"}", writeOnly).code())
        .isEqualTo(204);
  }

  @Test
  void unknownScopeIsRejected() {
    TalkdeskFake fake = small();

    Reply reply =
        TestHttp.tokenWithBasic(
            fake.tokenUrl(), fake.clientId(), fake.clientSecret(), "scope", "users:read");

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.object()).containsEntry("error", "invalid_scope");
  }

  @Test
  void callsWithoutAValidTokenGet401() {
    TalkdeskFake fake = small();
    HttpUrl url = fake.baseUrl().resolve("/users/" + BUSY_USER + "/presence");

    Reply none = get(url);
    Reply wrong = get(url, "Authorization", "Bearer nope");

    for (Reply reply : List.of(none, wrong)) {
      assertThat(reply.code()).isEqualTo(401);
      assertThat(reply.json())
          .isEqualTo(json("{\"code\":\"3900401\",\"message\":\"Unauthorized\"}"));
    }
  }

  @Test
  void tokensExpireAndCanBeRevoked() {
    TalkdeskFake fake = small();
    String token = token(fake);

    clock.advance(Duration.ofMinutes(59));
    assertThat(presence(fake, BUSY_USER, token).code()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(1));
    assertThat(presence(fake, BUSY_USER, token).code()).isEqualTo(401);

    String second = token(fake);
    fake.revokeTokens();
    assertThat(presence(fake, BUSY_USER, second).code()).isEqualTo(401);
    assertThat(presence(fake, BUSY_USER, fake.staticToken()).code()).isEqualTo(401);
    assertThat(presence(fake, BUSY_USER, token(fake)).code()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethods() {
    TalkdeskFake fake = small();

    Reply path = get(fake.baseUrl().resolve("/users"), "Authorization", bearer(fake.staticToken()));
    Reply method =
        send(
            "POST",
            fake.baseUrl().resolve("/users/" + BUSY_USER + "/presence"),
            RequestBody.create("{}", TestHttp.JSON),
            "Authorization",
            bearer(fake.staticToken()));

    assertThat(path.code()).isEqualTo(404);
    assertThat(method.code()).isEqualTo(405);
    assertThat(method.headers().get("Allow")).isEqualTo("GET");
  }

  @Test
  void demoWorldHasFortyUsersWithMixedStatusesAndFourCustomStatuses() {
    TalkdeskFake fake = start(TalkdeskFake.builder().demoWorld());

    assertThat(fake.userIds())
        .hasSize(40)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{24}"));
    assertThat(fake.customStatusIds()).hasSize(4);
    assertThat(fake.userIds().stream().map(fake::status).distinct())
        .containsExactlyInAnyOrder("available", "away", "offline", "hidden");
    assertThat(fake.userIds().stream().filter(id -> fake.customStatusId(id) != null)).isNotEmpty();
    long busy =
        fake.userIds().stream()
            .map(id -> presence(fake, id, fake.staticToken()).object())
            .filter(p -> ((Double) p.get("occupancy")) > 0)
            .count();
    assertThat(busy).isGreaterThan(3).isLessThan(40);
    Reply statuses =
        get(
            fake.baseUrl().resolve("/account/custom-status"),
            "Authorization",
            bearer(fake.staticToken()));
    assertThat(TestHttp.list(statuses.object().get("custom_status"))).hasSize(4);
  }

  @Test
  void testSideStatusChangeIsVisible() {
    TalkdeskFake fake = small();

    fake.setStatus(BUSY_USER, "hidden", null);

    assertThat(presence(fake, BUSY_USER, fake.staticToken()).object())
        .containsEntry("status", "hidden")
        .containsEntry("updated_by", BUSY_USER);
    assertThatThrownBy(() -> fake.setStatus(BUSY_USER, "busy", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> fake.status("nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
  }

  @Test
  void builderRejectsBadSeedsAtOnce() {
    TalkdeskFake.Builder builder = TalkdeskFake.builder();

    assertThatThrownBy(() -> builder.user("u1", "busy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> builder.interaction("u1", "i1", "voice", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> builder.user("a/b", "away"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    builder.user("u1", "away", "no-such-status");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customStatusId");
  }
}
