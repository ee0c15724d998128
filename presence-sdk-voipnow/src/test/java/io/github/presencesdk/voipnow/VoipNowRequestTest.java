package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListPresenceRequest.SortOrder;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the client sends for each query option, and what it refuses to send. */
final class VoipNowRequestTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client;

  @BeforeEach
  void setUp() {
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-test")
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private HttpUrl send(ListPresenceRequest request) throws InterruptedException {
    server.enqueue(Fixtures.noContent());
    client.listPage(request);
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    return recorded.getUrl();
  }

  @ParameterizedTest
  @CsvSource({
    "EQUALS, 0003*210, equals",
    "CONTAINS, 21, contains",
    "STARTS_WITH, 0003*2, startsWith",
    "IN_ARRAY, '0003*210,0003*211', inArray"
  })
  void everyFilterOperationIsSentWithFilterByExtension(FilterOp op, String value, String wire)
      throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().filter(op, value).build());

    assertThat(url.queryParameter("filterBy")).isEqualTo("extension");
    assertThat(url.queryParameter("filterOp")).isEqualTo(wire);
    assertThat(url.queryParameter("filterValue")).isEqualTo(value);
    assertThat(url.queryParameterNames())
        .containsExactlyInAnyOrder("count", "startIndex", "filterBy", "filterOp", "filterValue");
  }

  @Test
  void filterSetPieceByPieceIsTheSameAsFilter() throws Exception {
    ListPresenceRequest request =
        ListPresenceRequest.builder()
            .filterBy("extension")
            .filterValue("0003*2")
            .filterOp(FilterOp.STARTS_WITH)
            .build();

    assertThat(request)
        .isEqualTo(ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*2").build());
    HttpUrl url = send(request);
    assertThat(url.query())
        .isEqualTo(
            "count=5000&startIndex=0&filterBy=extension&filterOp=startsWith&filterValue=0003*2");
  }

  @Test
  void filterInArrayJoinsDistinctNumbersWithCommas() throws Exception {
    HttpUrl url =
        send(
            ListPresenceRequest.builder()
                .filterInArray(List.of("0003*210", "0003*211", "0003*210", "212"))
                .build());

    assertThat(url.queryParameter("filterOp")).isEqualTo("inArray");
    assertThat(url.queryParameter("filterValue")).isEqualTo("0003*210,0003*211,212");
  }

  @ParameterizedTest
  @CsvSource({"ASCENDING, asc", "DESCENDING, desc"})
  void sortOrderIsSent(SortOrder order, String wire) throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().sortOrder(order).build());

    assertThat(url.queryParameter("sortOrder")).isEqualTo(wire);
  }

  @Test
  void theDefaultDialectIsV5() throws Exception {
    HttpUrl url =
        send(
            ListPresenceRequest.builder()
                .filter(FilterOp.STARTS_WITH, "0003*2")
                .sortOrder(SortOrder.ASCENDING)
                .build());

    assertThat(url.encodedQuery())
        .isEqualTo(
            "count=5000&startIndex=0&filterBy=extension&filterOp=startsWith&filterValue=0003*2"
                + "&sortOrder=asc");
  }

  private VoipNowClient v3Client() {
    client.close();
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-test")
            .retryPolicy(RetryPolicy.none())
            .queryDialect(QueryDialect.V3)
            .build();
    return client;
  }

  @ParameterizedTest
  @CsvSource({
    "EQUALS, 0003*210, equals, equals",
    "CONTAINS, 21, contains, contains",
    "STARTS_WITH, 0003*2, starts with, starts%20with"
  })
  void theV3DialectSendsTheSpellingOfTheReferencePage(
      FilterOp op, String value, String wire, String encoded) throws Exception {
    v3Client();

    HttpUrl url = send(ListPresenceRequest.builder().filter(op, value).build());

    assertThat(url.queryParameter("filterBy")).isEqualTo("extension");
    assertThat(url.queryParameter("filterOp")).isEqualTo(wire);
    assertThat(url.encodedQuery()).contains("&filterOp=" + encoded + "&");
    assertThat(url.queryParameter("filterValue")).isEqualTo(value);
    assertThat(op.wireValue(QueryDialect.V3)).isEqualTo(wire);
  }

  @ParameterizedTest
  @CsvSource({"ASCENDING, ascending", "DESCENDING, descending"})
  void theV3DialectSpellsTheSortOrderOut(SortOrder order, String wire) throws Exception {
    v3Client();

    HttpUrl url = send(ListPresenceRequest.builder().sortOrder(order).build());

    assertThat(url.queryParameter("sortOrder")).isEqualTo(wire);
    assertThat(order.wireValue(QueryDialect.V3)).isEqualTo(wire);
    assertThat(order.wireValue(QueryDialect.V5)).isEqualTo(order.wireValue());
  }

  @Test
  void theV3DialectRefusesInArrayBeforeSending() {
    v3Client();
    ListPresenceRequest request =
        ListPresenceRequest.builder().filterInArray(List.of("0003*210", "0003*211")).build();

    assertThatThrownBy(() -> client.list(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filterOp inArray does not exist in the V3 query dialect")
        .hasMessageContaining("queryDialect(QueryDialect.V5)");
    assertThatThrownBy(() -> client.listPage(request)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.listPageAsync(request))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(QueryDialect.V3.supports(FilterOp.IN_ARRAY)).isFalse();
    assertThat(QueryDialect.V5.supports(FilterOp.IN_ARRAY)).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void queryDialectMustNotBeNull() {
    assertThatThrownBy(() -> VoipNowClient.builder().queryDialect(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queryDialect must not be null");
  }

  @Test
  void fieldsAreSentCommaSeparatedWithTheExtensionFirst() throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().fields("status", "registration").build());

    assertThat(url.queryParameter("fields")).isEqualTo("extension,status,registration");
  }

  @Test
  void fieldsThatNameTheExtensionAreSentAsGiven() throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().fields("status", "extension").build());

    assertThat(url.queryParameter("fields")).isEqualTo("status,extension");
  }

  @Test
  void countAndStartIndexAreSentAsGiven() throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().count(20).startIndex(40).build());

    assertThat(url.query()).isEqualTo("count=20&startIndex=40");
  }

  @Test
  void everyOptionAtOnce() throws Exception {
    HttpUrl url =
        send(
            ListPresenceRequest.builder()
                .user(VoipNowUser.VIEWER)
                .filter(FilterOp.CONTAINS, "*2")
                .sortOrder(SortOrder.DESCENDING)
                .fields("status")
                .count(50)
                .startIndex(100)
                .build());

    assertThat(url.encodedPath()).isEqualTo("/uapi/extensions/@viewer/@self/presence");
    assertThat(url.query())
        .isEqualTo(
            "count=50&startIndex=100&filterBy=extension&filterOp=contains&filterValue=*2"
                + "&sortOrder=desc&fields=extension,status");
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(VoipNowUser.ME, VoipNowExtension.SELF, "/uapi/extensions/@me/@self/presence"),
        Arguments.of(
            VoipNowUser.VIEWER, VoipNowExtension.SELF, "/uapi/extensions/@viewer/@self/presence"),
        Arguments.of(
            VoipNowUser.OWNER,
            VoipNowExtension.number("0003*210"),
            "/uapi/extensions/@owner/0003*210/presence"),
        Arguments.of(
            VoipNowUser.id("12"),
            VoipNowExtension.number("210"),
            "/uapi/extensions/12/210/presence"),
        Arguments.of(
            VoipNowUser.id("a/b?c"),
            VoipNowExtension.SELF,
            "/uapi/extensions/a%2Fb%3Fc/@self/presence"));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void userAndExtensionAreEncodedAsPathSegments(
      VoipNowUser user, VoipNowExtension extension, String path) throws Exception {
    HttpUrl url = send(ListPresenceRequest.builder().user(user).extension(extension).build());

    assertThat(url.encodedPath()).isEqualTo(path);
  }

  @Test
  void baseUrlPathIsKept() throws Exception {
    client.close();
    client =
        VoipNowClient.builder().baseUrl(server.url("/voipnow/")).accessToken("tok-test").build();

    HttpUrl url = send(ListPresenceRequest.builder().build());

    assertThat(url.encodedPath()).isEqualTo("/voipnow/uapi/extensions/@me/@self/presence");
  }

  @Test
  void handPagedPageCarriesTheEnvelopeAndAsksForTheNextPageWithTheSameQuery() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence.json"));
    server.enqueue(Fixtures.noContent());
    ListPresenceRequest request =
        ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*").count(20).build();

    ExtensionPresencePage page = client.listPage(request);

    assertThat(page.startIndex()).isZero();
    assertThat(page.totalResults()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(20);
    assertThat(page.filtered()).isFalse();
    assertThat(page.sorted()).isFalse();
    assertThat(page.httpStatus()).isEqualTo(200);
    assertThat(page.entries()).extracting(ExtensionPresence::extension).containsExactly("0003*210");
    assertThat(page.request()).isEqualTo(request);
    assertThat(page.nextStartIndex()).isEqualTo(1);
    assertThat(page.hasNextPage()).isTrue();

    ExtensionPresencePage next = page.nextPage();

    assertThat(next.entries()).isEmpty();
    assertThat(next.httpStatus()).isEqualTo(204);
    assertThat(next.startIndex()).isEqualTo(1);
    assertThat(next.totalResults()).isZero();
    assertThat(next.hasNextPage()).isFalse();
    assertThatThrownBy(next::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo(
            "count=20&startIndex=0&filterBy=extension&filterOp=startsWith&filterValue=0003*");
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo(
            "count=20&startIndex=1&filterBy=extension&filterOp=startsWith&filterValue=0003*");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void handPagedPageWithoutCountUsesTheClientsMaximum() throws Exception {
    server.enqueue(Fixtures.noContent());

    ExtensionPresencePage page = client.listPage(ListPresenceRequest.builder().build());

    assertThat(page.request().count()).hasValue(5000);
    assertThat(server.takeRequest().getUrl().queryParameter("count")).isEqualTo("5000");
  }

  @Test
  void handPagingStopsAtTheWindowWithoutSending() {
    server.setDispatcher(new FakeVoipNow(FakeVoipNow.numbers("0003*", 10000, 22000)));

    ExtensionPresencePage page =
        client.listPage(ListPresenceRequest.builder().startIndex(5000).build());

    assertThat(page.entries()).hasSize(5000);
    assertThat(page.hasNextPage()).isTrue();
    assertThatThrownBy(page::nextPage)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("starts at index 10000")
        .hasMessageContaining("2000 entries cannot be reached")
        .hasMessageContaining("VoipNowClient.list");
    assertThatThrownBy(() -> page.nextPageAsync().join())
        .hasCauseInstanceOf(ListingWindowExceededException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listPageAsyncAnswersThePage() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    ExtensionPresencePage page =
        client.listPageAsync(ListPresenceRequest.builder().count(10).build()).join();

    assertThat(page.totalResults()).isEqualTo(1);
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=10&startIndex=0");
  }

  // Caller mistakes: each is refused before anything is sent.

  static Stream<Arguments> badRequests() {
    return Stream.<Arguments>of(
        bad(() -> ListPresenceRequest.builder().count(0), "count must be at least 1"),
        bad(() -> ListPresenceRequest.builder().startIndex(-1), "startIndex must be at least 0"),
        bad(
            () -> ListPresenceRequest.builder().filterOp(FilterOp.EQUALS).build(),
            "filterOp is set but filterValue is not"),
        bad(
            () -> ListPresenceRequest.builder().filterValue("0003*210").build(),
            "filterValue is set but filterOp is not"),
        bad(
            () -> ListPresenceRequest.builder().filterBy("extension").build(),
            "filterBy is set but filterOp and filterValue are not"),
        bad(
            () -> ListPresenceRequest.builder().filterBy("status"),
            "filterBy must be \"extension\""),
        bad(
            () -> ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "ab").build(),
            "filterValue for startsWith must be digits and '*'"),
        bad(
            () -> ListPresenceRequest.builder().filter(FilterOp.EQUALS, "").build(),
            "filterValue for equals must be digits and '*'"),
        bad(
            () -> ListPresenceRequest.builder().filter(FilterOp.IN_ARRAY, "0003*210,,1").build(),
            "comma-separated list of extended numbers"),
        bad(
            () -> ListPresenceRequest.builder().filterInArray(List.of()),
            "extensions must hold at least one extended number"),
        bad(
            () -> ListPresenceRequest.builder().filterInArray(List.of("0003*210", "0003*2x")),
            "extensions[1] must be an extended number"),
        bad(
            () -> ListPresenceRequest.builder().fields("status,registration"),
            "fields must be presence field names"),
        bad(() -> ListPresenceRequest.builder().fields(""), "fields must be presence field names"),
        bad(() -> VoipNowUser.id("@me"), "use VoipNowUser.ME, VIEWER or OWNER"),
        bad(() -> VoipNowUser.id(" "), "userId must not be blank"),
        bad(() -> VoipNowExtension.number("@self"), "extension must be an extended number"),
        bad(() -> VoipNowExtension.number("0003*"), "extension must be an extended number"),
        bad(() -> VoipNowExtension.number("1*2*3"), "extension must be an extended number"),
        bad(() -> VoipNowExtension.number("0003 210"), "extension must be an extended number"));
  }

  private static Arguments bad(Supplier<?> call, String message) {
    return Arguments.of(call, message);
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badRequestOptionsAreRefusedWithAMessageSayingWhatIsAllowed(
      Supplier<?> call, String message) {
    assertThatThrownBy(call::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void countAboveTheClientsMaximumIsRefusedBeforeSending() {
    ListPresenceRequest request = ListPresenceRequest.builder().count(5001).build();

    assertThatThrownBy(() -> client.list(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count must be between 1 and 5000")
        .hasMessageContaining("was 5001");
    assertThatThrownBy(() -> client.listPage(request)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.listPageAsync(request))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void startIndexAboveTheClientsMaximumIsRefusedBeforeSending() {
    ListPresenceRequest request = ListPresenceRequest.builder().startIndex(5001).build();

    assertThatThrownBy(() -> client.list(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startIndex must be between 0 and 5000")
        .hasMessageContaining("was 5001");
    assertThatThrownBy(() -> client.listPage(request)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void configuredBoundsAreEnforcedBeforeSending() {
    client.close();
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-test")
            .maxCount(4999)
            .maxStartIndex(4999)
            .build();

    assertThatThrownBy(() -> client.list(ListPresenceRequest.builder().count(5000).build()))
        .hasMessageContaining("count must be between 1 and 4999");
    assertThatThrownBy(() -> client.list(ListPresenceRequest.builder().startIndex(5000).build()))
        .hasMessageContaining("startIndex must be between 0 and 4999");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullRequestIsRefused() {
    assertThatThrownBy(() -> client.list(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
  }

  @ParameterizedTest
  @EnumSource(FilterOp.class)
  void requestsWithTheSameValuesAreEqualAndPrintTheirQuery(FilterOp op) {
    String value = op == FilterOp.IN_ARRAY ? "0003*210,0003*211" : "0003*2";
    ListPresenceRequest request =
        ListPresenceRequest.builder().filter(op, value).sortOrder(SortOrder.ASCENDING).build();

    assertThat(request.newBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(request.filterBy()).hasValue("extension");
    assertThat(request.newBuilder().clearFilter().build().filterBy()).isEmpty();
    assertThat(request.toString())
        .contains("@me/@self")
        .contains("extension " + op.wireValue() + " \"" + value + "\"")
        .contains("sortOrder=asc");
  }
}
