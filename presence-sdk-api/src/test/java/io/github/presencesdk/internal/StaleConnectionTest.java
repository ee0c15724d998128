package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.internal.OneResponsePerConnectionServer.Mode;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that is not safe to repeat, sent on a pooled connection the server has closed without
 * saying so, is sent again on a new connection, because nothing of it reached the server; one the
 * server did read is never repeated.
 */
final class StaleConnectionTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final OkHttpClient http = new OkHttpClient();
  private OneResponsePerConnectionServer server;
  private HttpCore core;

  @BeforeEach
  void setUp() throws Exception {
    server = new OneResponsePerConnectionServer();
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-stale-test")
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build())
            .okHttpClient(http)
            .clock(clock)
            .sleeper(sleeper)
            .buildCore();
  }

  @AfterEach
  void tearDown() throws Exception {
    core.close();
    server.close();
    http.connectionPool().evictAll();
  }

  private String get(String path) {
    return core.execute(ApiRequest.get(server.url(path)), (status, body) -> body.readUtf8());
  }

  private String patch(String path) {
    return core.execute(
        ApiRequest.json("PATCH", server.url(path), "{\"presenceId\":\"p\"}", false),
        (status, body) -> body.readUtf8());
  }

  @Test
  void anUnsafeRequestOnAConnectionTheServerClosedIsSentOnANewOne() throws Exception {
    assertThat(get("/first")).isEqualTo("{}");
    server.awaitCloses(1);
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(1);

    assertThat(patch("/second")).isEqualTo("{}");

    assertThat(server.requestLines)
        .containsExactly("GET /first HTTP/1.1", "PATCH /second HTTP/1.1");
    assertThat(server.connections()).isEqualTo(2);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void everyStaleConnectionInThePoolIsSkipped() throws Exception {
    // Three requests at once leave three connections in the pool; then the server closes them all.
    for (int i = 0; i < 3; i++) {
      server.script.add(Mode.ANSWER_AND_KEEP_OPEN);
    }
    server.gather(3);
    var a = core.async(() -> get("/a"));
    var b = core.async(() -> get("/b"));
    var c = core.async(() -> get("/c"));
    assertThat(List.of(a.join(), b.join(), c.join())).containsOnly("{}");
    assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(3);
    server.gather(0);
    server.closeOpenConnections();

    assertThat(patch("/after")).isEqualTo("{}");

    assertThat(server.requestLines).filteredOn(l -> l.startsWith("PATCH")).hasSize(1);
    assertThat(server.connections()).isEqualTo(4);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void anUnsafeRequestTheServerReadIsNotRepeated() throws Exception {
    server.script.add(Mode.ANSWER_AND_KEEP_OPEN);
    server.script.add(Mode.CLOSE_WITHOUT_ANSWER);
    assertThat(get("/first")).isEqualTo("{}");

    assertThatThrownBy(() -> patch("/second"))
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("PATCH /second");

    assertThat(server.requestLines)
        .containsExactly("GET /first HTTP/1.1", "PATCH /second HTTP/1.1");
    assertThat(server.connections()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aSafeRequestIsNotProbed() throws Exception {
    assertThat(get("/first")).isEqualTo("{}");
    server.awaitCloses(1);

    // A GET on the stale connection fails and is retried by the policy, as before.
    assertThat(get("/second")).isEqualTo("{}");

    assertThat(server.requestLines).containsExactly("GET /first HTTP/1.1", "GET /second HTTP/1.1");
    assertThat(sleeper.sleeps).hasSize(1);
  }
}
