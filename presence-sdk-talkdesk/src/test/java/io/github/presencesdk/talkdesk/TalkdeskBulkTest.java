package io.github.presencesdk.talkdesk;

import static io.github.presencesdk.talkdesk.Fixtures.fixture;
import static io.github.presencesdk.talkdesk.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class TalkdeskBulkTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private TalkdeskClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  private TalkdeskClient newClient(int maxConcurrency) {
    TalkdeskClient.Builder builder =
        TalkdeskClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-static")
            .retryPolicy(RetryPolicy.none());
    if (maxConcurrency > 0) {
      builder.maxConcurrency(maxConcurrency);
    }
    return builder.build();
  }

  private static List<String> userIds(int count) {
    return IntStream.range(0, count).mapToObj(i -> "user-" + i).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} users, maxConcurrency {1} -> at most {2} in flight")
  @CsvSource({
    "1, 0, 1",
    "10, 0, 8",
    "10, 4, 4",
    "200, 0, 8",
    "200, 16, 16",
  })
  void sendsOneRequestPerUserWithAtMostTheConfiguredNumberInFlight(
      int users, int maxConcurrency, int expectedMaxInFlight) {
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(
            expectedMaxInFlight, id -> json(200, Fixtures.availablePresenceOf(id)));
    server.setDispatcher(dispatcher);
    client = newClient(maxConcurrency);
    List<String> ids = userIds(users);

    PresenceBatch<TalkdeskPresence> batch = client.presences(ids);

    assertThat(server.getRequestCount()).isEqualTo(users);
    assertThat(dispatcher.userIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(dispatcher.maxInFlight()).isEqualTo(expectedMaxInFlight);
    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(batch.presences()).extracting(Presence::userId).containsExactlyElementsOf(ids);
    assertThat(batch.presences())
        .allSatisfy(
            p -> {
              assertThat(p.state()).isEqualTo(PresenceState.AVAILABLE);
              assertThat(p.detail().userId()).contains(p.userId());
            });
    assertThat(batch.unknownIds()).isEmpty();
  }

  @Test
  void everyFanOutRequestIsAnAuthorizedGetOfOneUsersPresence() throws Exception {
    List<String> ids = new ArrayList<>(userIds(19));
    ids.add("team/lead?x");
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(4, id -> json(200, Fixtures.availablePresenceOf(id)));
    server.setDispatcher(dispatcher);
    client = newClient(4);

    PresenceBatch<TalkdeskPresence> batch = client.presences(ids);

    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(ids);
    assertThat(server.getRequestCount()).isEqualTo(20);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-static");
      assertThat(request.getBody() == null || request.getBody().size() == 0).isTrue();
      assertThat(request.getUrl().query()).isNull();
      paths.add(request.getUrl().encodedPath());
    }
    List<String> expected = new ArrayList<>();
    for (String id : userIds(19)) {
      expected.add("/users/" + id + "/presence");
    }
    // An id is one encoded path segment: it cannot change the path or add a query.
    expected.add("/users/team%2Flead%3Fx/presence");
    assertThat(paths).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
  }

  @Test
  void defaultConcurrencyIsEight() {
    assertThat(TalkdeskClient.DEFAULT_MAX_CONCURRENCY).isEqualTo(8);
  }

  @Test
  void duplicatesAreReadOnceAndInputOrderIsKept() {
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(1, id -> json(200, Fixtures.availablePresenceOf(id)));
    server.setDispatcher(dispatcher);
    client = newClient(1);

    PresenceBatch<TalkdeskPresence> batch =
        client.presences(Arrays.asList("carol", "alice", "carol", "bob", "alice"));

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(dispatcher.userIds()).containsExactly("carol", "alice", "bob");
    assertThat(batch.requestedIds()).containsExactly("carol", "alice", "bob");
    assertThat(batch.asMap().keySet()).containsExactly("carol", "alice", "bob");
  }

  @Test
  void unknownUserAmongManyIsReportedWithoutFailingTheCall() {
    List<String> ids = userIds(30);
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(
            8,
            id ->
                id.equals("user-17") || id.equals("user-3")
                    ? fixture(404, "error-404.json")
                    : json(200, Fixtures.availablePresenceOf(id)));
    server.setDispatcher(dispatcher);
    client = newClient(0);

    PresenceBatch<TalkdeskPresence> batch = client.presences(ids);

    assertThat(server.getRequestCount()).isEqualTo(30);
    assertThat(batch.requestedIds()).containsExactlyElementsOf(ids);
    assertThat(batch.unknownIds()).containsExactly("user-3", "user-17");
    List<String> found = new ArrayList<>(ids);
    found.removeAll(Set.of("user-3", "user-17"));
    assertThat(batch.presences()).extracting(Presence::userId).containsExactlyElementsOf(found);
    assertThat(batch.presence("user-17")).isEmpty();
  }

  @Test
  void otherFailuresFailOnlyTheirUsers() {
    List<String> ids = userIds(12);
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(
            4,
            id ->
                switch (id) {
                  case "user-2" -> fixture(500, "error-500.json");
                  case "user-5" -> fixture(403, "error-403.json");
                  case "user-9" -> fixture(404, "error-404.json");
                  default -> json(200, Fixtures.availablePresenceOf(id));
                });
    server.setDispatcher(dispatcher);
    client = newClient(4);

    assertThatThrownBy(() -> client.presences(ids))
        .isInstanceOfSatisfying(
            PartialFailureException.class,
            e -> {
              assertThat(e.failures().keySet()).containsExactly("user-2", "user-5");
              assertThat(e.failures().get("user-2")).isInstanceOf(ServerException.class);
              assertThat(e.failures().get("user-5"))
                  .isInstanceOf(PermissionDeniedException.class)
                  .hasMessageContaining("presence-user:read");
              PresenceBatch<?> succeeded = e.succeeded();
              List<String> read = new ArrayList<>(ids);
              read.removeAll(Set.of("user-2", "user-5"));
              assertThat(succeeded.requestedIds()).containsExactlyElementsOf(read);
              assertThat(succeeded.unknownIds()).containsExactly("user-9");
              assertThat(succeeded.presences()).hasSize(9);
            })
        .hasMessageContaining("2 of 12 ids could not be read");
    assertThat(server.getRequestCount()).isEqualTo(12);
  }

  @Test
  void whenEveryUserFailsTheFirstFailureIsThrown() {
    server.setDispatcher(new ConcurrencyDispatcher(3, id -> fixture(403, "error-403.json")));
    client = newClient(0);

    assertThatThrownBy(() -> client.presences(List.of("a", "b", "c")))
        .isInstanceOf(PermissionDeniedException.class)
        .isNotInstanceOf(PartialFailureException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void whenEveryUserIsUnknownTheBatchSaysSo() {
    server.setDispatcher(new ConcurrencyDispatcher(2, id -> fixture(404, "error-404.json")));
    client = newClient(0);

    PresenceBatch<TalkdeskPresence> batch = client.presences(List.of("a", "b"));

    assertThat(batch.presences()).isEmpty();
    assertThat(batch.unknownIds()).containsExactly("a", "b");
  }

  @Test
  void singleReadOfAnUnknownUserThrowsNotFound() throws Exception {
    server.enqueue(fixture(404, "error-404.json"));
    client = newClient(0);

    assertThatThrownBy(() -> client.presence("ghost"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("User not found")
        .hasMessageContaining("Talkdesk has no user with id \"ghost\" in this account");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/users/ghost/presence");
  }

  @Test
  void singleReadAnswered404WithoutTalkdesksBodyThrowsNotFoundThatPointsAtTheSetup() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/html")
            .body(Fixtures.load("error-404-gateway.html"))
            .build());
    client = newClient(0);

    assertThatThrownBy(() -> client.presence("ghost"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("does not carry Talkdesk's error body")
        .hasMessageContaining("check the base URL")
        .hasMessageNotContaining("has no user with id");
  }

  static Stream<Arguments> foreign404s() {
    return Stream.of(
        Arguments.of("an HTML page", "text/html", Fixtures.load("error-404-gateway.html")),
        Arguments.of(
            "another JSON shape", "application/json", Fixtures.load("error-404-other-json.json")),
        Arguments.of(
            "a message without a code",
            "application/json",
            "{\"message\":\"no Route matched with those values\"}"),
        Arguments.of(
            "a code with a message that is not text",
            "application/json",
            "{\"code\":404,\"message\":{\"text\":\"Not Found\"}}"),
        Arguments.of("plain text", "text/plain", "Not Found"),
        Arguments.of("no body", "application/json", ""));
  }

  @ParameterizedTest(name = "a 404 with {0} fails its user")
  @MethodSource("foreign404s")
  void a404WithoutTalkdesksErrorBodyFailsThatUserInsteadOfReportingItUnknown(
      String what, String contentType, String body) throws Exception {
    List<String> ids = userIds(6);
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(
            1,
            id ->
                switch (id) {
                  case "user-2" ->
                      new MockResponse.Builder()
                          .code(404)
                          .setHeader("Content-Type", contentType)
                          .body(body)
                          .build();
                  case "user-4" -> fixture(404, "error-404.json");
                  default -> json(200, Fixtures.availablePresenceOf(id));
                });
    server.setDispatcher(dispatcher);
    client = newClient(1);

    assertThatThrownBy(() -> client.presences(ids))
        .isInstanceOfSatisfying(
            PartialFailureException.class,
            e -> {
              assertThat(e.failures().keySet()).containsExactly("user-2");
              assertThat(e.failures().get("user-2"))
                  .isInstanceOf(NotFoundException.class)
                  .hasMessageContaining("check the base URL");
              assertThat(((NotFoundException) e.failures().get("user-2")).statusCode())
                  .isEqualTo(404);
              // The documented 404 body still means an unknown user.
              assertThat(e.succeeded().unknownIds()).containsExactly("user-4");
              assertThat(e.succeeded().presences())
                  .extracting(Presence::userId)
                  .containsExactly("user-0", "user-1", "user-3", "user-5");
            });
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(dispatcher.userIds()).containsExactlyElementsOf(ids);
  }

  @Test
  void aTalkdeskErrorBodyWithOnlyItsCodeStillMeansAnUnknownUser() {
    server.setDispatcher(
        new ConcurrencyDispatcher(
            1,
            id ->
                id.equals("b")
                    ? json(404, "{\"code\":\"3900404\"}")
                    : json(200, Fixtures.availablePresenceOf(id))));
    client = newClient(1);

    PresenceBatch<TalkdeskPresence> batch = client.presences(List.of("a", "b"));

    assertThat(batch.unknownIds()).containsExactly("b");
    assertThat(batch.asMap().keySet()).containsExactly("a");
  }

  @Test
  void aWrongBaseUrlAnsweringHtml404sFailsTheCallInsteadOfReportingEveryUserUnknown()
      throws Exception {
    server.setDispatcher(
        new ConcurrencyDispatcher(
            2,
            id ->
                new MockResponse.Builder()
                    .code(404)
                    .setHeader("Content-Type", "text/html")
                    .body(Fixtures.load("error-404-gateway.html"))
                    .build()));
    client = newClient(2);

    assertThatThrownBy(() -> client.presences(List.of("a", "b", "c")))
        .isInstanceOf(NotFoundException.class)
        .isNotInstanceOf(PartialFailureException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("non-JSON body")
        .hasMessageContaining("check the base URL (region)");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void emptyCollectionSendsNothing() {
    client = newClient(0);

    assertThat(client.presences(List.of()).size()).isZero();
    assertThat(client.presencesAsync(List.of()).join().size()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void invalidIdInTheCollectionIsRejectedBeforeSending() {
    client = newClient(0);

    assertThatThrownBy(() -> client.presences(Arrays.asList("ok", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1]");
    assertThatThrownBy(() -> client.presencesAsync(Arrays.asList("ok", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1]");
    assertThatThrownBy(() -> client.presences(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void presencesAsyncReadsEveryUser() {
    ConcurrencyDispatcher dispatcher =
        new ConcurrencyDispatcher(5, id -> json(200, Fixtures.availablePresenceOf(id)));
    server.setDispatcher(dispatcher);
    client = newClient(5);
    List<String> ids = userIds(25);

    PresenceBatch<TalkdeskPresence> batch = client.presencesAsync(ids).join();

    assertThat(batch.presences()).extracting(Presence::userId).containsExactlyElementsOf(ids);
    assertThat(server.getRequestCount()).isEqualTo(25);
    assertThat(dispatcher.maxInFlight()).isEqualTo(5);
  }
}
