package io.github.presencesdk.voipnow;

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

/** The request ids and headers of VoipNow's answers to calls that succeed. */
final class VoipNowResponseMetadataTest {
  private static final String TOKEN = "tok-voipnow-metadata";

  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client;

  @BeforeEach
  void setUp() {
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken(TOKEN)
            .bulkChunkSize(1)
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static MockResponse entryFor(String extension) {
    return Fixtures.json(
            200, Fixtures.load("list-presence-single.json").replace("0003*210", extension))
        .newBuilder()
        .setHeader("X-Request-Id", "vn-req-" + extension)
        .setHeader("Set-Cookie", "PHPSESSID=abc")
        .setHeader("Cookie", "echoed=1")
        .build();
  }

  @Test
  void presenceWithMetadataCarriesTheRequestIdAndSafeHeadersOfTheAnswer() throws Exception {
    server.enqueue(entryFor("0003*210"));

    WithMetadata<Presence<ExtensionPresence>> answer = client.presenceWithMetadata("0003*210");

    assertThat(answer.value().userId()).isEqualTo("0003*210");
    ResponseMetadata metadata = answer.metadata();
    assertThat(metadata.vendor()).isEqualTo("voipnow");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.request()).isEqualTo("GET /uapi/extensions/@me/@self/presence");
    assertThat(metadata.requestId()).contains("vn-req-0003*210");
    assertThat(metadata.headers()).containsKey("x-request-id");
    assertThat(metadata.headers()).doesNotContainKeys("set-cookie", "cookie");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().queryParameter("filterValue")).isEqualTo("0003*210");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void aBulkReadKeepsTheMetadataOfEachRequestInRequestOrder() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return entryFor(request.getUrl().queryParameter("filterValue"));
          }
        });

    PresenceBatch<ExtensionPresence> batch = client.presences(List.of("0003*211", "0003*212"));

    assertThat(batch.presences()).hasSize(2);
    assertThat(batch.responses())
        .extracting(r -> r.requestId().orElseThrow())
        .containsExactly("vn-req-0003*211", "vn-req-0003*212");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
