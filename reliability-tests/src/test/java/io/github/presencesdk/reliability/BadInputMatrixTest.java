package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.testsupport.Secrets;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.AvailabilitySummaryRequest;
import io.github.presencesdk.vonage.VonageClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to every vendor client: each value is refused before any request is sent (the server
 * records none) with an {@link IllegalArgumentException} or, for a client that cannot be built, an
 * {@link IllegalStateException}, whose message names the parameter and says what is allowed; or,
 * where the vendor accepts the value, it is sent correctly encoded. Figures go to {@code
 * target/reliability/bad-input-matrix.md}.
 */
final class BadInputMatrixTest {
  @StartStop final MockWebServer server = Loopback.server();

  private final List<AutoCloseable> clients = new ArrayList<>();
  private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

  private static final ConcurrentLinkedQueue<String[]> ROWS = new ConcurrentLinkedQueue<>();

  private static final String VCC_USER = Operations.Vcc.USERS.get(0);
  private static final String VCC_PRESENCE = Operations.Vcc.presenceId(0);
  private static final String TALKDESK_USER = Operations.Talkdesk.USERS.get(0);
  private static final String EXTENSION = "0003*201";

  /** The test cases run per test method, and the method of the case running on each thread. */
  private static final Map<String, AtomicInteger> CASES = new ConcurrentHashMap<>();

  private static final ThreadLocal<String> METHOD = new ThreadLocal<>();

