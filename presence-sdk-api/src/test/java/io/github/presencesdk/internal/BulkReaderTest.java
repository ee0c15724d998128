package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class BulkReaderTest {
  @StartStop final MockWebServer server = new MockWebServer();

  record Detail(String raw) implements PresenceDetail {}

  /** Ids the fake vendor knows; the answer to /presences?ids=... lists the known ones. */
  private final Set<String> known = new HashSet<>();

  /** Chunks whose first id is in here fail with 500. */
  private final Set<String> failingChunks = new HashSet<>();

  private final ConcurrentLinkedQueue<List<String>> requestedChunks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /** How far each answer moves {@link #clock} on, as if the server took that long. */
  private volatile Duration serverTime = Duration.ZERO;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private HttpCore core;

  @BeforeEach
  void setUp() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
              // Hold each answer briefly so that concurrent requests overlap at the server.
              Thread.sleep(5);
              clock.advance(serverTime);
              String ids = request.getUrl().queryParameter("ids");
              List<String> chunk = Arrays.asList(ids.split(","));
              requestedChunks.add(chunk);
              if (failingChunks.contains(chunk.get(0))) {
                return new MockResponse.Builder().code(500).body("{\"message\":\"boom\"}").build();
              }
              String body =
                  chunk.stream()
                      .filter(known::contains)
                      .map(id -> "\"" + id + "\"")
                      .collect(Collectors.joining(",", "[", "]"));
              return new MockResponse.Builder().body(body).build();
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-t")
            .maxConcurrency(3)
            .retryPolicy(RetryPolicy.none())
            .buildCore();
  }

  @AfterEach
  void tearDown() {
    core.close();
  }

  private Map<String, Presence<Detail>> readChunk(List<String> chunk) {
    List<String> found =
        core.execute(
            ApiRequest.get(
                server
                    .url("/presences")
                    .newBuilder()
                    .addQueryParameter("ids", String.join(",", chunk))
                    .build()),
            (status, body) -> {
              String text = body.readUtf8();
              String inner = text.substring(1, text.length() - 1);
              List<String> out = new ArrayList<>();
              for (String s : inner.split(",")) {
                if (!s.isEmpty()) {
                  out.add(s.substring(1, s.length() - 1));
                }
              }
              return out;
            });
    Map<String, Presence<Detail>> map = new HashMap<>();
    for (String id : found) {
      map.put(id, Presence.of(id, PresenceState.AVAILABLE, "on", null, null, new Detail("on")));
    }
    return map;
  }

  private static List<String> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> "u" + i).collect(Collectors.toList());
  }

  @Test
  void splitsIntoChunksAndKeepsOrder() {
    List<String> ids = ids(120);
    known.addAll(ids);

    PresenceBatch<Detail> batch = BulkReader.read(core, ids, 50, this::readChunk);

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(requestedChunks).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
    assertThat(requestedChunks.stream().flatMap(List::stream))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(batch.presences()).extracting(Presence::userId).containsExactlyElementsOf(ids);
    assertThat(batch.unknownIds()).isEmpty();
  }

  @Test
  void deduplicatesBeforeSendingAndKeepsFirstAppearance() {
    known.addAll(List.of("a", "b", "c"));
    List<String> ids = Ids.requireDistinct(List.of("b", "a", "b", "c", "a"), "userIds");

    PresenceBatch<Detail> batch = BulkReader.read(core, ids, 2, this::readChunk);

    assertThat(batch.requestedIds()).containsExactly("b", "a", "c");
    assertThat(requestedChunks.stream().flatMap(List::stream))
        .containsExactlyInAnyOrder("b", "a", "c");
  }

  @Test
  void reportsIdsMissingFromTheAnswerAsUnknown() {
    known.addAll(List.of("a", "c"));

    PresenceBatch<Detail> batch =
        BulkReader.read(core, List.of("a", "b", "c", "d"), 50, this::readChunk);

    assertThat(batch.presences()).extracting(Presence::userId).containsExactly("a", "c");
    assertThat(batch.unknownIds()).containsExactly("b", "d");
    assertThat(batch.presence("b")).isEmpty();
  }

  @Test
  void readsNothingForNoIds() {
    PresenceBatch<Detail> batch = BulkReader.read(core, List.of(), 50, this::readChunk);

    assertThat(batch.size()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neverRunsMoreChunksAtOnceThanTheLimit() {
    List<String> ids = ids(40);
    known.addAll(ids);

    BulkReader.read(core, ids, 2, this::readChunk);

    assertThat(server.getRequestCount()).isEqualTo(20);
    assertThat(maxInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(3);
  }

  @Test
  void syncReadOfOneChunkRunsOnTheCallersThreadWithoutAHandOff() {
    known.add("a");
    Set<Thread> readers = ConcurrentHashMap.newKeySet();

    BulkReader.read(
        core,
        List.of("a"),
        50,
        chunk -> {
          readers.add(Thread.currentThread());
          return readChunk(chunk);
        });

    assertThat(readers).containsExactly(Thread.currentThread());
  }

  @Test
  void syncReadUsesTheCallerAsOneOfTheWorkersAndStillRespectsTheLimit() {
    List<String> ids = ids(40);
    known.addAll(ids);
    Set<Thread> readers = ConcurrentHashMap.newKeySet();

    PresenceBatch<Detail> batch =
        BulkReader.read(
            core,
            ids,
            2,
            chunk -> {
              readers.add(Thread.currentThread());
              return readChunk(chunk);
            });

    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(server.getRequestCount()).isEqualTo(20);
    // maxConcurrency is 3: the caller and two pool threads.
    assertThat(readers).contains(Thread.currentThread()).hasSizeBetween(2, 3);
    assertThat(maxInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(3);
  }

  @Test
  void partialFailureCarriesSuccessesAndFailuresCoveringEveryId() {
    List<String> ids = ids(6);
    known.addAll(List.of("u0", "u1", "u4"));
    failingChunks.add("u2"); // chunk [u2, u3] fails

    assertThatThrownBy(() -> BulkReader.read(core, ids, 2, this::readChunk))
        .isInstanceOfSatisfying(
            PartialFailureException.class,
            e -> {
              assertThat(e.succeeded().requestedIds()).containsExactly("u0", "u1", "u4", "u5");
              assertThat(e.succeeded().unknownIds()).containsExactly("u5");
              assertThat(e.failures()).containsOnlyKeys("u2", "u3");
              assertThat(e.failures().get("u2")).isInstanceOf(ServerException.class);
              assertThat(e.getMessage()).contains("2 of 6 ids could not be read");
              Set<String> covered = new HashSet<>(e.succeeded().requestedIds());
              covered.addAll(e.failures().keySet());
              assertThat(covered).containsExactlyInAnyOrderElementsOf(ids);
            });
  }

  @Test
  void totalFailureThrowsTheVendorError() {
    failingChunks.addAll(List.of("u0", "u2"));

    assertThatThrownBy(() -> BulkReader.read(core, ids(4), 2, this::readChunk))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("boom");
  }

  @Test
  void asyncReadCompletesWithTheSameBatch() throws Exception {
    List<String> ids = ids(7);
    known.addAll(ids);

    PresenceBatch<Detail> batch = BulkReader.readAsync(core, ids, 3, this::readChunk).get();

    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  /** A core reading one chunk at a time with a 10 s budget, on {@link #clock}. */
  private void useSequentialCoreWithTenSecondBudget() {
    core.close();
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-t")
            .maxConcurrency(1)
            .retryPolicy(RetryPolicy.none())
            .totalTimeout(Duration.ofSeconds(10))
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .buildCore();
  }

  private static void assertChunksFourAndFiveRanOutOfTime(List<String> ids, Throwable thrown) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            PartialFailureException.class,
            e -> {
              assertThat(e.succeeded().requestedIds()).containsExactlyElementsOf(ids.subList(0, 6));
              assertThat(e.failures()).containsOnlyKeys(ids.subList(6, 10));
              assertThat(e.failures().values())
                  .allSatisfy(
                      f ->
                          assertThat(f)
                              .isInstanceOf(PresenceIoException.class)
                              .hasMessageContaining(
                                  "bulk read ran out of its total timeout of PT10S"));
            });
  }

  @Test
  void aBulkReadEndsWithinOneTotalTimeoutHoweverManyChunksItHas() {
    useSequentialCoreWithTenSecondBudget();
    List<String> ids = ids(10);
    known.addAll(ids);
    serverTime = Duration.ofSeconds(4);

    Throwable thrown = catchThrowable(() -> BulkReader.read(core, ids, 2, this::readChunk));

    // Chunks 1 and 2 end at 8 s; chunk 3 starts with 2 s left; chunks 4 and 5 find none.
    assertChunksFourAndFiveRanOutOfTime(ids, thrown);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anAsyncBulkReadEndsWithinOneTotalTimeoutToo() {
    useSequentialCoreWithTenSecondBudget();
    List<String> ids = ids(10);
    known.addAll(ids);
    serverTime = Duration.ofSeconds(4);

    Throwable thrown =
        catchThrowable(() -> HttpCore.join(BulkReader.readAsync(core, ids, 2, this::readChunk)));

    assertChunksFourAndFiveRanOutOfTime(ids, thrown);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRequestAfterABulkReadHasABudgetOfItsOwn() {
    useSequentialCoreWithTenSecondBudget();
    List<String> ids = ids(10);
    known.addAll(ids);
    serverTime = Duration.ofSeconds(4);
    assertThat(catchThrowable(() -> BulkReader.read(core, ids, 2, this::readChunk)))
        .isInstanceOf(PartialFailureException.class);
    serverTime = Duration.ZERO;

    assertThat(readChunk(List.of("u0"))).containsOnlyKeys("u0");
  }

  @Test
  void partitionsIntoConsecutiveChunks() {
    assertThat(BulkReader.partition(List.of("a", "b", "c", "d", "e"), 2))
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(BulkReader.partition(List.of(), 50)).isEmpty();
  }
}
