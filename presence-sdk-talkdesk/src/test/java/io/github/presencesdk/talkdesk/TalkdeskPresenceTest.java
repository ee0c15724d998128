package io.github.presencesdk.talkdesk;

import static io.github.presencesdk.talkdesk.Fixtures.fixture;
import static io.github.presencesdk.talkdesk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.Capability;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.UndecodableResponseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TalkdeskPresenceTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient client;

  @BeforeEach
  void setUp() {
    client = TalkdeskClient.builder().baseUrl(server.url("/")).accessToken("tok-static").build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void presenceDecodesEveryDocumentedField() throws Exception {
    server.enqueue(fixture(200, "presence.json"));

    Presence<TalkdeskPresence> presence = client.presence("61a4f2b9c3e8d5001a7b9c10");

    TalkdeskPresence detail = presence.detail();
    assertThat(detail.id()).contains("d290f1ee-6c54-4b01-90e6-d701748f0851");
    assertThat(detail.userId()).contains("61a4f2b9c3e8d5001a7b9c10");
    assertThat(detail.accountId()).contains("5f3c8e2a1b4d6f0012c3a9e7");
    assertThat(detail.status()).isEqualTo(TalkdeskStatus.AVAILABLE);
    assertThat(detail.rawStatus()).isEqualTo("available");
    assertThat(detail.customStatus()).contains("Available");
    assertThat(detail.customStatusId()).contains("b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a");
    assertThat(detail.occupancy()).isEqualTo(200);
    assertThat(detail.channels())
        .containsExactly(
            new TalkdeskPresence.Channel("voice", List.of("softphone-3f2a"), OptionalInt.of(100)),
            new TalkdeskPresence.Channel("custom_busy", List.of(), OptionalInt.empty()));
    assertThat(detail.devices()).containsExactly(new TalkdeskPresence.Device("softphone-3f2a"));
    assertThat(detail.interactions())
        .containsExactly(
            new TalkdeskPresence.Interaction(
                "c8a1e6f4-2b7d-4c9e-8a3f-5d1b0e9c7a64",
                "voice",
                Optional.of("softphone-3f2a"),
                100),
            new TalkdeskPresence.Interaction(
                "some_busy_state", "custom_busy", Optional.empty(), 100));
    assertThat(detail.updatedBy()).contains("61a4f2b9c3e8d5001a7b9c10");
    assertThat(detail.updatedAt()).contains(Instant.parse("2023-06-14T09:41:27.512Z"));
    assertThat(detail.selfLink())
        .contains("https://api.talkdeskapp.com/users/61a4f2b9c3e8d5001a7b9c10/presence");

    assertThat(presence.userId()).isEqualTo("61a4f2b9c3e8d5001a7b9c10");
    assertThat(presence.state()).isEqualTo(PresenceState.BUSY);
    assertThat(presence.vendorStatus()).isEqualTo("available");
    assertThat(presence.label()).contains("Available");
    assertThat(presence.updatedAt()).contains(Instant.parse("2023-06-14T09:41:27.512Z"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/users/61a4f2b9c3e8d5001a7b9c10/presence");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-static");
    assertThat(request.getHeaders().get("User-Agent")).contains("(talkdesk)");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void idleAvailableUserIsAvailableWithoutLabel() throws Exception {
    server.enqueue(fixture(200, "presence-available.json"));

    Presence<TalkdeskPresence> presence = client.presence(Fixtures.AVAILABLE_USER_ID);

    assertThat(presence.state()).isEqualTo(PresenceState.AVAILABLE);
    assertThat(presence.isAvailable()).isTrue();
    assertThat(presence.label()).isEmpty();
    assertThat(presence.detail().customStatus()).isEmpty();
    assertThat(presence.detail().customStatusId()).isEmpty();
    assertThat(presence.detail().interactions()).isEmpty();
    assertThat(presence.detail().isOccupied()).isFalse();
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/users/" + Fixtures.AVAILABLE_USER_ID + "/presence");
  }

  @ParameterizedTest(name = "{0}, occupancy {1}, {2} interaction(s) -> {3}")
  @CsvSource({
    "available, 0, 0, AVAILABLE",
    "available, 100, 1, BUSY",
    "available, 0, 1, BUSY",
    "available, 50, 0, BUSY",
    "away, 0, 0, AWAY",
    "away, 100, 1, AWAY",
    "offline, 0, 0, OFFLINE",
    "hidden, 0, 0, OFFLINE",
    "hidden, 100, 1, OFFLINE",
    "Available, 0, 0, AVAILABLE",
    "on_break, 0, 0, UNKNOWN",
  })
  void statusInteractionsAndOccupancyMapToState(
      String status, int occupancy, int interactions, PresenceState expected) {
    server.enqueue(json(200, presenceBody(status, occupancy, interactions)));

    Presence<TalkdeskPresence> presence = client.presence("u1");

    assertThat(presence.detail().occupancy()).isEqualTo(occupancy);
    assertThat(presence.detail().interactions()).hasSize(interactions);
    assertThat(presence.state()).isEqualTo(expected);
    assertThat(presence.vendorStatus()).isEqualTo(status);
    assertThat(presence.detail().rawStatus()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"status\":\"available\"} | UNKNOWN",
        "{\"status\":\"available\",\"occupancy\":null,\"interactions\":null} | UNKNOWN",
        "{\"status\":\"available\",\"occupancy\":0} | AVAILABLE",
        "{\"status\":\"available\",\"interactions\":[]} | AVAILABLE",
        "{\"status\":\"available\",\"occupancy\":100} | BUSY",
        "{\"status\":\"away\"} | AWAY",
      })
  void anAvailableUserWithoutOccupancyOrInteractionsIsNotReportedFree(
      String body, PresenceState expected) throws Exception {
    server.enqueue(json(200, body));

    Presence<TalkdeskPresence> presence = client.presence("u1");

    // Fields that were not sent say nothing: they are not "no interaction, occupancy 0".
    assertThat(presence.state()).isEqualTo(expected);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/users/u1/presence");
  }

  @Test
  void hiddenUserIsNeverReportedAvailable() {
    server.enqueue(json(200, presenceBody("hidden", 0, 0)));

    Presence<TalkdeskPresence> presence = client.presence("u1");

    assertThat(presence.isAvailable()).isFalse();
    assertThat(presence.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.detail().status()).isEqualTo(TalkdeskStatus.HIDDEN);
  }

  @Test
  void unknownStatusValueIsKeptVerbatim() {
    server.enqueue(json(200, presenceBody("do_not_disturb", 0, 0)));

    Presence<TalkdeskPresence> presence = client.presence("u1");

    assertThat(presence.state()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(presence.detail().status()).isEqualTo(TalkdeskStatus.UNKNOWN);
    assertThat(presence.detail().rawStatus()).isEqualTo("do_not_disturb");
    assertThat(presence.vendorStatus()).isEqualTo("do_not_disturb");
  }

  @Test
  void userIdIsSentAsOneEncodedPathSegment() throws Exception {
    server.enqueue(fixture(200, "presence-available.json"));

    Presence<TalkdeskPresence> presence = client.presence("a/b?c=d#e %f");

    assertThat(presence.userId()).isEqualTo("a/b?c=d#e %f");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/users/a%2Fb%3Fc=d%23e%20%25f/presence");
    assertThat(request.getUrl().pathSegments())
        .containsExactly("users", "a/b?c=d#e %f", "presence");
    assertThat(request.getUrl().query()).isNull();
  }

  @Test
  void baseUrlWithPathKeepsItsPrefix() throws Exception {
    client.close();
    client =
        TalkdeskClient.builder()
            .baseUrl(server.url("/gateway/talkdesk/"))
            .accessToken("tok-static")
            .build();
    server.enqueue(fixture(200, "presence-available.json"));

    client.presence("u1");

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/gateway/talkdesk/users/u1/presence");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", "..", "a\nb"})
  void invalidUserIdIsRejectedBeforeSending(String userId) {
    assertThatThrownBy(() -> client.presence(userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> client.presenceAsync(userId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullAndOverlongUserIdsAreRejectedBeforeSending() {
    assertThatThrownBy(() -> client.presence(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId must not be null");
    assertThatThrownBy(() -> client.presence("x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be at most 256 characters");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void toleratesNumbersAsStringsNullsDeviceIdsAsStringsAndUnknownFields() {
    server.enqueue(
        json(
            200,
            """
            {"status": "away", "occupancy": "3", "custom_status": "Lunch",
             "channels": [{"name": "voice", "devices": null, "occupancy": "2", "extra": 1}, null],
             "devices": ["desk-phone"], "interactions": null, "updated_at": null,
             "_links": {"self": "https://api.talkdeskapp.com/users/u1/presence"},
             "new_field": {"nested": [1, 2]}}
            """));

    Presence<TalkdeskPresence> presence = client.presence("u1");

    TalkdeskPresence detail = presence.detail();
    assertThat(detail.occupancy()).isEqualTo(3);
    assertThat(detail.channels())
        .containsExactly(new TalkdeskPresence.Channel("voice", List.of(), OptionalInt.of(2)));
    assertThat(detail.devices()).containsExactly(new TalkdeskPresence.Device("desk-phone"));
    assertThat(detail.interactions()).isEmpty();
    assertThat(detail.id()).isEmpty();
    assertThat(detail.userId()).isEmpty();
    assertThat(detail.updatedAt()).isEmpty();
    assertThat(detail.selfLink()).contains("https://api.talkdeskapp.com/users/u1/presence");
    assertThat(presence.state()).isEqualTo(PresenceState.AWAY);
    assertThat(presence.label()).contains("Lunch");
    assertThat(presence.updatedAt()).isEmpty();
  }

  @Test
  void presenceWithoutStatusIsUndecodable() {
    server.enqueue(json(200, "{\"id\": \"e1\", \"occupancy\": 0}"));

    assertThatThrownBy(() -> client.presence("u1"))
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("talkdesk answered HTTP 200")
        .hasMessageContaining("'status'");
  }

  @Test
  void successBodyThatIsNotJsonIsUndecodable() {
    server.enqueue(json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> client.presence("u1"))
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.bodyExcerpt()).isEqualTo("<html>maintenance</html>");
            })
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void presenceAsyncCompletesWithThePresence() throws Exception {
    server.enqueue(fixture(200, "presence.json"));

    Presence<TalkdeskPresence> presence = client.presenceAsync("61a4f2b9c3e8d5001a7b9c10").join();

    assertThat(presence.state()).isEqualTo(PresenceState.BUSY);
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/users/61a4f2b9c3e8d5001a7b9c10/presence");
  }

  @Test
  void reportsVendorAndCapabilities() {
    assertThat(client.vendor()).isEqualTo("talkdesk");
    assertThat(client.capabilities())
        .containsExactlyInAnyOrder(Capability.SET_PRESENCE, Capability.LIST_STATUSES);
    assertThat(client.supports(Capability.BULK_READ)).isFalse();
  }

  @Test
  void closedClientRefusesCalls() {
    client.close();

    assertThatThrownBy(() -> client.presence("u1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }

  /** The available fixture with another status, occupancy and number of interactions. */
  static String presenceBody(String status, int occupancy, int interactions) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < interactions; i++) {
      list.append(i == 0 ? "" : ",")
          .append("{\"id\": \"i")
          .append(i)
          .append("\", \"channel_name\": \"voice\", \"cost\": 100}");
    }
    return Fixtures.load("presence-available.json")
        .replace("\"status\": \"available\"", "\"status\": \"" + status + "\"")
        .replace(
            "\"occupancy\": 0,\n  \"channels\"",
            "\"occupancy\": " + occupancy + ",\n  \"channels\"")
        .replace("\"interactions\": []", "\"interactions\": [" + list + "]");
  }
}