  @BeforeEach
  void countTheCase(TestInfo test) {
    String method = test.getTestMethod().orElseThrow().getName();
    METHOD.set(method);
    CASES.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Ids

  /** The ids the matrix tries. */
  enum BadId {
    NULL(null),
    EMPTY(""),
    BLANK("   "),
    DOT("."),
    DOT_DOT(".."),
    SLASH("a/b"),
    DOT_DOT_SLASH("../admin"),
    QUESTION_MARK("a?b=c"),
    HASH("a#b"),
    PERCENT("100%"),
    PERCENT_ENCODED("a%2Fb"),
    SPACE("a b"),
    NON_ASCII("agent-é日本"),
    CONTROL("a\u0000b"),
    NEWLINE("a\r\nX-Injected: 1"),
    LONG_10_KB("x".repeat(10 * 1024)),
    GUID_IN_BRACES("{daab05ec-ba50-45af-a6fd-3b01cdc6f39b}"),
    GUID_WITHOUT_DASHES("daab05ecba5045afa6fd3b01cdc6f39b"),
    GUID_TOO_SHORT("daab05ec-ba50-45af-a6fd-3b01cdc6f39"),
    GUID_NOT_HEX("daab05ec-ba50-45af-a6fd-3b01cdc6f39z"),
    GUID_WITH_SUFFIX("daab05ec-ba50-45af-a6fd-3b01cdc6f39b/presence");

    final String value;

    BadId(String value) {
      this.value = value;
    }

    /** Whether an id rule that only asks for a sane path segment lets it through. */
    boolean isSaneSegment() {
      return value != null
          && !value.isBlank()
          && value.length() <= 256
          && !value.equals(".")
          && !value.equals("..")
          && value.chars().noneMatch(Character::isISOControl);
    }
  }

  /** One way an id reaches a client. */
  record IdUse(
      String vendor,
      String operation,
      String parameter,
      boolean acceptsSaneSegments,
      Function<BadInputMatrixTest, Consumer<String>> call) {
    @Override
    public String toString() {
      return vendor + " " + operation;
    }
  }

  static List<IdUse> idUses() {
    return List.of(
        new IdUse("vonage", "presence", "userId", false, t -> id -> t.vcc().presence(id)),
        new IdUse("vonage", "presenceAsync", "userId", false, t -> id -> t.vcc().presenceAsync(id)),
        new IdUse(
            "vonage",
            "presences",
            "userIds[1]",
            false,
            t -> id -> t.vcc().presences(Arrays.asList(VCC_USER, id))),
        new IdUse(
            "vonage",
            "presencesAsync",
            "userIds[1]",
            false,
            t -> id -> t.vcc().presencesAsync(Arrays.asList(VCC_USER, id))),
        new IdUse(
            "vonage",
            "setPresence",
            "userId",
            false,
            t -> id -> t.vcc().setPresence(id, VCC_PRESENCE)),
        new IdUse(
            "vonage",
            "setPresence",
            "presenceId",
            false,
            t -> id -> t.vcc().setPresence(VCC_USER, id)),
        new IdUse("talkdesk", "presence", "userId", true, t -> id -> t.talkdesk().presence(id)),
        new IdUse(
            "talkdesk",
            "presenceAsync",
            "userId",
            true,
            t -> id -> t.talkdesk().presenceAsync(id).join()),
        new IdUse(
            "talkdesk",
            "presences",
            "userIds[1]",
            true,
            t -> id -> t.talkdesk().presences(Arrays.asList(TALKDESK_USER, id))),
        new IdUse(
            "talkdesk",
            "updateStatus",
            "userId",
            true,
            t -> id -> t.talkdesk().updateStatus(id, TalkdeskStatus.AWAY)),
        new IdUse(
            "talkdesk",
            "updateStatus",
            "customStatusId",
            true,
            t -> id -> t.talkdesk().updateStatus(TALKDESK_USER, TalkdeskStatus.AWAY, id)),
        new IdUse("voipnow", "presence", "userId", false, t -> id -> t.voipnow().presence(id)),
        new IdUse(
            "voipnow", "presenceAsync", "userId", false, t -> id -> t.voipnow().presenceAsync(id)),
        new IdUse(
            "voipnow",
            "presences",
            "userIds[1]",
            false,
            t -> id -> t.voipnow().presences(Arrays.asList(EXTENSION, id))),
        new IdUse(
            "voipnow",
            "presencesAsync",
            "userIds[1]",
            false,
            t -> id -> t.voipnow().presencesAsync(Arrays.asList(EXTENSION, id))));
  }

  static Stream<Arguments> idCases() {
    List<Arguments> out = new ArrayList<>();
    for (IdUse use : idUses()) {
      for (BadId id : BadId.values()) {
        out.add(Arguments.of(use, id));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @MethodSource("idCases")
  void badIds(IdUse use, BadId id) throws Exception {
    Consumer<String> call = use.call().apply(this);
    boolean accepted = use.acceptsSaneSegments() && id.isSaneSegment();
    if (!accepted) {
      assertRefused(use.toString(), id.name(), use.parameter(), () -> call.accept(id.value));
      return;
    }
    call.accept(id.value);
    assertThat(received).isNotEmpty();
    RecordedRequest request =
        received.stream()
            .filter(
                r ->
                    !r.getUrl().pathSegments().contains(TALKDESK_USER)
                        || use.parameter().equals("customStatusId"))
            .findFirst()
            .orElseThrow();
    String target = request.getTarget();
    if (use.parameter().equals("customStatusId")) {
      // Sent in the JSON body, escaped by the JSON writer.
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) JsonTree.parse(request.getBody().utf8());
      assertThat(body).containsEntry("custom_status_id", id.value);
    } else {
      // One path segment, whatever the id holds: the decoded segment is the id itself, and the raw
      // target carries no character that could end the segment, the path or the URL.
      assertThat(request.getUrl().pathSegments())
          .as("decoded path of %s", target)
          .startsWith("users", id.value, "presence");
      String rawSegment = target.split("/")[2];
      assertThat(rawSegment).doesNotContain("?", "#", " ").matches("[\\x21-\\x7e]+");
      assertThat(target)
          .startsWith("/users/")
          .endsWith("/presence" + (use.operation().equals("updateStatus") ? "/status" : ""));
    }
    row(use.toString(), id.name(), "sent encoded: " + abbreviate(target));
  }

  // ---------------------------------------------------------------------------------------------
  // Counts

  @ParameterizedTest
  @ValueSource(strings = {"vonage", "talkdesk", "voipnow"})
  void noIdsSendNothing(String vendor) {
    PresenceClient<?> client = client(vendor);

    PresenceBatch<?> batch = client.presences(List.of());
    PresenceBatch<?> async = client.presencesAsync(List.of()).join();

    assertThat(batch.size()).isZero();
    assertThat(async.size()).isZero();
    assertThat(server.getRequestCount()).isZero();
    row(vendor + " presences", "0 ids", "empty batch, nothing sent");
    assertRefused(
        vendor + " presences", "null collection", "userIds", () -> client.presences(null));
  }

  /**
   * 100,000 ids are accepted where the vendor reads many ids per request: every id is sent exactly
   * once, in requests of the vendor's size, and every id comes back. Validation covers the whole
   * collection before anything is sent: one bad id at the end refuses the call.
   */
  @ParameterizedTest
  @ValueSource(strings = {"vonage", "voipnow"})
  void aHundredThousandIdsAreReadInChunksWithoutLosingOne(String vendor) {
    List<String> ids =
        IntStream.range(0, 100_000)
            .mapToObj(
                i ->
                    vendor.equals("vonage")
                        ? String.format("%08x-0000-4000-8000-%012x", i, i)
                        : String.format("%d*%d", 1000 + i / 1000, i % 1000))
            .toList();
    PresenceClient<?> client = client(vendor);
    List<String> withBadLast = new ArrayList<>(ids);
    withBadLast.add("not valid");

    assertRefused(
        vendor + " presences",
        "100,000 ids, the last invalid",
        "userIds[100000]",
        () -> client.presences(withBadLast));

    PresenceBatch<?> batch = client.presences(ids);

    assertThat(batch.requestedIds()).isEqualTo(ids);
    assertThat(batch.unknownIds()).containsExactlyElementsOf(ids);
    // VCC takes 50 ids a request; VoipNow as many as fit in 6,000 characters of encoded filter
    // value: these numbers have at most 8 characters, so 545 with their commas.
    int perRequest = vendor.equals("vonage") ? 50 : 545;
    assertThat(received).hasSize((100_000 + perRequest - 1) / perRequest);
    Set<String> sent = new HashSet<>();
    for (RecordedRequest r : received) {
      String value = r.getUrl().queryParameter(vendor.equals("vonage") ? "userId" : "filterValue");
      List<String> chunk = Arrays.asList(value.split(","));
      assertThat(chunk).hasSizeLessThanOrEqualTo(perRequest);
      for (String id : chunk) {
        assertThat(sent.add(id)).as("sent twice: %s", id).isTrue();
      }
      assertThat(r.getTarget().length()).isLessThan(8 * 1024);
    }
    assertThat(sent).hasSize(100_000);
    row(vendor + " presences", "100,000 ids", received.size() + " requests, none lost or repeated");
  }

  /**
   * Talkdesk has no bulk read: 100,000 ids are 100,000 requests, each id exactly once. The whole
   * collection is still checked before the first one is sent.
   */
  @Test
  void aHundredThousandTalkdeskIdsAreReadOneRequestEachWithoutLosingOne() {
    List<String> ids = IntStream.range(0, 100_000).mapToObj(i -> "u" + i).toList();
    List<String> withBadLast = new ArrayList<>(ids);
    withBadLast.add(" ");
    TalkdeskClient client =
        keep(
            TalkdeskClient.builder()
                .baseUrl(server.url("/"))
                .accessToken("tok-bad-input")
                .maxConcurrency(16)
                .build());
    Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger requests =
        new java.util.concurrent.atomic.AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.incrementAndGet();
            String id = request.getUrl().pathSegments().get(1);
            sent.add(id);
            // Every tenth user is unknown.
            return id.endsWith("7")
                ? new MockResponse.Builder().code(404).body("{\"code\":\"3900404\"}").build()
                : new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body("{\"user_id\":\"" + id + "\",\"status\":\"away\"}")
                    .build();
          }
        });

    assertRefused(
        "talkdesk presences",
        "100,000 ids, the last blank",
        "userIds[100000]",
        () -> client.presences(withBadLast));

    PresenceBatch<?> batch = client.presences(ids);

    assertThat(batch.requestedIds()).isEqualTo(ids);
    assertThat(batch.unknownIds()).hasSize(10_000).allMatch(id -> id.endsWith("7"));
    assertThat(batch.asMap()).hasSize(90_000);
    assertThat(requests).hasValue(100_000);
    assertThat(sent).hasSize(100_000);
    row("talkdesk presences", "100,000 ids", requests.get() + " requests, none lost or repeated");
  }

