package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.testsupport.Secrets;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ExtensionPresencePage;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One client shared by 64 threads making thousands of mixed calls, with client credentials: no
 * errors, correct results, and exactly one token request per token lifetime. Then close() while 64
 * calls are in flight: the server holds every request until it has seen a request of each of the 64
 * calls (each asks for ids of its own), and every one of them must end with the {@link
 * PresenceIoException} that says the client was closed; the client's threads and connections are
 * released.
 */
final class ConcurrencyTest {
  static final int THREADS = 64;
  static final int CALLS_PER_THREAD = 40;

  @StartStop final MockWebServer server = Loopback.server();

  private final TestTime time = new TestTime();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger apiRequests = new AtomicInteger();
  private final AtomicInteger badAuthorization = new AtomicInteger();
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));

  /** For the close test: which call each id belongs to (lower case), and the calls seen so far. */
  private final Map<String, Integer> owners = new ConcurrentHashMap<>();

  private final Set<Integer> callsAtServer = ConcurrentHashMap.newKeySet();

  private static final ConcurrentLinkedQueue<String> FIGURES = new ConcurrentLinkedQueue<>();
  private static final ConcurrentLinkedQueue<String> CLOSE_FIGURES = new ConcurrentLinkedQueue<>();

  /** The fake vendors of the matrix, with a token endpoint that issues one token per request. */
  private void serveAllVendors() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            List<String> path = request.getUrl().pathSegments();
            if (path.get(0).equals("oauth")) {
              int n = tokenRequests.incrementAndGet();
              // Answer slowly, so that callers arriving meanwhile must wait for this token.
              Thread.sleep(50);
              String token = "tok-concurrency-" + n;
              issued.add(token);
              return json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3600}");
            }
            apiRequests.incrementAndGet();
            String auth = request.getHeaders().get("Authorization");
            if (auth == null || !issued.contains(auth.substring("Bearer ".length()))) {
              badAuthorization.incrementAndGet();
              return json(401, "{\"message\":\"unknown token\"}");
            }
            for (String id : ids(request, path)) {
              Integer call = owners.get(id.toLowerCase(Locale.ROOT));
              if (call != null) {
                callsAtServer.add(call);
              }
            }
            hold.get().await();
            Operation.Answer answer = answer(request, path);
            return json(answer.code(), answer.body());
          }
        });
  }

  private static Operation.Answer answer(RecordedRequest request, List<String> path) {
    if (path.get(0).equals("users")) {
      if (request.getMethod().equals("PUT")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) JsonTree.parse(request.getBody().utf8());
        return Operation.Answer.ok(
            JsonTree.write(Operations.Talkdesk.presence(path.get(1), (String) body.get("status"))));
      }
      return Operations.Talkdesk.presenceAnswer(request);
    }
    if (path.get(0).equals("uapi")) {
      return Operations.VoipNow.page(request);
    }
    if (path.get(1).equals("presences")) {
      return new Operations.VccPresences().good(request);
    }
    String user = path.get(1);
    int category = Operations.Vcc.category(user);
    if (request.getMethod().equals("PATCH")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) JsonTree.parse(request.getBody().utf8());
      category = Operations.Vcc.categoryOfPresenceId((String) body.get("presenceId"));
    }
    return Operation.Answer.ok(JsonTree.write(Operations.Vcc.entry(user, category)));
  }

  /** The user ids or extensions an API request asks for. */
  private static List<String> ids(RecordedRequest request, List<String> path) {
    String list =
        switch (path.get(0)) {
          case "users" -> path.get(1);
          case "uapi" -> request.getUrl().queryParameter("filterValue");
          default ->
              path.get(1).equals("presences")
                  ? request.getUrl().queryParameter("userId")
                  : path.get(1);
        };
    return list == null ? List.of() : Arrays.asList(list.split(","));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private PresenceClient<?> client(String vendor, OkHttpClient http, boolean credentials) {
    PresenceClientBuilder<?> builder =
        switch (vendor) {
          case "vonage" -> VonageClient.builder();
          case "talkdesk" -> TalkdeskClient.builder().maxConcurrency(8);
          default -> VoipNowClient.builder().maxCount(3).bulkChunkSize(2).maxConcurrency(4);
        };
    builder.baseUrl(server.url("/")).okHttpClient(http).clock(time).sleeper(time);
    if (credentials) {
      builder
          .tokenUrl(server.url("/oauth/token").toString())
          .clientCredentials("client-c", "app-s3cr3t-c");
    } else {
      builder.accessToken("tok-concurrency-static");
      issued.add("tok-concurrency-static");
    }
    return switch (vendor) {
      case "vonage" -> ((VonageClient.Builder) builder).build();
      case "talkdesk" -> ((TalkdeskClient.Builder) builder).build();
      default -> ((VoipNowClient.Builder) builder).build();
    };
  }

  /** One call of the mix, chosen by {@code n}, with its result checked. */
  private static void call(String vendor, PresenceClient<?> client, int n) {
    switch (vendor) {
      case "vonage" -> vcc((VonageClient) client, n);
      case "talkdesk" -> talkdesk((TalkdeskClient) client, n);
      default -> voipnow((VoipNowClient) client, n);
    }
  }

  private static void vcc(VonageClient client, int n) {
    List<String> users = Operations.Vcc.USERS;
    String user = users.get(n % 9);
    switch (n % 5) {
      case 0 -> checkVcc(client.presence(user), user);
      case 1 -> checkVcc(client.presenceAsync(user).join(), user);
      case 2 -> {
        List<String> ids = users.subList(n % 60, n % 60 + 55);
        PresenceBatch<VonagePresence> batch = client.presences(ids);
        assertThat(batch.requestedIds()).isEqualTo(ids);
        batch.asMap().forEach((id, p) -> checkVcc(p, id));
        assertThat(batch.asMap().size() + batch.unknownIds().size()).isEqualTo(55);
      }
      case 3 -> {
        List<String> ids = users.subList(n % 30, n % 30 + 8);
        PresenceBatch<VonagePresence> batch = client.presencesAsync(ids).join();
        assertThat(batch.requestedIds()).isEqualTo(ids);
        batch.asMap().forEach((id, p) -> checkVcc(p, id));
      }
      default -> {
        int category = n % 4;
        Presence<VonagePresence> p = client.setPresence(user, Operations.Vcc.presenceId(category));
        assertThat(p.userId()).isEqualTo(user);
        assertThat(p.state()).isEqualTo(Operations.Vcc.STATES[category]);
      }
    }
  }

  private static void checkVcc(Presence<?> p, String id) {
    assertThat(p.userId()).isEqualTo(id);
    assertThat(p.state()).isEqualTo(Operations.Vcc.STATES[Operations.Vcc.category(id)]);
  }

  private static void talkdesk(TalkdeskClient client, int n) {
    List<String> users = Operations.Talkdesk.USERS;
    String user = users.get(n % 4);
    switch (n % 4) {
      case 0 -> checkTalkdesk(client.presence(user), user);
      case 1 -> checkTalkdesk(client.presenceAsync(user).join(), user);
      case 2 -> {
        PresenceBatch<TalkdeskPresence> batch = client.presences(users);
        assertThat(batch.unknownIds()).containsExactly(Operations.Talkdesk.UNKNOWN);
        batch.asMap().forEach((id, p) -> checkTalkdesk(p, id));
      }
      default -> {
        Optional<Presence<TalkdeskPresence>> p = client.updateStatus(user, TalkdeskStatus.AWAY);
        assertThat(p).hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(PresenceState.AWAY));
      }
    }
  }

  private static void checkTalkdesk(Presence<?> p, String id) {
    assertThat(p.userId()).isEqualTo(id);
    assertThat(p.state()).isEqualTo(Operations.Talkdesk.STATES[Operations.Talkdesk.status(id)]);
  }

  private static void voipnow(VoipNowClient client, int n) {
    List<String> extensions = Operations.VoipNow.EXTENSIONS;
    String extension = extensions.get(n % 7);
    switch (n % 4) {
      case 0 -> {
        Presence<ExtensionPresence> p = client.presence(extension);
        assertThat(p.userId()).isEqualTo(extension);
        assertThat(p.state())
            .isEqualTo(Operations.VoipNow.STATES[Operations.VoipNow.status(extension) - 1]);
      }
      case 1 -> {
        PresenceBatch<ExtensionPresence> batch = client.presencesAsync(extensions).join();
        assertThat(batch.asMap().keySet()).containsExactlyElementsOf(extensions);
      }
      case 2 -> {
        List<ExtensionPresence> all = new ArrayList<>();
        client.list().forEach(all::add);
        assertThat(all)
            .extracting(ExtensionPresence::extension)
            .containsExactlyElementsOf(extensions);
      }
      default -> {
        ExtensionPresencePage page =
            client.listPage(ListPresenceRequest.builder().count(3).build());
        assertThat(page.totalResults()).isEqualTo(7);
        assertThat(page.entries()).hasSize(3);
      }
    }
  }

  /** Runs {@code CALLS_PER_THREAD} calls on each of 64 threads started together; returns errors. */
  private List<Throwable> runPhase(String vendor, PresenceClient<?> client, int phase)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                  try {
                    call(vendor, client, phase * 100_000 + thread * CALLS_PER_THREAD + i);
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();
    return new ArrayList<>(failures);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vonage", "talkdesk", "voipnow"})
  void sixtyFourThreadsShareOneClient(String vendor) throws Exception {
    serveAllVendors();
    OkHttpClient http = new OkHttpClient();
    try (PresenceClient<?> client = client(vendor, http, true)) {
      List<Throwable> first = runPhase(vendor, client, 0);
      int tokensInFirstLifetime = tokenRequests.get();
      // The token lasts an hour and is refreshed a minute early: an hour later it is stale.
      time.advance(Duration.ofHours(1));
      List<Throwable> second = runPhase(vendor, client, 1);

      assertThat(first).as("errors in the first token lifetime").isEmpty();
      assertThat(second).as("errors in the second token lifetime").isEmpty();
      assertThat(tokensInFirstLifetime).as("token requests in the first lifetime").isEqualTo(1);
      assertThat(tokenRequests).as("token requests in two lifetimes").hasValue(2);
      assertThat(badAuthorization).as("requests without a valid token").hasValue(0);
      assertThat(LeakWatch.connectionsInUse(http.connectionPool()))
          .as("connections in use")
          .isZero();
      Secrets.assertNoSecret("the client's toString()", client.toString());
      FIGURES.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,d | %,d | %d | %d (one per token lifetime) |",
              vendor,
              THREADS,
              2 * THREADS * CALLS_PER_THREAD,
              apiRequests.get(),
              first.size() + second.size(),
              tokenRequests.get()));
    }
  }

  /**
   * The ids call {@code n} of the close test asks for, each its own: the first is always sent in
   * the call's first request.
   */
  private static List<String> idsOfCall(String vendor, int n) {
    int count =
        switch (vendor) {
          // VCC: five kinds of call; the bulk read of 55 ids is two requests, of 50 and 5.
          case "vonage" -> n % 5 == 2 ? 55 : n % 5 == 3 ? 8 : 1;
          // Talkdesk: one request per id.
          case "talkdesk" -> n % 4 == 2 ? 2 : 1;
          // VoipNow: chunks of two extensions.
          default -> n % 4 == 1 ? 3 : 1;
        };
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      ids.add(
          switch (vendor) {
            case "vonage" -> String.format("%08x-c105-4e2f-9a3b-%012x", 0xc1050000 + n, k);
            case "talkdesk" -> String.format("c105e%03d%016x", n, k);
            default -> String.format("0009*%03d%d", n, k);
          });
    }
    return ids;
  }

  /** Call {@code n} of the close test, with the ids of {@link #idsOfCall}; it must not end. */
  private static Object callInFlight(String vendor, PresenceClient<?> client, int n) {
    List<String> ids = idsOfCall(vendor, n);
    String id = ids.get(0);
    return switch (vendor) {
      case "vonage" ->
          switch (n % 5) {
            case 0 -> client.presence(id);
            case 1 -> client.presenceAsync(id).join();
            case 2 -> client.presences(ids);
            case 3 -> client.presencesAsync(ids).join();
            default -> ((VonageClient) client).setPresence(id, Operations.Vcc.presenceId(1));
          };
      case "talkdesk" ->
          switch (n % 4) {
            case 0 -> client.presence(id);
            case 1 -> client.presenceAsync(id).join();
            case 2 -> client.presences(ids);
            default -> ((TalkdeskClient) client).updateStatus(id, TalkdeskStatus.AWAY);
          };
      default ->
          switch (n % 4) {
            case 0 -> client.presence(id);
            case 1 -> client.presencesAsync(ids).join();
            case 2 -> {
              List<ExtensionPresence> all = new ArrayList<>();
              ((VoipNowClient) client)
                  .list(ListPresenceRequest.builder().filter(FilterOp.EQUALS, id).build())
                  .forEach(all::add);
              yield all;
            }
            default ->
                ((VoipNowClient) client)
                    .listPage(ListPresenceRequest.builder().filter(FilterOp.EQUALS, id).build());
          };
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"vonage", "talkdesk", "voipnow"})
  void closeEndsEveryCallInFlightAndReleasesThreadsAndConnections(String vendor) throws Exception {
    serveAllVendors();
    hold.set(new CountDownLatch(1));
    for (int n = 0; n < THREADS; n++) {
      for (String id : idsOfCall(vendor, n)) {
        owners.put(id.toLowerCase(Locale.ROOT), n);
      }
    }
    OkHttpClient http = new OkHttpClient();
    PresenceClient<?> client = client(vendor, http, false);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<Throwable>> calls = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int n = t;
        calls.add(
            threads.submit(
                () -> {
                  try {
                    callInFlight(vendor, client, n);
                    return null;
                  } catch (Throwable e) {
                    return e;
                  }
                }));
      }
      // The server holds every request until it has seen a request of each of the 64 calls.
      for (int i = 0; i < 3000 && callsAtServer.size() < THREADS; i++) {
        Thread.sleep(10);
      }
      assertThat(callsAtServer).as("calls whose requests the server holds").hasSize(THREADS);

      client.close();

      List<Throwable> outcomes = new ArrayList<>();
      for (Future<Throwable> call : calls) {
        Throwable e = call.get(30, TimeUnit.SECONDS);
        outcomes.add(e instanceof CompletionException ? e.getCause() : e);
      }
      // Every call was in flight, so every one ends with the exception that says why.
      assertThat(outcomes)
          .as("how the calls in flight ended")
          .hasSize(THREADS)
          .allSatisfy(
              e -> {
                assertThat(e).isExactlyInstanceOf(PresenceIoException.class);
                assertThat(e.getMessage()).contains("was cancelled because the client was closed");
                Secrets.assertNoSecret(e);
              });
      int running = http.dispatcher().runningCallsCount();
      int inUse = LeakWatch.connectionsInUse(http.connectionPool());
      assertThat(running).as("calls still running").isZero();
      assertThat(inUse).as("connections in use").isZero();
      int alive = awaitNoThreads("presence-sdk-" + vendor + "-");
      CLOSE_FIGURES.add(
          "| "
              + vendor
              + " | "
              + callsAtServer.size()
              + " | `PresenceIoException` \"... was cancelled because the client was closed\", all "
              + outcomes.size()
              + " | "
              + running
              + " | "
              + inUse
              + " | "
              + alive
              + " |");
    } finally {
      hold.get().countDown();
      threads.shutdownNow();
      client.close();
    }
  }

  /** Waits up to 10 s for the client's threads to end; returns how many are alive (0). */
  private static int awaitNoThreads(String prefix) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      boolean alive =
          Thread.getAllStackTraces().keySet().stream()
              .anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
      if (!alive) {
        return 0;
      }
      Thread.sleep(10);
    }
    List<String> left =
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter(n -> n.startsWith(prefix))
            .toList();
    assertThat(left).as("client threads still alive after close()").isEmpty();
    return left.size();
  }

  @AfterAll
  static void writeFigures() {
    StringBuilder out =
        new StringBuilder(
            "# Concurrency\n\nProduced by `ConcurrencyTest.sixtyFourThreadsShareOneClient`.\n\n"
                + "| vendor | threads | calls | API requests | errors | token requests |\n"
                + "|---|---|---|---|---|---|\n");
    FIGURES.forEach(f -> out.append(f).append('\n'));
    out.append(
        "\nProduced by `ConcurrencyTest.closeEndsEveryCallInFlightAndReleasesThreadsAndConnections`."
            + "\n\n| vendor | calls in flight | ended with | OkHttp calls running after |"
            + " connections in use after | client threads alive after |\n"
            + "|---|---|---|---|---|---|\n");
    CLOSE_FIGURES.forEach(f -> out.append(f).append('\n'));
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("concurrency.md"), out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
