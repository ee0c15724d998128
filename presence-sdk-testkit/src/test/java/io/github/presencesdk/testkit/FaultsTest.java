package io.github.presencesdk.testkit;

import static io.github.presencesdk.testkit.TestHttp.bearer;
import static io.github.presencesdk.testkit.TestHttp.get;
import static io.github.presencesdk.testkit.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.testkit.TestHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FaultsTest {
  private static final String ACCEPT = "application/vnd.newvoicemedia.v1+json";
  private static final String DAAB = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b";
  private static final String C07D = "c07da2cc-7a64-476e-aa95-be7042332a95";

  private final VonageFake vonage =
      VonageFake.builder()
          .agent(DAAB, VonageFake.READY_PRESENCE_ID)
          .agent(C07D, VonageFake.READY_PRESENCE_ID)
          .build();

  @AfterEach
  void close() {
    vonage.close();
  }

  private Reply presence(String userId) {
    return get(
        vonage.baseUrl().resolve("/agents/" + userId + "/presence"),
        "Accept",
        ACCEPT,
        "Authorization",
        bearer(vonage.staticToken()));
  }

  private Reply bulk() {
    return get(
        vonage.baseUrl().resolve("/agents/presences/users?userId=" + DAAB + "," + C07D),
        "Accept",
        ACCEPT,
        "Authorization",
        bearer(vonage.staticToken()));
  }

  private Reply token() {
    return TestHttp.tokenWithBody(vonage.tokenUrl(), vonage.clientId(), vonage.clientSecret());
  }

  @Test
  void rateLimitedAnswers429WithRetryAfterInWholeSeconds() {
    vonage.faults().rateLimited(Duration.ofMillis(1500));

    Reply limited = presence(DAAB);
    Reply next = presence(DAAB);

    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.headers().get("Retry-After")).isEqualTo("2");
    assertThat(limited.object()).containsOnlyKeys("message");
    assertThat(next.code()).isEqualTo(200);
    assertThat(vonage.faults().pending()).isZero();
  }

  @Test
  void serverErrorAppliesToTheNextNRequests() {
    vonage.faults().times(2).serverError(503);

    assertThat(vonage.faults().pending()).isEqualTo(2);
    assertThat(presence(DAAB).code()).isEqualTo(503);
    assertThat(vonage.faults().pending()).isEqualTo(1);
    assertThat(presence(DAAB).code()).isEqualTo(503);
    assertThat(presence(DAAB).code()).isEqualTo(200);
    assertThat(vonage.requests().apiCalls())
        .extracting(RecordedCall::status)
        .containsExactly(503, 503, 200);
  }

  @Test
  void faultsQueueInOrder() {
    vonage.faults().rateLimited(Duration.ofSeconds(1)).serverError(500);

    assertThat(presence(DAAB).code()).isEqualTo(429);
    assertThat(presence(DAAB).code()).isEqualTo(500);
    assertThat(presence(DAAB).code()).isEqualTo(200);
  }

  @Test
  void disconnectClosesTheConnectionWithoutProcessing() {
    vonage.faults().disconnect();

    assertThatThrownBy(() -> presence(DAAB))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(presence(DAAB).code()).isEqualTo(200);
    assertThat(vonage.requests().apiCalls())
        .extracting(RecordedCall::status)
        .containsExactly(0, 200);
  }

  @Test
  void slowDelaysTheAnswerButKeepsIt() {
    vonage.faults().slow(Duration.ofMillis(300));

    long start = System.nanoTime();
    Reply reply = presence(DAAB);
    long elapsed = System.nanoTime() - start;

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.object()).containsEntry("userId", DAAB);
    assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void malformedBodyIsTruncatedJsonWithStatus200() {
    vonage.faults().malformedBody();

    Reply reply = bulk();

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
    assertThat(reply.body()).startsWith("[{\"userId\":");
    assertThatThrownBy(reply::json).isInstanceOf(RuntimeException.class);
    assertThat(bulk().array()).hasSize(2);
  }

  @Test
  void malformedBodyStillAppliesTheChange() {
    vonage.faults().malformedBody();

    Reply reply =
        TestHttp.send(
            "PATCH",
            vonage.baseUrl().resolve("/agents/" + DAAB + "/presence"),
            TestHttp.jsonBody("{\"presenceId\":\"" + VonageFake.LOGGED_OUT_PRESENCE_ID + "\"}"),
            "Accept",
            ACCEPT,
            "Authorization",
            bearer(vonage.staticToken()));

    assertThat(reply.code()).isEqualTo(200);
    assertThatThrownBy(reply::json).isInstanceOf(RuntimeException.class);
    assertThat(vonage.currentPresenceId(DAAB)).isEqualTo(VonageFake.LOGGED_OUT_PRESENCE_ID);
  }

  @Test
  void pathPrefixLimitsWhichRequestsAFaultHits() {
    vonage.faults().onPath("/agents/presences").times(2).serverError(500);

    assertThat(presence(DAAB).code()).isEqualTo(200);
    assertThat(bulk().code()).isEqualTo(500);
    assertThat(presence(C07D).code()).isEqualTo(200);
    assertThat(bulk().code()).isEqualTo(500);
    assertThat(bulk().code()).isEqualTo(200);
  }

  @Test
  void tokenEndpointIsSparedUnlessNamed() {
    vonage.faults().times(Integer.MAX_VALUE).serverError(500);

    assertThat(token().code()).isEqualTo(200);
    assertThat(presence(DAAB).code()).isEqualTo(500);

    vonage.faults().clear();
    vonage.faults().onPath(vonage.tokenUrl().encodedPath()).rateLimited(Duration.ofSeconds(3));
    Reply limited = token();
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.headers().get("Retry-After")).isEqualTo("3");
    assertThat(limited.object()).containsEntry("error", "temporarily_unavailable");
    assertThat(token().code()).isEqualTo(200);
    assertThat(presence(DAAB).code()).isEqualTo(200);
  }

  @Test
  void clearRemovesQueuedFaults() {
    vonage.faults().times(5).disconnect().serverError(502);

    vonage.faults().clear();

    assertThat(vonage.faults().pending()).isZero();
    assertThat(presence(DAAB).code()).isEqualTo(200);
  }

  @Test
  void badFaultArgumentsAreRejected() {
    Faults faults = vonage.faults();

    assertThatThrownBy(() -> faults.serverError(404))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> faults.times(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requests");
    assertThatThrownBy(() -> faults.onPath("agents"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pathPrefix");
    assertThatThrownBy(() -> faults.rateLimited(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryAfter");
    assertThatThrownBy(() -> faults.slow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
    assertThat(faults.pending()).isZero();
  }

  @Test
  void talkdeskFaultsUseTheTalkdeskErrorBody() {
    try (TalkdeskFake talkdesk = TalkdeskFake.builder().user("u1", "available").build()) {
      HttpUrl url = talkdesk.baseUrl().resolve("/users/u1/presence");
      talkdesk.faults().rateLimited(Duration.ofSeconds(1)).serverError(500);

      Reply limited = get(url, "Authorization", bearer(talkdesk.staticToken()));
      Reply failed = get(url, "Authorization", bearer(talkdesk.staticToken()));

      assertThat(limited.code()).isEqualTo(429);
      assertThat(limited.headers().get("Retry-After")).isEqualTo("1");
      assertThat(limited.json())
          .isEqualTo(
              json("{\"code\":\"3900429\",\"message\":\"Too many requests\",\"fields\":[]}"));
      assertThat(failed.code()).isEqualTo(500);
      assertThat(failed.object())
          .containsEntry("code", "3900500")
          .containsEntry("fields", List.of());
    }
  }

  @Test
  void voipNowFaultsUseTheVoipNowErrorBody() {
    try (VoipNowFake voipNow = VoipNowFake.builder().extension("0001*100", 1).build()) {
      HttpUrl url = voipNow.baseUrl().resolve("/uapi/extensions/@me/@self/presence");
      voipNow.faults().serverError(500).serverError(501).rateLimited(Duration.ZERO);

      Reply internal = get(url, "Authorization", bearer(voipNow.staticToken()));
      Reply notImplemented = get(url, "Authorization", bearer(voipNow.staticToken()));
      Reply limited = get(url, "Authorization", bearer(voipNow.staticToken()));

      assertThat(internal.code()).isEqualTo(500);
      assertThat(TestHttp.field(internal.object(), "error", "code"))
          .isEqualTo("internal_server_error");
      assertThat(notImplemented.code()).isEqualTo(501);
      assertThat(TestHttp.field(notImplemented.object(), "error", "code"))
          .isEqualTo("request_not_implemented");
      assertThat(limited.code()).isEqualTo(429);
      assertThat(limited.headers().get("Retry-After")).isEqualTo("0");
    }
  }
}
