package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** close() ends every call in flight with a clear exception and frees threads and connections. */
final class CloseTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final OkHttpClient http = new OkHttpClient();
  private HttpCore core;

  record Detail(String raw) implements PresenceDetail {}

  @AfterEach
  void tearDown() {
    if (core != null) {
      core.close();
    }
    http.connectionPool().evictAll();
  }

  private HttpCore newCore(int maxConcurrency) {
    // The default sleeper: the waits are real, and close() must cut them short.
    return TestClient.builder()
        .baseUrl(server.url("/"))
        .accessToken("tok-close-test")
        .okHttpClient(http)
        .maxConcurrency(maxConcurrency)
        .retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofMinutes(1)).build())
        .buildCore();
  }

  private String get(String path) {
    return core.execute(ApiRequest.get(server.url(path)), (status, body) -> body.readUtf8());
  }

  private static void awaitWaiting(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.TIMED_WAITING
        && thread.getState() != Thread.State.WAITING) {
      Thread.sleep(5);
    }
  }

  @Test
  void closeEndsACallThatIsWaitingToRetry() throws Exception {
    core = newCore(4);
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "50").build());
    CompletableFuture<Thread> caller = new CompletableFuture<>();
    CompletableFuture<String> call =
        CompletableFuture.supplyAsync(
            () -> {
              caller.complete(Thread.currentThread());
              return get("/x");
            });
    server.takeRequest();
    awaitWaiting(caller.get());

    core.close();

    assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("was cancelled because the client was closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeCancelsACallWaitingForItsResponse() throws Exception {
    core = newCore(4);
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> get("/stalled"));
    server.takeRequest();

    core.close();

    assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("GET /stalled was cancelled because the client was closed");
    assertThat(http.connectionPool().connectionCount())
        .isEqualTo(http.connectionPool().idleConnectionCount());
  }

  @Test
  void closeDuringABulkReadFailsEveryUnreadIdWithAnIoException() throws Exception {
    core = newCore(1);
    CountDownLatch firstArrived = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            firstArrived.countDown();
            return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
          }
        });
    List<String> ids = List.of("a", "b", "c");
    CompletableFuture<PresenceBatch<Detail>> read =
        BulkReader.readAsync(
            core,
            ids,
            1,
            chunk ->
                Map.of(
                    chunk.get(0),
                    Presence.of(
                        chunk.get(0),
                        PresenceState.AVAILABLE,
                        get("/presence/" + chunk.get(0)),
                        null,
                        null,
                        new Detail("x"))));
    firstArrived.await();

    core.close();

    // The chunk in flight was cancelled and the two not yet read were never sent: all three ids
    // failed with the same kind of exception, not with the IllegalStateException of a new call.
    assertThatThrownBy(() -> read.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("was cancelled because the client was closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aClosedClientRefusesNewCallsWithIllegalStateException() {
    core = newCore(4);
    core.close();

    assertThatThrownBy(() -> get("/x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.getRequestCount()).isZero();
  }
}
