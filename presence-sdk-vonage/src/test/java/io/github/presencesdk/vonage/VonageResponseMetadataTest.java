package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.ResponseMetadata;
import io.github.presencesdk.WithMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request ids and headers of VCC's answers to calls that succeed. */
final class VonageResponseMetadataTest {
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

  private static MockResponse withHeaders(MockResponse response, String requestId) {
    return response
        .newBuilder()
        .setHeader("X-Request-Id", requestId)
        .setHeader("X-RateLimit-Remaining", "99")
        .setHeader("Set-Cookie", "session=abc123; HttpOnly")
        .setHeader("X-Session-Token", "sess-tok-1")
        // A server that echoes the credential it was sent.
        .setHeader("X-Echo", "Bearer " + Fixtures.TOKEN)
        .build();
  }

  @Test
  void presenceWithMetadataCarriesTheRequestIdAndSafeHeadersOfTheAnswer() throws Exception {
    server.enqueue(withHeaders(Fixtures.fixture(200, "presence-user.json"), "vcc-req-1"));

    WithMetadata<Presence<VonagePresence>> answer = client.presenceWithMetadata(USER_A);

    assertThat(answer.value().userId()).isEqualTo(USER_A);
    ResponseMetadata metadata = answer.metadata();
    assertThat(metadata.vendor()).isEqualTo("vonage");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.request()).isEqualTo("GET /agents/" + USER_A + "/presence");
    assertThat(metadata.requestId()).contains("vcc-req-1");
    assertThat(metadata.header("X-RateLimit-Remaining")).contains("99");
    assertThat(metadata.headers()).containsKey("x-request-id").containsKey("content-type");
    assertThat(metadata.headers()).doesNotContainKeys("set-cookie", "x-session-token");
    assertThat(metadata.header("x-echo")).contains("Bearer <redacted>");
    assertThat(metadata.toString()).doesNotContain(Fixtures.TOKEN);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/agents/" + USER_A + "/presence");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void aBulkReadKeepsTheMetadataOfEachRequestInRequestOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      ids.add(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            List<String> asked = Fixtures.requestedIds(request);
            // The request for the first 50 ids answers last, so that order is not arrival order.
            if (asked.size() == 50) {
              sleepQuietly(200);
            }
            return withHeaders(
                Fixtures.json(200, Fixtures.bulkAnswer(asked)), "vcc-bulk-" + asked.size());
          }
        });

    PresenceBatch<VonagePresence> batch = client.presences(ids);

    assertThat(batch.presences()).hasSize(51);
    assertThat(batch.responses())
        .extracting(r -> r.requestId().orElseThrow())
        .containsExactly("vcc-bulk-50", "vcc-bulk-1");
    assertThat(batch.responses())
        .allSatisfy(
            r -> {
              assertThat(r.request()).isEqualTo("GET /agents/presences/users");
              assertThat(r.statusCode()).isEqualTo(200);
              assertThat(r.headers()).doesNotContainKeys("set-cookie", "x-session-token");
            });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPartialFailureKeepsTheMetadataOfTheRequestsThatSucceeded() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      ids.add(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            List<String> asked = Fixtures.requestedIds(request);
            if (asked.size() == 1) {
              return new MockResponse.Builder()
                  .code(400)
                  .setHeader("X-Request-Id", "vcc-failed")
                  .body("{\"message\":\"The request is invalid.\"}")
                  .build();
            }
            return withHeaders(Fixtures.json(200, Fixtures.bulkAnswer(asked)), "vcc-read");
          }
        });

    PartialFailureException e =
        catchThrowableOfType(PartialFailureException.class, () -> client.presences(ids));

    assertThat(e.succeeded().responses())
        .extracting(r -> r.requestId().orElseThrow())
        .containsExactly("vcc-read");
    assertThat(e.failures().get(ids.get(50)).getMessage()).contains("vcc-failed");
  }

  @Test
  void aBatchOfNoIdsHasNoResponses() {
    assertThat(client.presences(List.of()).responses()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