  // ---------------------------------------------------------------------------------------------
  // Filters, page sizes and indexes

  @Test
  void mutuallyExclusiveAndMalformedFiltersAreRefused() {
    String guid = "457857dc-19eb-4eb9-b562-c90ca37de447";
    assertRefused(
        "vonage availabilitySummary",
        "groups and queues",
        "groupGuids and queueGuids",
        () -> AvailabilitySummaryRequest.builder().groupGuids(guid).queueGuids(guid).build());
    assertRefused(
        "vonage availabilitySummary",
        "skill that is not a GUID",
        "skillGuids[0]",
        () -> AvailabilitySummaryRequest.builder().skillGuids("skill-1"));
    assertRefused(
        "vonage availabilitySummary",
        "null request",
        "request",
        () -> vcc().availabilitySummary(null));
    assertRefused(
        "voipnow list",
        "filterOp without filterValue",
        "filterOp",
        () -> ListPresenceRequest.builder().filterOp(FilterOp.EQUALS).build());
    assertRefused(
        "voipnow list",
        "filterValue without filterOp",
        "filterValue",
        () -> ListPresenceRequest.builder().filterValue("0003*201").build());
    assertRefused(
        "voipnow list",
        "filterBy without a filter",
        "filterBy",
        () -> ListPresenceRequest.builder().filterBy("extension").build());
    assertRefused(
        "voipnow list",
        "filterBy other than extension",
        "filterBy",
        () -> ListPresenceRequest.builder().filterBy("status"));
    assertRefused(
        "voipnow list",
        "inArray with a name",
        "filterValue",
        () -> ListPresenceRequest.builder().filter(FilterOp.IN_ARRAY, "0003*201,bob").build());
    assertRefused(
        "voipnow list",
        "startsWith with a letter",
        "filterValue",
        () -> ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*x").build());
    assertRefused(
        "voipnow list",
        "empty inArray",
        "extensions",
        () -> ListPresenceRequest.builder().filterInArray(List.of()));
    assertRefused(
        "voipnow list",
        "field that is not a name",
        "fields",
        () -> ListPresenceRequest.builder().fields("status,extension"));
  }

  @Test
  void outOfRangePageSizesAndIndexesAreRefused() {
    assertRefused("voipnow list", "count 0", "count", () -> ListPresenceRequest.builder().count(0));
    assertRefused(
        "voipnow list", "count -1", "count", () -> ListPresenceRequest.builder().count(-1));
    assertRefused(
        "voipnow list",
        "startIndex -1",
        "startIndex",
        () -> ListPresenceRequest.builder().startIndex(-1));
    VoipNowClient client = voipnow();
    assertRefused(
        "voipnow listPage",
        "count 5001",
        "count",
        () -> client.listPage(ListPresenceRequest.builder().count(5001).build()));
    assertRefused(
        "voipnow list",
        "count 5001",
        "count",
        () -> client.list(ListPresenceRequest.builder().count(5001).build()));
    assertRefused(
        "voipnow listPage",
        "startIndex 5001",
        "startIndex",
        () -> client.listPage(ListPresenceRequest.builder().startIndex(5001).build()));
    assertRefused(
        "voipnow listPageAsync",
        "startIndex 5001",
        "startIndex",
        () -> client.listPageAsync(ListPresenceRequest.builder().startIndex(5001).build()));
    assertRefused(
        "voipnow builder", "maxCount 0", "maxCount", () -> VoipNowClient.builder().maxCount(0));
    assertRefused(
        "voipnow builder",
        "maxStartIndex -1",
        "maxStartIndex",
        () -> VoipNowClient.builder().maxStartIndex(-1));
    assertRefused(
        "voipnow builder",
        "bulkChunkSize 0",
        "bulkChunkSize",
        () -> VoipNowClient.builder().bulkChunkSize(0));
    assertRefused(
        "voipnow builder",
        "bulkChunkSize above maxCount",
        "bulkChunkSize",
        () ->
            VoipNowClient.builder()
                .baseUrl(server.url("/"))
                .accessToken("tok-x")
                .maxCount(10)
                .bulkChunkSize(11)
                .build());
    for (String vendor : List.of("vonage", "talkdesk", "voipnow")) {
      assertRefused(
          vendor + " builder",
          "maxConcurrency 0",
          "maxConcurrency",
          () -> builder(vendor).maxConcurrency(0));
      assertRefused(
          vendor + " builder",
          "maxConcurrency 65",
          "maxConcurrency",
          () -> builder(vendor).maxConcurrency(65));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Base URLs and credentials

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a url",
        "ftp://api.example.com/",
        "api.example.com",
        "https://user:pw-s3cr3t@api.example.com/",
        "https://api.example.com/?tenant=1",
        "https://api.example.com/#top",
        ""
      })
  void invalidBaseUrlsAreRefused(String url) {
    for (String vendor : List.of("vonage", "talkdesk", "voipnow")) {
      assertRefused(
          vendor + " builder",
          "baseUrl \"" + url + "\"",
          "baseUrl",
          () -> builder(vendor).baseUrl(url));
    }
    for (String vendor : List.of("vonage", "talkdesk", "voipnow")) {
      assertRefused(
          vendor + " builder",
          "baseUrl null",
          "baseUrl",
          () -> builder(vendor).baseUrl((String) null));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.example.com/",
        "http://10.1.2.3/",
        "http://localhost.example.com/",
        "http://127.0.0.1.nip.io/"
      })
  void plainHttpToAHostThatIsNotLoopbackIsRefusedUnlessAllowed(String url) {
    for (String vendor : List.of("vonage", "talkdesk", "voipnow")) {
      PresenceClientBuilder<?> builder = builder(vendor).baseUrl(url).accessToken("tok-plain");
      assertThatThrownBy(() -> build(vendor, builder))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("baseUrl http://")
          .hasMessageContaining("allowInsecureHttp(true)");
      try (PresenceClient<?> allowed = build(vendor, builder.allowInsecureHttp(true))) {
        assertThat(allowed.vendor()).isEqualTo(vendor);
      }
      row(vendor + " builder", "plain http to " + url, "refused unless allowInsecureHttp(true)");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = Missing.class)
  void missingOrBlankCredentialsAreRefused(Missing missing) {
    for (String vendor : List.of("vonage", "talkdesk", "voipnow")) {
      PresenceClientBuilder<?> builder = builder(vendor).baseUrl(server.url("/"));
      ThrowingCallable call =
          switch (missing) {
            case NONE -> () -> build(vendor, builder);
            case BLANK_TOKEN -> () -> builder.accessToken(" ");
            case NULL_TOKEN -> () -> builder.accessToken(null);
            case BLANK_SECRET -> () -> builder.clientCredentials("client-1", "");
            case NULL_CLIENT_ID -> () -> builder.clientCredentials(null, "app-s3cr3t");
            case TOKEN_WITH_NEWLINE -> () -> builder.accessToken("tok-line\r\nX-Injected: 1");
          };
      assertRefused(vendor + " builder", missing.name(), missing.parameter, call);
    }
  }

  enum Missing {
    NONE("credentials"),
    BLANK_TOKEN("accessToken"),
    NULL_TOKEN("accessToken"),
    BLANK_SECRET("clientSecret"),
    NULL_CLIENT_ID("clientId"),
    TOKEN_WITH_NEWLINE("accessToken");

    final String parameter;

    Missing(String parameter) {
      this.parameter = parameter;
    }
  }

  @Test
  void vendorSpecificRequiredSettingsAreNamed() {
    assertRefused(
        "vonage builder",
        "no region and no baseUrl",
        "region",
        () -> VonageClient.builder().accessToken("tok-x").build());
    assertRefused(
        "talkdesk builder",
        "client credentials without account",
        "account(...)",
        () -> TalkdeskClient.builder().clientCredentials("client-1", "app-s3cr3t").build());
    assertRefused(
        "talkdesk builder",
        "account that is not a DNS label",
        "account",
        () -> TalkdeskClient.builder().account("acme.evil.example/x"));
    assertRefused(
        "voipnow builder",
        "no baseUrl",
        "baseUrl",
        () -> VoipNowClient.builder().accessToken("tok-x").build());
    assertRefused(
        "talkdesk updateStatus",
        "status UNKNOWN",
        "status",
        () -> talkdesk().updateStatus(TALKDESK_USER, TalkdeskStatus.UNKNOWN));
    assertRefused(
        "talkdesk updateStatus",
        "status null",
        "status",
        () -> talkdesk().updateStatus(TALKDESK_USER, null));
  }

  // ---------------------------------------------------------------------------------------------

  private void assertRefused(String where, String input, String parameter, ThrowingCallable call) {
    int before = server.getRequestCount();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown)
        .as("%s with %s", where, input)
        .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
    String message = thrown.getMessage();
    assertThat(message).as("message of %s with %s", where, input).contains(parameter);
    assertThat(message)
        .as("message of %s with %s says what is allowed", where, input)
        .containsAnyOf("must", "required", "cannot", "needs", "allowInsecureHttp");
    Secrets.assertNoSecret("the message", message);
    assertThat(server.getRequestCount())
        .as("requests sent for %s with %s", where, input)
        .isEqualTo(before);
    row(where, input, "refused: " + thrown.getClass().getSimpleName() + ": " + abbreviate(message));
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace("\n", "\\n").replace("\r", "\\r").replace("|", "\\|");
    return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 140) + "...";
  }

