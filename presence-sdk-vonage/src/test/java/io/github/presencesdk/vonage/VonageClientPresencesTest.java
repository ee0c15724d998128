package io.github.presencesdk.vonage;

import static io.github.presencesdk.vonage.Fixtures.USER_A;
import static io.github.presencesdk.vonage.Fixtures.USER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VonageClientPresencesTest {
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

  /** Answers every bulk request with a Ready presence for each id it asked for. */
  private static final class EchoDispatcher extends Dispatcher {
    final List<List<String>> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      List<String> ids = Fixtures.requestedIds(request);
      requests.add(ids);
      return Fixtures.json(200, Fixtures.bulkAnswer(ids));
    }
  }

  private static List<String> guids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
    }
    return ids;
  }

  @Test
  void readsTheDocumentedAnswerForTwoUsersInOneRequest() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presences-users.json"));

    PresenceBatch<VonagePresence> batch = client.presences(List.of(USER_A, USER_B));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestLine())
        .isEqualTo("GET /agents/presences/users?userId=" + USER_A + "," + USER_B + " HTTP/1.1");
    assertThat(request.getHeaders().get("Accept"))
        .isEqualTo("application/vnd.newvoicemedia.v1+json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getBodySize()).isZero();

    assertThat(batch.requestedIds()).containsExactly(USER_A, USER_B);
    assertThat(batch.unknownIds()).isEmpty();
    Presence<VonagePresence> a = batch.presence(USER_A).orElseThrow();
    assertThat(a.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(a.vendorStatus()).isEqualTo("LoggedOut");
    assertThat(a.label()).contains("Logged Out");
    assertThat(a.updatedAt()).contains(Instant.parse("2021-10-22T13:16:26.730Z"));
    assertThat(a.detail().presenceId()).isEqualTo("eaed6862-14fa-4114-be62-b8709b5d4a49");
    assertThat(a.detail().selectable()).isTrue();
    assertThat(a.detail().category().categoryType()).isEqualTo(CategoryType.LOGGED_OUT);
    assertThat(a.detail().category().description()).contains("Logged Out");
    assertThat(a.detail().category().subCategory()).isEmpty();
    Presence<VonagePresence> b = batch.presence(USER_B).orElseThrow();
    assertThat(b.state()).isEqualTo(PresenceState.AVAILABLE);
    assertThat(b.isAvailable()).isTrue();
    assertThat(b.vendorStatus()).isEqualTo("Ready");
    assertThat(b.updatedAt()).contains(Instant.parse("2021-10-22T13:24:14.245Z"));
    assertThat(b.detail().presenceId()).isEqualTo("36054f94-d55f-4382-8132-ecac185c8e4d");
  }

  @ParameterizedTest(name = "{0} ids")
  @ValueSource(ints = {0, 1, 50, 51, 120, 1000})
  void splitsIdsIntoRequestsOfAtMostFifty(int count) {
    EchoDispatcher dispatcher = new EchoDispatcher();
    server.setDispatcher(dispatcher);
    List<String> ids = guids(count);

    PresenceBatch<VonagePresence> batch = client.presences(ids);

    int expectedRequests = (count + 49) / 50;
    assertThat(server.getRequestCount()).isEqualTo(expectedRequests);
    assertThat(dispatcher.requests).hasSize(expectedRequests);
    List<String> sent = new ArrayList<>();
    for (List<String> chunk : dispatcher.requests) {
      assertThat(chunk).hasSizeBetween(1, 50);
      sent.addAll(chunk);
    }
    assertThat(sent).hasSize(count).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(ids);
    assertThat(batch.unknownIds()).isEmpty();
  }

  @Test
  void noIdsSendNothing() {
    assertThat(client.presences(List.of()).size()).isZero();
    assertThat(client.presencesAsync(Set.of()).join().requestedIds()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void duplicatesAreSentOnceAndTheResultKeepsTheOrderOfFirstAppearance() throws Exception {
    server.setDispatcher(new EchoDispatcher());
    String c = "4060362d-1ab1-11ec-a0c4-066a9ef411a8";

    PresenceBatch<VonagePresence> batch =
        client.presences(List.of(USER_B, USER_A, USER_B, c, USER_A));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(Fixtures.requestedIds(server.takeRequest())).containsExactly(USER_B, USER_A, c);
    assertThat(batch.requestedIds()).containsExactly(USER_B, USER_A, c);
    assertThat(batch.presences()).extracting(Presence::userId).containsExactly(USER_B, USER_A, c);
  }

  @Test
  void idsThatDifferOnlyInLetterCaseAreOneUserSentOnceUnderTheFirstSpelling() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presences-users.json"));
    String upperA = USER_A.toUpperCase(Locale.ROOT);
    String mixedB = "C07DA2CC-7a64-476e-AA95-be7042332a95";

    PresenceBatch<VonagePresence> batch =
        client.presences(List.of(upperA, USER_B, USER_A, mixedB, upperA));

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/agents/presences/users");
    assertThat(Fixtures.requestedIds(request)).containsExactly(upperA, USER_B);
    assertThat(batch.requestedIds()).containsExactly(upperA, USER_B);
    assertThat(batch.asMap().keySet()).containsExactly(upperA, USER_B);
    assertThat(batch.unknownIds()).isEmpty();
    // The documented answer spells USER_A in lower case; it is reported under the caller's first
    // spelling.
    Presence<VonagePresence> a = batch.presence(upperA).orElseThrow();
    assertThat(a.userId()).isEqualTo(upperA);
    assertThat(a.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(batch.presence(USER_B).orElseThrow().state()).isEqualTo(PresenceState.AVAILABLE);
    assertThat(batch.presences()).extracting(Presence::userId).containsExactly(upperA, USER_B);
  }

  @Test
  void caseInsensitiveDuplicatesAcrossChunksAreSentOnce() {
    EchoDispatcher dispatcher = new EchoDispatcher();
    server.setDispatcher(dispatcher);
    // GUIDs with letters, followed by the same GUIDs in upper case: 120 ids, 60 users.
    List<String> lettered = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lettered.add(String.format(Locale.ROOT, "abcdef00-0000-4000-8000-%012d", i));
    }
    List<String> input = new ArrayList<>(lettered);
    for (String id : lettered) {
      input.add(id.toUpperCase(Locale.ROOT));
    }

    PresenceBatch<VonagePresence> batch = client.presences(input);

    assertThat(batch.requestedIds()).containsExactlyElementsOf(lettered);
    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(lettered);
    List<String> sent = new ArrayList<>();
    dispatcher.requests.forEach(sent::addAll);
    assertThat(sent).hasSize(60).containsExactlyInAnyOrderElementsOf(lettered);
    assertThat(dispatcher.requests).hasSize(2);
  }

  @Test
  void idsMissingFromTheAnswerAreUnknown() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presences-users.json"));
    String missing = "501ba176-4f62-4cbd-aa4d-dbaa4ed5411e";

    PresenceBatch<VonagePresence> batch = client.presences(List.of(USER_A, missing, USER_B));

    assertThat(Fixtures.requestedIds(server.takeRequest()))
        .containsExactly(USER_A, missing, USER_B);
    assertThat(batch.unknownIds()).containsExactly(missing);
    assertThat(batch.presence(missing)).isEmpty();
    assertThat(batch.asMap().keySet()).containsExactly(USER_A, USER_B);
  }

  @Test
  void answersInAnotherLetterCaseAreMatchedToTheRequestedIds() {
    String upperA = USER_A.toUpperCase(Locale.ROOT);
    String mixedB = "C07DA2CC-7a64-476e-AA95-be7042332a95";
    server.enqueue(
        Fixtures.json(
            200,
            Fixtures.read("presences-users.json").replace(USER_A, upperA).replace(USER_B, mixedB)));

    PresenceBatch<VonagePresence> batch = client.presences(List.of(USER_A, USER_B));

    assertThat(batch.unknownIds()).isEmpty();
    assertThat(batch.presence(USER_A).orElseThrow().userId()).isEqualTo(USER_A);
    assertThat(batch.presence(USER_B).orElseThrow().userId()).isEqualTo(USER_B);
  }

  @Test
  void entriesWithoutAPresenceOrAUserIdLeaveTheirIdsUnknown() {
    server.enqueue(
        Fixtures.json(
            200,
            "[{\"userId\":\""
                + USER_A
                + "\",\"updated\":null,\"presence\":null},"
                + "{\"updated\":\"2021-10-22T13:16:26.730Z\",\"presence\":null},"
                + Fixtures.userPresence(USER_B, "Away")
                + "]"));

    PresenceBatch<VonagePresence> batch = client.presences(List.of(USER_A, USER_B));

    assertThat(batch.unknownIds()).containsExactly(USER_A);
    assertThat(batch.presence(USER_B).orElseThrow().state()).isEqualTo(PresenceState.AWAY);
  }

  @Test
  void unknownCategoryTypesKeepTheirRawValueAndMapToUnknown() {
    server.enqueue(Fixtures.json(200, "[" + Fixtures.userPresence(USER_A, "OnSabbatical") + "]"));

    Presence<VonagePresence> presence =
        client.presences(List.of(USER_A)).presence(USER_A).orElseThrow();

    assertThat(presence.state()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(presence.vendorStatus()).isEqualTo("OnSabbatical");
    assertThat(presence.detail().category().categoryType()).isEqualTo(CategoryType.UNKNOWN);
    assertThat(presence.detail().category().rawCategoryType()).isEqualTo("OnSabbatical");
  }

  @Test
  void eachCategoryTypeMapsToItsState() {
    List<String> ids = guids(4);
    server.enqueue(
        Fixtures.json(
            200,
            "["
                + Fixtures.userPresence(ids.get(0), "Ready")
                + ","
                + Fixtures.userPresence(ids.get(1), "Away")
                + ","
                + Fixtures.userPresence(ids.get(2), "ExtendedAway")
                + ","
                + Fixtures.userPresence(ids.get(3), "LoggedOut")
                + "]"));

    PresenceBatch<VonagePresence> batch = client.presences(ids);

    assertThat(batch.presences())
        .extracting(Presence::state)
        .containsExactly(
            PresenceState.AVAILABLE, PresenceState.AWAY, PresenceState.AWAY, PresenceState.OFFLINE);
    assertThat(batch.presences())
        .extracting(p -> p.detail().category().categoryType())
        .containsExactly(
            CategoryType.READY,
            CategoryType.AWAY,
            CategoryType.EXTENDED_AWAY,
            CategoryType.LOGGED_OUT);
  }

  @Test
  void idsThatAreNotGuidsAreRefusedBeforeSending() {
    String odd = "a&b=c#d?e f/../x%";

    assertThatThrownBy(() -> client.presences(List.of(USER_A, odd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userIds[1] must be a GUID");
    assertThatThrownBy(() -> client.presencesAsync(List.of(odd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userIds[0] must be a GUID");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void queryValuesAreEncodedSoThatNoCharacterEndsTheValue() {
    // Only GUIDs reach the query; the encoder is strict all the same.
    assertThat(VonageClient.encodeQueryValue("a&b=c#d?e f/../x%,é"))
        .isEqualTo("a%26b%3Dc%23d%3Fe%20f%2F..%2Fx%25%2C%C3%A9");
    assertThat(VonageClient.encodeQueryValue(USER_A)).isEqualTo(USER_A);
  }

  @Test
  void anIdWithACommaIsRejectedBeforeSending() {
    assertThatThrownBy(() -> client.presences(List.of(USER_A, "a,b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1]")
        .hasMessageContaining("','");
    assertThatThrownBy(() -> client.presencesAsync(List.of("x,y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[0]");
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", "..", "a\nb"})
  void invalidIdsAreRejectedBeforeSending(String id) {
    assertThatThrownBy(() -> client.presences(List.of(USER_A, id)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1]");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullCollectionsAndNullIdsAreRejected() {
    assertThatThrownBy(() -> client.presences(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds");
    assertThatThrownBy(() -> client.presences(Arrays.asList(USER_A, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1]");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void runsAtMostMaxConcurrencyRequestsAtOnce() throws Exception {
    client.close();
    client = Fixtures.clientFor(server, sleeper).maxConcurrency(2).build();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch bothStarted = new CountDownLatch(2);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            bothStarted.countDown();
            // Hold the first requests until two run at once, so that the peak is really reached.
            bothStarted.await(30, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            return Fixtures.json(200, Fixtures.bulkAnswer(Fixtures.requestedIds(request)));
          }
        });

    PresenceBatch<VonagePresence> batch = client.presences(guids(300));

    assertThat(batch.size()).isEqualTo(300);
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(bothStarted.getCount()).isZero();
    assertThat(peak.get()).isEqualTo(2);
  }

  @Test
  void defaultConcurrencyIsFour() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch fourStarted = new CountDownLatch(4);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourStarted.countDown();
            fourStarted.await(30, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            return Fixtures.json(200, Fixtures.bulkAnswer(Fixtures.requestedIds(request)));
          }
        });

    client.presences(guids(500));

    assertThat(server.getRequestCount()).isEqualTo(10);
    assertThat(fourStarted.getCount()).isZero();
    assertThat(peak.get()).isEqualTo(4);
  }

  @Test
  void aFailedRequestFailsOnlyItsOwnIds() {
    client.close();
    client = Fixtures.clientFor(server, sleeper).retryPolicy(RetryPolicy.none()).build();
    List<String> ids = guids(120);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            List<String> asked = Fixtures.requestedIds(request);
            if (asked.contains(ids.get(60))) {
              return Fixtures.json(500, "{\"message\":\"An error has occurred.\"}");
            }
            return Fixtures.json(200, Fixtures.bulkAnswer(asked));
          }
        });

    assertThatThrownBy(() -> client.presences(ids))
        .isInstanceOfSatisfying(
            PartialFailureException.class,
            e -> {
              assertThat(e.failures().keySet()).containsExactlyElementsOf(ids.subList(50, 100));
              assertThat(e.failures().values()).allMatch(f -> f instanceof ServerException);
              assertThat(e.succeeded().requestedIds())
                  .containsExactlyElementsOf(concat(ids.subList(0, 50), ids.subList(100, 120)));
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void whenEveryRequestFailsTheFirstFailureIsThrown() {
    client.close();
    client = Fixtures.clientFor(server, sleeper).retryPolicy(RetryPolicy.none()).build();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return Fixtures.json(500, "{\"message\":\"An error has occurred.\"}");
          }
        });

    assertThatThrownBy(() -> client.presences(guids(60)))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("500");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void presencesAsyncGivesTheSameBatch() throws Exception {
    server.enqueue(Fixtures.fixture(200, "presences-users.json"));

    PresenceBatch<VonagePresence> batch =
        client.presencesAsync(List.of(USER_B, USER_A)).get(30, TimeUnit.SECONDS);

    assertThat(batch.requestedIds()).containsExactly(USER_B, USER_A);
    assertThat(batch.presence(USER_B).orElseThrow().isAvailable()).isTrue();
    assertThat(Fixtures.requestedIds(server.takeRequest())).containsExactly(USER_B, USER_A);
  }

  @Test
  void everyRequestedIdIsSentExactlyOnceAcrossChunks() {
    EchoDispatcher dispatcher = new EchoDispatcher();
    server.setDispatcher(dispatcher);
    List<String> ids = new ArrayList<>(guids(130));
    ids.addAll(guids(40)); // repeats of ids already listed

    client.presences(ids);

    Set<String> seen = new HashSet<>();
    for (List<String> chunk : dispatcher.requests) {
      for (String id : chunk) {
        assertThat(seen.add(id)).as("sent twice: %s", id).isTrue();
      }
    }
    assertThat(seen).hasSize(130);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
