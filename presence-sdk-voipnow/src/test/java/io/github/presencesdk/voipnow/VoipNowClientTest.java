package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.Capability;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vendor-neutral reads, authentication and configuration. */
final class VoipNowClientTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client;

  private VoipNowClient client(UnaryOperator<VoipNowClient.Builder> config) {
    client =
        config
            .apply(
                VoipNowClient.builder()
                    .baseUrl(server.url("/"))
                    .accessToken("tok-test")
                    .retryPolicy(RetryPolicy.none()))
            .build();
    return client;
  }

  private VoipNowClient client() {
    return client(b -> b);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void presenceReadsOneExtensionWithAnEqualsFilter() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    Presence<ExtensionPresence> presence = client().presence("0003*210");

    assertThat(presence.userId()).isEqualTo("0003*210");
    assertThat(presence.state()).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.vendorStatus()).isEqualTo("0");
    assertThat(presence.label()).isEmpty();
    assertThat(presence.updatedAt()).isEmpty();
    assertThat(presence.detail().registrations().get(0).agent()).hasValue("3CXPhone 5.0.14439.0");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(request.getUrl().query())
        .isEqualTo("count=1&startIndex=0&filterBy=extension&filterOp=equals&filterValue=0003*210");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-test");
  }

  @Test
  void presenceOfAnExtensionVoipNowAnswers204ForIsNotFoundWithTheReal204Status() throws Exception {
    server.enqueue(Fixtures.noContent());

    assertThatThrownBy(() -> client().presence("0003*299"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("voipnow answered HTTP 204: No Content - no entry for extension")
        .hasMessageContaining("no entry for extension 0003*299 under @me (filterOp=equals)")
        .hasMessageContaining("not among the extensions of @me")
        .hasMessageContaining("answers an unknown extension with 204 No Content rather than 404")
        .satisfies(
            e -> {
              NotFoundException notFound = (NotFoundException) e;
              assertThat(notFound.statusCode()).isEqualTo(204);
              assertThat(notFound.vendor()).isEqualTo("voipnow");
              assertThat(notFound.errorCode()).isEmpty();
            });
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(request.getUrl().query())
        .isEqualTo("count=1&startIndex=0&filterBy=extension&filterOp=equals&filterValue=0003*299");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void presenceOfAnotherEntryThanAskedIsNotFoundWithStatus200() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    assertThatThrownBy(() -> client().presence("0003*211"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("voipnow answered HTTP 200: no entry among the 1 listed")
        .hasMessageContaining("for extension 0003*211 under @me")
        .hasMessageContaining("with a listing without it rather than 404")
        .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(200));
    assertThat(server.takeRequest().getUrl().queryParameter("filterValue")).isEqualTo("0003*211");
  }

  @Test
  void presenceReadsUnderTheConfiguredUser() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    client(b -> b.user(VoipNowUser.id("17"))).presence("0003*210");

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/uapi/extensions/17/@self/presence");
  }

  @Test
  void presenceOfSomethingThatIsNotAnExtendedNumberIsRefusedBeforeSending() {
    VoipNowClient c = client();

    assertThatThrownBy(() -> c.presence("agent-7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be an extended number")
        .hasMessageContaining("0003*210");
    assertThatThrownBy(() -> c.presenceAsync("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.presences(List.of("0003*210", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1] must be an extended number");
    assertThatThrownBy(() -> c.presencesAsync(Arrays.asList("0003*210", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userIds[1] must not be null");
    assertThatThrownBy(() -> c.presences(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void presencesReadsTwoHundredFiftyExtensionsInOneRequestWithInArray() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1240));
    server.setDispatcher(fake);
    List<String> ids = FakeVoipNow.numbers("0003*", 1000, 1250);

    PresenceBatch<ExtensionPresence> batch = client().presences(ids);

    assertThat(batch.requestedIds()).isEqualTo(ids);
    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(ids.subList(0, 240));
    assertThat(batch.unknownIds()).containsExactlyElementsOf(ids.subList(240, 250));
    assertThat(batch.presence("0003*1000").orElseThrow().state())
        .isEqualTo(PresenceState.AVAILABLE);
    assertThat(fake.urls()).hasSize(1);
    HttpUrl url = fake.urls().get(0);
    assertThat(url.encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(url.queryParameter("filterBy")).isEqualTo("extension");
    assertThat(url.queryParameter("filterOp")).isEqualTo("inArray");
    assertThat(url.queryParameter("startIndex")).isEqualTo("0");
    assertThat(url.queryParameter("count")).isEqualTo("250");
    assertThat(url.queryParameter("filterValue")).isEqualTo(String.join(",", ids));
  }

  /** {@code n} distinct extended numbers of the documented form {@code 0003*210}: 8 characters. */
  private static List<String> documentedStyleNumbers(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(String.format(java.util.Locale.ROOT, "%04d*%03d", 3 + i / 1000, i % 1000));
    }
    return out;
  }

  /** The {@code filterValue} of {@code url} as it went over the wire, percent-encoded. */
  private static String encodedFilterValue(HttpUrl url) {
    for (String pair : url.encodedQuery().split("&")) {
      if (pair.startsWith("filterValue=")) {
        return pair.substring("filterValue=".length());
      }
    }
    throw new AssertionError("no filterValue in " + url);
  }

  /**
   * Checks that every request of a bulk read is an inArray read whose count matches its numbers,
   * within the URL limit, and returns the sizes in the order sent (one request at a time).
   */
  private static List<Integer> checkBulkRequests(FakeVoipNow fake, List<String> ids) {
    List<String> asked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (HttpUrl url : fake.urls()) {
      assertThat(url.encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
      assertThat(url.queryParameter("filterBy")).isEqualTo("extension");
      assertThat(url.queryParameter("filterOp")).isEqualTo("inArray");
      assertThat(url.queryParameter("startIndex")).isEqualTo("0");
      assertThat(encodedFilterValue(url)).hasSizeLessThanOrEqualTo(6000).doesNotContain(",");
      List<String> chunk = Arrays.asList(url.queryParameter("filterValue").split(","));
      assertThat(url.queryParameter("count")).isEqualTo(Integer.toString(chunk.size()));
      assertThat(url.toString()).hasSizeLessThan(8192);
      sizes.add(chunk.size());
      asked.addAll(chunk);
    }
    // Every id exactly once, in input order across the requests.
    assertThat(asked).isEqualTo(ids);
    return sizes;
  }

  @Test
  void presencesOfTwoThousandExtensionsTakeFourRequestsSizedByTheUrlLimit() {
    List<String> ids = documentedStyleNumbers(2000);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    PresenceBatch<ExtensionPresence> batch = client(b -> b.maxConcurrency(1)).presences(ids);

    assertThat(batch.requestedIds()).isEqualTo(ids);
    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(ids);
    assertThat(batch.unknownIds()).isEmpty();
    // 545 numbers of 8 characters and 544 encoded commas are 5992 characters; 546 would be 6003.
    assertThat(checkBulkRequests(fake, ids)).containsExactly(545, 545, 545, 365);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void presencesOfTenThousandExtensionsTakeNineteenRequests() {
    List<String> ids = documentedStyleNumbers(10_000);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    PresenceBatch<ExtensionPresence> batch = client(b -> b.maxConcurrency(1)).presences(ids);

    assertThat(batch.size()).isEqualTo(10_000);
    assertThat(batch.unknownIds()).isEmpty();
    List<Integer> sizes = checkBulkRequests(fake, ids);
    assertThat(sizes).hasSize(19).startsWith(545, 545).endsWith(190);
    assertThat(server.getRequestCount()).isEqualTo(19);
  }

  @Test
  void theUrlLimitSplitsAChunkAtTheFiveHundredFortySixthNumber() {
    List<String> ids = documentedStyleNumbers(546);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    client(b -> b.maxConcurrency(1)).presences(ids.subList(0, 545));
    assertThat(checkBulkRequests(fake, ids.subList(0, 545))).containsExactly(545);
    assertThat(encodedFilterValue(fake.urls().get(0))).hasSize(5992);

    FakeVoipNow second = new FakeVoipNow(ids);
    server.setDispatcher(second);
    client.presences(ids);
    assertThat(checkBulkRequests(second, ids)).containsExactly(545, 1);
  }

  @Test
  void theLongestNumberOfTheCallSizesEveryRequest() {
    // One 12-character number among 8-character ones: 6003 / (12 + 3) = 400 per request.
    List<String> ids = new ArrayList<>(documentedStyleNumbers(545));
    ids.add("0003*1234567");
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    PresenceBatch<ExtensionPresence> batch = client(b -> b.maxConcurrency(1)).presences(ids);

    assertThat(batch.asMap().keySet()).containsExactlyElementsOf(ids);
    assertThat(checkBulkRequests(fake, ids)).containsExactly(400, 146);
  }

  @Test
  void anExplicitBulkChunkSizeCapsTheNumbersPerRequest() {
    List<String> ids = documentedStyleNumbers(2000);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    client(b -> b.bulkChunkSize(100).maxConcurrency(1)).presences(ids);

    assertThat(checkBulkRequests(fake, ids)).hasSize(20).containsOnly(100);
  }

  @Test
  void anExplicitBulkChunkSizeAboveWhatTheUrlHoldsIsStillSplitByTheUrlLimit() {
    List<String> ids = documentedStyleNumbers(2000);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    client(b -> b.bulkChunkSize(5000).maxConcurrency(1)).presences(ids);

    assertThat(checkBulkRequests(fake, ids)).containsExactly(545, 545, 545, 365);
  }

  @Test
  void aSmallerMaxCountCapsTheNumbersPerRequest() {
    List<String> ids = documentedStyleNumbers(1000);
    FakeVoipNow fake = new FakeVoipNow(ids);
    server.setDispatcher(fake);

    client(b -> b.maxCount(300).maxConcurrency(1)).presences(ids);

    assertThat(checkBulkRequests(fake, ids)).containsExactly(300, 300, 300, 100);
  }

  @Test
  void presencesWithTheV3DialectAskForEachExtensionWithEquals() {
    FakeVoipNow fake =
        new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1010)).speaking(QueryDialect.V3);
    server.setDispatcher(fake);
    List<String> ids = List.of("0003*1001", "0003*1000", "0003*2000");

    PresenceBatch<ExtensionPresence> batch =
        client(b -> b.queryDialect(QueryDialect.V3).maxConcurrency(1)).presences(ids);

    assertThat(batch.requestedIds()).isEqualTo(ids);
    assertThat(batch.asMap().keySet()).containsExactly("0003*1001", "0003*1000");
    assertThat(batch.unknownIds()).containsExactly("0003*2000");
    assertThat(fake.calls())
        .containsExactly("1 0 equals 0003*1001", "1 0 equals 0003*1000", "1 0 equals 0003*2000");
    assertThat(fake.urls())
        .allMatch(url -> url.encodedPath().equals("/uapi/extensions/@me/@self/presence"))
        .allMatch(url -> "extension".equals(url.queryParameter("filterBy")));
  }

  @Test
  void presencesDeduplicatesAndSendsNothingForNoIds() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1010));
    server.setDispatcher(fake);

    assertThat(client().presences(List.of()).size()).isZero();
    assertThat(server.getRequestCount()).isZero();

    PresenceBatch<ExtensionPresence> batch =
        client.presences(List.of("0003*1001", "0003*1000", "0003*1001"));

    assertThat(batch.requestedIds()).containsExactly("0003*1001", "0003*1000");
    assertThat(fake.calls()).containsExactly("2 0 inArray 0003*1001,0003*1000");
  }

  @Test
  void presencesUsesTheConfiguredChunkSize() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1010));
    server.setDispatcher(fake);

    client(b -> b.bulkChunkSize(4).maxConcurrency(1))
        .presences(FakeVoipNow.numbers("0003*", 1000, 1010));

    assertThat(fake.calls())
        .containsExactly(
            "4 0 inArray 0003*1000,0003*1001,0003*1002,0003*1003",
            "4 0 inArray 0003*1004,0003*1005,0003*1006,0003*1007",
            "2 0 inArray 0003*1008,0003*1009");
  }

  @Test
  void presencesReportsWhichChunkFailed() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1010));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().queryParameter("filterValue").contains("0003*1005")) {
              return Fixtures.fixture(500, "errors/internal_server_error.json");
            }
            return fake.dispatch(request);
          }
        });

    assertThatThrownBy(
            () ->
                client(b -> b.bulkChunkSize(5)).presences(FakeVoipNow.numbers("0003*", 1000, 1010)))
        .isInstanceOf(PartialFailureException.class)
        .satisfies(
            e -> {
              PartialFailureException pfe = (PartialFailureException) e;
              assertThat(pfe.succeeded().requestedIds())
                  .containsExactlyElementsOf(FakeVoipNow.numbers("0003*", 1000, 1005));
              assertThat(pfe.failures().keySet())
                  .containsExactlyElementsOf(FakeVoipNow.numbers("0003*", 1005, 1010));
              assertThat(pfe.failures().values()).allMatch(f -> f instanceof ServerException);
            });
  }

  @Test
  void asyncReadsAnswerLikeTheBlockingOnes() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 1010));
    server.setDispatcher(fake);

    Presence<ExtensionPresence> one = client().presenceAsync("0003*1003").join();
    PresenceBatch<ExtensionPresence> many =
        client.presencesAsync(List.of("0003*1004", "0003*2000")).join();

    assertThat(one.userId()).isEqualTo("0003*1003");
    assertThat(many.presence("0003*1004")).isPresent();
    assertThat(many.unknownIds()).containsExactly("0003*2000");
    assertThat(fake.calls())
        .containsExactly("1 0 equals 0003*1003", "2 0 inArray 0003*1004,0003*2000");
  }

  @Test
  void vendorNeutralCodeSeesTheDetailWithoutACast() {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));
    PresenceClient<ExtensionPresence> neutral = client();

    assertThat(neutral.vendor()).isEqualTo("voipnow");
    assertThat(neutral.supports(Capability.PAGED_LISTING)).isTrue();
    assertThat(neutral.capabilities())
        .containsExactlyInAnyOrder(Capability.BULK_READ, Capability.PAGED_LISTING);
    assertThat(neutral.presence("0003*210").detail().status()).isEqualTo(ExtensionStatus.UNKNOWN);
  }

  @Test
  void clientCredentialsFetchATokenFromOauthTokenPhpWithTheCredentialsInTheForm() throws Exception {
    server.enqueue(Fixtures.fixture(200, "token.json"));
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .clientCredentials("app-id", "app-s3cr3t-value")
            .build();

    client.presence("0003*210");

    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token.php");
    assertThat(token.getHeaders().get("Authorization")).isNull();
    assertThat(token.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(token.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&client_id=app-id&client_secret=app-s3cr3t-value");
    RecordedRequest read = server.takeRequest();
    assertThat(read.getHeaders().get("Authorization")).isEqualTo("Bearer tok-vn-access-1");
    assertThat(client.toString()).doesNotContain("app-s3cr3t-value");
  }

  @Test
  void tokenUrlIsOnTheHostRootEvenWhenTheBaseUrlHasAPath() throws Exception {
    server.enqueue(Fixtures.fixture(200, "token.json"));
    server.enqueue(Fixtures.noContent());
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/voipnow/"))
            .clientCredentials("app-id", "app-s3cr3t-value")
            .build();

    client.listPage(ListPresenceRequest.builder().build());

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token.php");
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/voipnow/uapi/extensions/@me/@self/presence");
  }

  @Test
  void tokenUrlCanBeSet() throws Exception {
    server.enqueue(Fixtures.fixture(200, "token.json"));
    server.enqueue(Fixtures.noContent());
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .clientCredentials("app-id", "app-s3cr3t-value")
            .tokenUrl(server.url("/custom/token").toString())
            .build();

    client.listPage(ListPresenceRequest.builder().build());

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/custom/token");
  }

  @Test
  void baseUrlIsRequired() {
    assertThatThrownBy(() -> VoipNowClient.builder().accessToken("tok-t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl is required for voipnow");
  }

  @Test
  void credentialsAreRequired() {
    assertThatThrownBy(() -> VoipNowClient.builder().baseUrl(server.url("/")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials are required");
  }

  @Test
  void builderRefusesBoundsOutOfRange() {
    VoipNowClient.Builder builder = VoipNowClient.builder();

    assertThatThrownBy(() -> builder.maxCount(0))
        .hasMessageContaining("maxCount must be between 1");
    assertThatThrownBy(() -> builder.maxStartIndex(-1))
        .hasMessageContaining("maxStartIndex must be between 0");
    assertThatThrownBy(() -> builder.bulkChunkSize(0))
        .hasMessageContaining("bulkChunkSize must be between 1 and 5000, and at most maxCount");
    assertThatThrownBy(() -> builder.bulkChunkSize(5001))
        .hasMessageContaining("bulkChunkSize must be between 1 and 5000");
    assertThatThrownBy(() -> builder.user(null)).hasMessage("user must not be null");
    assertThatThrownBy(
            () ->
                VoipNowClient.builder()
                    .baseUrl(server.url("/"))
                    .accessToken("tok-t")
                    .maxCount(50)
                    .bulkChunkSize(100)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bulkChunkSize (100) must not exceed maxCount (50)");
  }

  @Test
  void builderRefusesBoundsAboveTheDocumentedFiveThousandAndSaysTheAllowedRange() {
    VoipNowClient.Builder builder = VoipNowClient.builder();

    assertThatThrownBy(() -> builder.maxCount(6000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCount must be between 1 and 5000")
        .hasMessageContaining("was 6000");
    assertThatThrownBy(() -> builder.maxCount(5001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCount must be between 1 and 5000");
    assertThatThrownBy(() -> builder.maxStartIndex(5001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStartIndex must be between 0 and 5000")
        .hasMessageContaining("was 5001");
    assertThatThrownBy(() -> builder.maxStartIndex(1_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStartIndex must be between 0 and 5000");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void documentedBoundsAndLowerOnesAreAcceptedAndSent() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    client(b -> b.maxCount(5000).maxStartIndex(5000))
        .listPage(ListPresenceRequest.builder().startIndex(5000).build());
    client.close();
    client(b -> b.maxCount(4999).maxStartIndex(4999))
        .listPage(ListPresenceRequest.builder().build());

    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=5000&startIndex=5000");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=4999&startIndex=0");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void plainHttpToARemoteHostIsRefused() {
    assertThatThrownBy(
            () ->
                VoipNowClient.builder()
                    .baseUrl("http://voipnow.example.com")
                    .accessToken("tok-t")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain http");
  }

  @Test
  void closedClientRefusesCalls() {
    VoipNowClient c = client();
    c.close();
    c.close();

    assertThatThrownBy(() -> c.presence("0003*210")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.list()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.presences(List.of("0003*210")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void toStringsHoldNoSecrets() {
    VoipNowClient.Builder builder =
        VoipNowClient.builder().baseUrl(server.url("/")).accessToken("tok-secret-xyz");

    assertThat(builder.toString()).doesNotContain("tok-secret-xyz");
    client = builder.build();
    assertThat(client.toString()).doesNotContain("tok-secret-xyz").contains("user=@me");
  }
}