  private static void row(String where, String input, String outcome) {
    ROWS.add(new String[] {where, input, outcome, METHOD.get()});
  }

  private PresenceClientBuilder<?> builder(String vendor) {
    return switch (vendor) {
      case "vonage" -> VonageClient.builder();
      case "talkdesk" -> TalkdeskClient.builder();
      default -> VoipNowClient.builder();
    };
  }

  private static PresenceClient<?> build(String vendor, PresenceClientBuilder<?> builder) {
    return switch (vendor) {
      case "vonage" -> ((VonageClient.Builder) builder).build();
      case "talkdesk" -> ((TalkdeskClient.Builder) builder).build();
      default -> ((VoipNowClient.Builder) builder).build();
    };
  }

  private PresenceClient<?> client(String vendor) {
    return switch (vendor) {
      case "vonage" -> vcc();
      case "talkdesk" -> talkdesk();
      default -> voipnow();
    };
  }

  private void answerEverything() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            received.add(request);
            List<String> path = request.getUrl().pathSegments();
            String body;
            if (path.get(0).equals("users")) {
              body = JsonTree.write(Operations.Talkdesk.presence(path.get(1), "available"));
            } else if (path.get(0).equals("uapi")) {
              body = "{\"totalResults\":0,\"entry\":[]}";
            } else if (path.size() == 3 && path.get(2).equals("presence")) {
              body = JsonTree.write(Operations.Vcc.entry(path.get(1), 0));
            } else {
              body = "[]";
            }
            return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
  }

  private <C extends AutoCloseable> C keep(C client) {
    answerEverything();
    clients.add(client);
    return client;
  }

  VonageClient vcc() {
    return keep(
        VonageClient.builder().baseUrl(server.url("/")).accessToken("tok-bad-input").build());
  }

  TalkdeskClient talkdesk() {
    return keep(
        TalkdeskClient.builder().baseUrl(server.url("/")).accessToken("tok-bad-input").build());
  }

  VoipNowClient voipnow() {
    return keep(
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-bad-input")
            .maxConcurrency(8)
            .build());
  }

  /** Test cases, inputs checked, refused and sent, per test method. */
  static String byMethod() {
    Map<String, int[]> counts = new TreeMap<>();
    CASES.forEach((method, cases) -> counts.computeIfAbsent(method, m -> new int[3]));
    for (String[] r : ROWS) {
      counts.computeIfAbsent(r[3], m -> new int[3])[r[2].startsWith("refused") ? 1 : 2]++;
    }
    StringBuilder out =
        new StringBuilder(
            "| method | test cases | inputs checked | refused before sending | sent, or read, and"
                + " checked |\n|---|---|---|---|---|\n");
    int[] all = new int[4];
    counts.forEach(
        (method, c) -> {
          int cases = CASES.getOrDefault(method, new AtomicInteger()).get();
          out.append(
              String.format(
                  Locale.ROOT,
                  "| `%s` | %,d | %,d | %,d | %,d |%n",
                  method,
                  cases,
                  c[1] + c[2],
                  c[1],
                  c[2]));
          all[0] += cases;
          all[1] += c[1] + c[2];
          all[2] += c[1];
          all[3] += c[2];
        });
    out.append(
        String.format(
            Locale.ROOT,
            "| **all** | **%,d** | **%,d** | **%,d** | **%,d** |%n",
            all[0],
            all[1],
            all[2],
            all[3]));
    return out.toString();
  }

  @AfterAll
  static void writeReport() {
    Map<String, int[]> summary = new TreeMap<>();
    for (String[] r : ROWS) {
      int[] counts = summary.computeIfAbsent(r[0], k -> new int[2]);
      counts[r[2].startsWith("refused") ? 0 : 1]++;
    }
    StringBuilder out =
        new StringBuilder(
            "# Bad-input matrix\n\nProduced by `BadInputMatrixTest`"
                + " (presence-sdk-reliability-tests). Every refused value was refused before a request was"
                + " sent; every value sent was checked in the recorded request.\n\n");
    out.append("| where | refused | sent correctly encoded or read |\n|---|---|---|\n");
    int refused = 0;
    int sent = 0;
    for (Map.Entry<String, int[]> e : summary.entrySet()) {
      out.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(e.getValue()[0])
          .append(" | ")
          .append(e.getValue()[1])
          .append(" |\n");
      refused += e.getValue()[0];
      sent += e.getValue()[1];
    }
    out.append("| **all** | **").append(refused).append("** | **").append(sent).append("** |\n\n");
    out.append(byMethod()).append('\n');
    out.append("## Every case\n\n| where | input | outcome |\n|---|---|---|\n");
    Map<String, String> seen = new LinkedHashMap<>();
    for (String[] r : ROWS) {
      seen.putIfAbsent(r[0] + " | " + abbreviate(r[1]), r[2]);
    }
    seen.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("bad-input-matrix.md"), out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
