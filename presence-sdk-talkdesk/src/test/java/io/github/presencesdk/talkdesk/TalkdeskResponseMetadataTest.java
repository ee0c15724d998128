package io.github.presencesdk.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.ResponseMetadata;
import io.github.presencesdk.WithMetadata;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request ids and headers of Talkdesk's answers to calls that succeed. */
final class TalkdeskResponseMetadataTest {
  private static final String TOKEN = "tok-talkdesk-metadata";
  private static final String USER_1 = "61a4f2b9c3e8d5001a7b9c21";
  private static final String USER_2 = "61a4f2b9c3e8d5001a7b9c22";

  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient client;

  @BeforeEach
  void setUp() {
    client = TalkdeskClient.builder().baseUrl(server.url("/")).accessToken(TOKEN).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static MockResponse presenceOf(String userId) {
    return Fixtures.json(200, Fixtures.availablePresenceOf(userId))
        .newBuilder()
        .setHeader("X-Request-Id", "td-req-" + userId)
        .setHeader("Set-Cookie", "AWSALB=abc; Path=/")
        .setHeader("X-Api-Key-Hint", "not for callers")
        .build();
  }

  @Test
  void presenceWithMetadataCarriesTheRequestIdAndSafeHeadersOfTheAnswer() throws Exception {
    server.enqueue(presenceOf(USER_1));

    WithMetadata<Presence<TalkdeskPresence>> answer = client.presenceWithMetadata(USER_1);

    assertThat(answer.value().userId()).isEqualTo(USER_1);
    ResponseMetadata metadata = answer.metadata();
    assertThat(metadata.vendor()).isEqualTo("talkdesk");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.request()).isEqualTo("GET /users/" + USER_1 + "/presence");
    assertThat(metadata.requestId()).contains("td-req-" + USER_1);
    assertThat(metadata.header("content-type")).contains("application/json");
    assertThat(metadata.headers()).doesNotContainKeys("set-cookie", "x-api-key-hint");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/users/" + USER_1 + "/presence");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aBulkReadKeepsTheMetadataOfEachUsersRequestInRequestOrder() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return presenceOf(request.getUrl().pathSegments().get(1));
          }
        });

    PresenceBatch<TalkdeskPresence> batch = client.presences(List.of(USER_2, USER_1));

    assertThat(batch.responses())
        .extracting(r -> r.requestId().orElseThrow())
        .containsExactly("td-req-" + USER_2, "td-req-" + USER_1);
    assertThat(batch.responses())
        .extracting(ResponseMetadata::request)
        .containsExactly(
            "GET /users/" + USER_2 + "/presence", "GET /users/" + USER_1 + "/presence");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
