package io.github.presencesdk.talkdesk;

import static io.github.presencesdk.talkdesk.Fixtures.fixture;
import static io.github.presencesdk.talkdesk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UnexpectedStatusException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TalkdeskStatusUpdateTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private TalkdeskClient client;

  @BeforeEach
  void setUp() {
    client =
        TalkdeskClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-static")
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build())
            .sleeper(sleeps::add)
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void updateStatusSendsPutWithTheStatus() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    Optional<Presence<TalkdeskPresence>> result =
        client.updateStatus("user-1", TalkdeskStatus.AWAY);

    assertThat(result).isEmpty();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/users/user-1/presence/status");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-static");
    assertThat(request.getBody().utf8()).isEqualTo("{\"status\":\"away\"}");
  }

  @Test
  void updateStatusWithCustomStatusSendsItsId() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.updateStatus("user-1", TalkdeskStatus.AWAY, "b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a");

    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"status\":\"away\",\"custom_status_id\":\"b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a\"}");
  }

  @ParameterizedTest
  @CsvSource({"AVAILABLE, available", "AWAY, away", "OFFLINE, offline", "HIDDEN, hidden"})
  void everyWritableStatusIsSentAsItsWireValue(TalkdeskStatus status, String wire)
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.updateStatus("user-1", status);

    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"status\":\"" + wire + "\"}");
  }

  @Test
  void presenceInTheAnswerIsDecoded() {
    server.enqueue(
        json(200, TalkdeskPresenceTest.presenceBody("away", 0, 0).replace("null", "\"Lunch\"")));

    Optional<Presence<TalkdeskPresence>> result =
        client.updateStatus("user-1", TalkdeskStatus.AWAY);

    assertThat(result).isPresent();
    assertThat(result.get().userId()).isEqualTo("user-1");
    assertThat(result.get().state()).isEqualTo(PresenceState.AWAY);
    assertThat(result.get().label()).contains("Lunch");
  }

  @Test
  void documentedPresenceInTheAnswerIsDecoded() throws Exception {
    server.enqueue(fixture(200, "presence.json"));

    Optional<Presence<TalkdeskPresence>> result =
        client.updateStatus("61a4f2b9c3e8d5001a7b9c10", TalkdeskStatus.AVAILABLE);

    assertThat(result).isPresent();
    assertThat(result.get().detail().accountId()).contains("5f3c8e2a1b4d6f0012c3a9e7");
    assertThat(result.get().vendorStatus()).isEqualTo("available");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/users/61a4f2b9c3e8d5001a7b9c10/presence/status");
    assertThat(request.getBody().utf8()).isEqualTo("{\"status\":\"available\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "{\"result\":\"ok\"}", "OK"})
  void answerWithoutPresenceGivesEmpty(String body) {
    server.enqueue(new MockResponse.Builder().code(200).body(body).build());

    assertThat(client.updateStatus("user-1", TalkdeskStatus.OFFLINE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // An echo of the request.
        "{\"status\":\"away\",\"custom_status_id\":\"b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a\"}",
        // Acknowledgements that carry a status key of their own.
        "{\"status\":\"ok\"}",
        "{\"id\":\"d290f1ee-6c54-4b01-90e6-d701748f0851\",\"status\":\"accepted\"}",
        "{\"status\":{\"code\":200,\"message\":\"OK\"}}",
        "{\"status\":200,\"message\":\"Status updated\"}",
        // Presence keys, but a status that is not a string.
        "{\"status\":[\"away\"],\"updated_at\":\"2023-06-14T09:41:27.512Z\"}"
      })
  void acknowledgementWithAStatusKeyIsNotAPresenceAndGivesEmpty(String body) throws Exception {
    server.enqueue(json(200, body));

    Optional<Presence<TalkdeskPresence>> result =
        client.updateStatus("user-1", TalkdeskStatus.AWAY, "b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a");

    assertThat(result).isEmpty();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/users/user-1/presence/status");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"status\":\"away\",\"custom_status_id\":\"b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a\"}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void presenceThatCannotBeReadAfterTheWriteGivesEmptyInsteadOfAFailure() throws Exception {
    // The documented presence with an updated_at that is not a date: undecodable, but the status
    // was changed, so the call does not fail.
    String broken =
        Fixtures.load("presence.json").replace("\"2023-06-14T09:41:27.512Z\"", "\"last Tuesday\"");
    assertThat(broken).contains("last Tuesday");
    server.enqueue(json(200, broken));

    assertThat(client.updateStatus("user-1", TalkdeskStatus.AVAILABLE)).isEmpty();
    assertThat(server.takeRequest().getMethod()).isEqualTo("PUT");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void userIdIsEncodedAsOnePathSegment() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.updateStatus("team/lead?x", TalkdeskStatus.AVAILABLE);

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/users/team%2Flead%3Fx/presence/status");
  }

  @Test
  void invalidArgumentsAreRejectedBeforeSending() {
    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status must be one of AVAILABLE, AWAY, OFFLINE, HIDDEN")
        .hasMessageContaining("was UNKNOWN");
    assertThatThrownBy(() -> client.updateStatus("user-1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status must be one of");
    assertThatThrownBy(() -> client.updateStatus(" ", TalkdeskStatus.AWAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.AWAY, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customStatusId must not be blank");
    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.AWAY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customStatusId must not be null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void updateIsRetriedAfterAServerErrorBecauseItIsIdempotent() throws Exception {
    server.enqueue(fixture(503, "error-500.json"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(client.updateStatus("user-1", TalkdeskStatus.AWAY)).isEmpty();

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"status\":\"away\"}");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"status\":\"away\"}");
  }

  @Test
  void rejectedStatusKeepsTheVendorFields() {
    server.enqueue(fixture(400, "error-400.json"));

    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.AWAY))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.errorCode()).contains("3900400");
              assertThat(e.error().title()).contains("Bad request");
              assertThat(e.vendorMessage()).contains("The request body is invalid");
              assertThat(e.details())
                  .containsExactly(
                      ErrorDetail.of("status", "must be one of available, away, offline, hidden"));
            })
        .hasMessageContaining("status: must be one of available, away, offline, hidden");
    // 400 is not retried.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void forbiddenUpdateNamesTheWriteScope() {
    server.enqueue(
        json(403, "{\"code\":\"3900403\",\"message\":\"Forbidden access\",\"fields\":[]}"));

    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.AWAY))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("This call needs the OAuth scope presence-status:write");
  }

  @Test
  void updateOfUnknownUserThrowsNotFoundNamingTheUser() {
    server.enqueue(fixture(404, "error-404.json"));

    assertThatThrownBy(() -> client.updateStatus("ghost", TalkdeskStatus.AWAY))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("User not found")
        .hasMessageContaining("no user with id \"ghost\"");
  }

  @Test
  void unsupportedMediaTypeSaysTheContentTypeWasRefused() {
    server.enqueue(fixture(415, "error-415.json"));

    assertThatThrownBy(() -> client.updateStatus("user-1", TalkdeskStatus.AWAY))
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(415);
              assertThat(e.errorCode()).contains("3900415");
              assertThat(e.vendorMessage()).contains("Unsupported media type");
            })
        .hasMessageContaining("refused the Content-Type");
  }

  @Test
  void customStatusesAreListed() throws Exception {
    server.enqueue(fixture(200, "custom-status.json"));

    List<TalkdeskCustomStatus> statuses = client.customStatuses();

    assertThat(statuses)
        .containsExactly(
            new TalkdeskCustomStatus("b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a", Optional.of("Lunch")),
            new TalkdeskCustomStatus(
                "0e9d8c7b-6a5f-4e3d-2c1b-a0f9e8d7c6b5", Optional.of("Training")));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/account/custom-status");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-static");
  }

  @Test
  void customStatusesTolerateAbsentListsAndNames() {
    server.enqueue(json(200, "{\"custom_status\": [{\"id\": \"x1\"}], \"total\": 1}"));
    server.enqueue(json(200, "{}"));

    assertThat(client.customStatuses())
        .containsExactly(new TalkdeskCustomStatus("x1", Optional.empty()));
    assertThat(client.customStatuses()).isEmpty();
  }

  @Test
  void forbiddenCustomStatusesNameTheirScope() {
    server.enqueue(fixture(403, "error-403.json"));

    assertThatThrownBy(() -> client.customStatuses())
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("This call needs the OAuth scope account-custom-status:read")
        .hasMessageContaining("(Talkdesk named presence-user:read)");
  }
}
