package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AutoPager;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.Page;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListPresenceRequest.SortOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
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

final class VoipNowListingTest {
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
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private FakeVoipNow serve(List<String> extensions) {
    FakeVoipNow fake = new FakeVoipNow(extensions);
    server.setDispatcher(fake);
    return fake;
  }

  private static List<String> extensionsOf(Iterable<ExtensionPresence> entries) {
    List<String> out = new ArrayList<>();
    for (ExtensionPresence entry : entries) {
      out.add(entry.extension());
    }
    return out;
  }

  /** Reads a listing until it ends or fails, keeping what was delivered before a failure. */
  private static RuntimeException drainUntilFailure(
      AutoPager<ExtensionPresence> pager, List<String> delivered) {
    Iterator<ExtensionPresence> it = pager.iterator();
    try {
      while (it.hasNext()) {
        delivered.add(it.next().extension());
      }
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the listing ended without an exception");
  }

  @Test
  void emptyListingIsOneRequestAnswered204() throws Exception {
    server.enqueue(Fixtures.noContent());

    List<ExtensionPresence> entries = client().list().stream().toList();

    assertThat(entries).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(request.getUrl().query()).isEqualTo("count=5000&startIndex=0");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-test");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void singleEntryListingIsOneRequest() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    List<ExtensionPresence> entries = client().list().stream().toList();

    assertThat(extensionsOf(entries)).containsExactly("0003*210");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=5000&startIndex=0");
  }

  @Test
  void documentedExampleWithTwoResultsButOneEntryAsksForTheRestAndSaysOneWasNotReached()
      throws Exception {
    // The documented example reports totalResults 2 but holds one entry; the page after it
    // answers 204, which must not end the listing as if it were complete.
    server.enqueue(Fixtures.fixture(200, "list-presence.json"));
    server.enqueue(Fixtures.noContent());
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining(
            "answered 204 No Content from index 1 although an earlier page reported 2")
        .hasMessageContaining("1 entries could not be reached");
    assertThat(((ListingWindowExceededException) failure).unreachableEntries()).isEqualTo(1);
    assertThat(((ListingWindowExceededException) failure).totalResults()).isEqualTo(2);
    assertThat(delivered).containsExactly("0003*210");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=5000&startIndex=0");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=5000&startIndex=1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** Serves {@code extensions}, but answers 204 No Content to the requests {@code gap} selects. */
  private FakeVoipNow serveWithGap(
      List<String> extensions, java.util.function.Predicate<HttpUrl> gap) {
    FakeVoipNow fake = new FakeVoipNow(extensions);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse answer = fake.dispatch(request);
            return gap.test(request.getUrl()) ? Fixtures.noContent() : answer;
          }
        });
    return fake;
  }

  private static boolean startIndexIs(HttpUrl url, int startIndex) {
    return Integer.toString(startIndex).equals(url.queryParameter("startIndex"));
  }

  @Test
  void pageInsideTheReportedTotalThatAnswers204EndsTheListingWithTheUnreachedCount() {
    FakeVoipNow fake =
        serveWithGap(FakeVoipNow.numbers("0003*", 1000, 8000), url -> startIndexIs(url, 5000));
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining(
            "answered 204 No Content from index 5000 although an earlier page reported 7000")
        .hasMessageContaining("2000 entries could not be reached")
        .hasMessageContaining("list again")
        .hasMessageContaining("Narrow the query to at most 10000 entries");
    ListingWindowExceededException e = (ListingWindowExceededException) failure;
    assertThat(e.totalResults()).isEqualTo(7000);
    assertThat(e.unreachableEntries()).isEqualTo(2000);
    assertThat(e.query().hasFilter()).isFalse();
    assertThat(delivered).isEqualTo(FakeVoipNow.numbers("0003*", 1000, 6000));
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
    assertThat(fake.urls())
        .allMatch(url -> url.encodedPath().equals("/uapi/extensions/@me/@self/presence"));
  }

  @Test
  void emptyPageReportingASmallerTotalStillCountsTheTotalAnEarlierPageAnnounced() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 8000));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse answer = fake.dispatch(request);
            if (startIndexIs(request.getUrl(), 5000)) {
              return Fixtures.json(
                  200,
                  "{\"startIndex\":5000,\"totalResults\":5000,\"itemsPerPage\":5000,"
                      + "\"filtered\":false,\"sorted\":false,\"entry\":[]}");
            }
            return answer;
          }
        });
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining(
            "returned no entries from index 5000 although an earlier page reported 7000")
        .hasMessageContaining("2000 entries could not be reached");
    assertThat(((ListingWindowExceededException) failure).unreachableEntries()).isEqualTo(2000);
    assertThat(delivered).hasSize(5000);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
  }

  @Test
  void partOfASplitListingWhoseSecondPageAnswers204EndsTheListingInsteadOfSkippingIt() {
    // As in the shorter-shared-prefix test: the part 0003*1 holds 10000 entries in two pages.
    FakeVoipNow fake =
        serveWithGap(
            FakeVoipNow.numbers("0003*", 10000, 20001),
            url -> startIndexIs(url, 5000) && "0003*1".equals(url.queryParameter("filterValue")));
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("filtered by extension startsWith \"0003*1\"")
        .hasMessageContaining(
            "answered 204 No Content from index 5000 although an earlier page reported 10000")
        .hasMessageContaining("5000 entries could not be reached");
    ListingWindowExceededException e = (ListingWindowExceededException) failure;
    assertThat(e.query().filterValue()).contains("0003*1");
    assertThat(e.unreachableEntries()).isEqualTo(5000);
    assertThat(delivered).hasSize(5000).allMatch(x -> x.startsWith("0003*1"));
    assertThat(fake.calls())
        .containsExactly(
            "5000 0",
            "5000 0 startsWith 0003*1",
            "5000 0 startsWith 0003*",
            "5000 0 startsWith 0003*0",
            "5000 5000 startsWith 0003*1");
  }

  @Test
  void emptyFirstPageOfAPartIsNotAnErrorWhileThePartsStillAddUp() {
    // 0003*0 and 0003*3 to 0003*9 hold nothing and answer 204 on their first page: no error.
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all);

    assertThat(extensionsOf(client().list())).hasSize(12000);
    assertThat(fake.calls()).contains("5000 0 startsWith 0003*0");
  }

  @Test
  void fiveThousandEntriesAreOnePage() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 6000);
    FakeVoipNow fake = serve(all);

    assertThat(extensionsOf(client().list())).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("5000 0");
  }

  @Test
  void fiveThousandAndOneEntriesAreTwoPages() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 6001);
    FakeVoipNow fake = serve(all);

    assertThat(extensionsOf(client().list())).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
  }

  @Test
  void tenThousandEntriesFillTheWindowWithTwoPages() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 20000);
    FakeVoipNow fake = serve(all);

    assertThat(extensionsOf(client().list())).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
  }

  @Test
  void twelveThousandEntriesArePartitionedByExtensionPrefix() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(12000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls())
        .containsExactly(
            "5000 0",
            // The first page shares 0003*; startsWith 0003* holds all 12000, so it stands for
            // the whole listing.
            "5000 0 startsWith 0003*",
            "5000 0 startsWith 0003*0",
            "5000 0 startsWith 0003*1",
            "5000 0 startsWith 0003*2",
            "5000 0 startsWith 0003*3",
            "5000 0 startsWith 0003*4",
            "5000 0 startsWith 0003*5",
            "5000 0 startsWith 0003*6",
            "5000 0 startsWith 0003*7",
            "5000 0 startsWith 0003*8",
            "5000 0 startsWith 0003*9");
    // Parts come in prefix order: 0003*1 holds 1000-1999 and 10000-12999.
    assertThat(listed.subList(0, 4000))
        .allMatch(e -> e.startsWith("0003*1"))
        .startsWith("0003*1000")
        .endsWith("0003*12999");
    assertThat(listed.get(4000)).isEqualTo("0003*2000");
  }

  @Test
  void tenThousandAndOneEntriesTryAShorterSharedPrefixWhenTheFirstDoesNotHoldAll() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 20001);
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(10001).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls())
        .containsExactly(
            "5000 0",
            // The first page shares 0003*1, which holds 10000 of 10001: one character less.
            "5000 0 startsWith 0003*1",
            "5000 0 startsWith 0003*",
            "5000 0 startsWith 0003*0",
            // The part 0003*1 is the probe that failed: its first page is not asked again.
            "5000 5000 startsWith 0003*1",
            // 0003*2 holds the last entry; the parts now add up, so 0003*3-9 are not asked.
            "5000 0 startsWith 0003*2");
    assertThat(fake.calls()).doesNotHaveDuplicates();
  }

  @Test
  void partitionsWithoutASharedPrefixSplitLevelByLevelWithEqualsAndStarParts() {
    // 6000 extensions of client 0003 and 6000 of client 0004.
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 1000, 7000));
    all.addAll(FakeVoipNow.numbers("0004*", 1000, 7000));
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(12000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls())
        .containsExactly(
            "5000 0",
            "5000 0 startsWith 0003*",
            "5000 0 startsWith 0003",
            "5000 0 startsWith 000",
            "5000 0 equals 000",
            "5000 0 startsWith 000*",
            "5000 0 startsWith 0000",
            "5000 0 startsWith 0001",
            "5000 0 startsWith 0002",
            // The first page of the part 0003 is the one its failed probe fetched.
            "5000 5000 startsWith 0003",
            "5000 0 startsWith 0004",
            "5000 5000 startsWith 0004");
    assertThat(fake.calls()).doesNotHaveDuplicates();
    assertThat(listed.subList(0, 6000)).allMatch(e -> e.startsWith("0003*"));
  }

  @Test
  void nestedPartitionsReuseThePagesOfFailedProbesAndAskNoQueryTwice() {
    // Like the benchmark's million extensions, scaled to a window of 20: 300 extensions
    // 0003*000 to 0003*299, so that the first page shares 0003*00, which holds 10 of 300, and
    // 0003*0 holds 100.
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(String.format(java.util.Locale.ROOT, "0003*%03d", i));
    }
    FakeVoipNow fake = serve(all).refusingAbove(10, 10);

    List<String> listed =
        extensionsOf(client(b -> b.maxCount(10).maxStartIndex(10).bulkChunkSize(10)).list());

    assertThat(listed).isEqualTo(all);
    assertThat(fake.calls()).doesNotHaveDuplicates();
    assertThat(fake.calls())
        .startsWith(
            "10 0",
            "10 0 startsWith 0003*00",
            "10 0 startsWith 0003*0",
            "10 0 startsWith 0003*",
            // The parts of 0003* start with 0003*0, whose page the failed probe fetched; the probe
            // of its first page (0003*00) failed at the top as well, and is its first part.
            "10 0 equals 0003*0",
            "10 0 startsWith 0003*01")
        .contains("10 0 startsWith 0003*1", "10 0 startsWith 0003*10", "10 0 equals 0003*1")
        // 30 pages of entries, the unfiltered query, 2 failed probes at the top, 3 split blocks
        // and 3 empty exact matches: 38, where every failed probe used to be asked twice (43).
        .hasSize(38);
  }

  @Test
  void descendingPartitionsComeInDescendingPrefixOrder() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(
            client().list(ListPresenceRequest.builder().sortOrder(SortOrder.DESCENDING).build()));

    assertThat(listed).hasSize(12000).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(fake.calls().subList(0, 3))
        .containsExactly("5000 0", "5000 0 startsWith 0003*", "5000 0 startsWith 0003*9");
    assertThat(fake.urls()).allMatch(url -> "desc".equals(url.queryParameter("sortOrder")));
  }

  @Test
  void aV3ServerIsPartitionedWithItsOwnSpellingOfStartsWithAndSortOrder() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all).speaking(QueryDialect.V3);

    List<String> listed =
        extensionsOf(
            client(b -> b.queryDialect(QueryDialect.V3))
                .list(ListPresenceRequest.builder().sortOrder(SortOrder.ASCENDING).build()));

    assertThat(listed).hasSize(12000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls())
        .startsWith("5000 0", "5000 0 starts with 0003*", "5000 0 starts with 0003*0")
        .hasSize(12);
    assertThat(fake.urls()).allMatch(url -> "ascending".equals(url.queryParameter("sortOrder")));
  }

  @Test
  void aV3ServerRefusesTheDefaultV5Spelling() {
    serve(FakeVoipNow.numbers("0003*", 1000, 1010)).speaking(QueryDialect.V3);

    assertThatThrownBy(
            () ->
                client()
                    .list(
                        ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*").build())
                    .stream()
                    .toList())
        .isInstanceOf(BadRequestException.class)
        .satisfies(
            e ->
                assertThat(VoipNowErrorCode.of((BadRequestException) e))
                    .isEqualTo(VoipNowErrorCode.FILTEROP_INVALID));
  }

  @Test
  void callersStartsWithFilterIsPartitionedWithinItsPrefix() {
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 1000, 13000));
    all.addAll(FakeVoipNow.numbers("0004*", 1000, 1100));
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(
            client()
                .list(ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*").build()));

    assertThat(listed).hasSize(12000).allMatch(e -> e.startsWith("0003*"));
    assertThat(fake.calls())
        .startsWith("5000 0 startsWith 0003*", "5000 0 startsWith 0003*0")
        .hasSize(11);
  }

  @Test
  void partitionsThatDoNotAddUpEndTheListingWithTheNumberOfUnreachedEntries() {
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 1000, 12000));
    all.add("0003*X1");
    FakeVoipNow fake = serve(all);
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure).isInstanceOf(ListingWindowExceededException.class);
    ListingWindowExceededException e = (ListingWindowExceededException) failure;
    assertThat(e.totalResults()).isEqualTo(11001);
    assertThat(e.unreachableEntries()).isEqualTo(1);
    assertThat(e.query().filterValue()).contains("0003*");
    assertThat(e.getMessage())
        .contains("11001 entries")
        .contains("hold only 11000")
        .contains("1 entries could not be reached")
        .contains("Narrow the query");
    assertThat(delivered).hasSize(11000).doesNotContain("0003*X1");
    assertThat(fake.calls()).hasSize(12).last().isEqualTo("5000 0 startsWith 0003*9");
  }

  @Test
  void filterThatCannotBePartitionedReadsTheWindowThenSaysHowManyEntriesWereNotReached() {
    FakeVoipNow fake = serve(FakeVoipNow.numbers("0003*", 1000, 13000));
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(
            client().list(ListPresenceRequest.builder().filter(FilterOp.CONTAINS, "0003").build()),
            delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("holds 12000 entries")
        .hasMessageContaining("startIndex above 5000")
        .hasMessageContaining("only the first 10000 can be read")
        .hasMessageContaining("2000 entries could not be reached")
        .hasMessageContaining("only without a filter or with a startsWith filter")
        .hasMessageContaining("Narrow the query to at most 10000 entries");
    assertThat(((ListingWindowExceededException) failure).unreachableEntries()).isEqualTo(2000);
    assertThat(delivered).hasSize(10000);
    assertThat(fake.calls()).containsExactly("5000 0 contains 0003", "5000 5000 contains 0003");
  }

  @Test
  void listingFromALaterStartIndexIsNotPartitioned() {
    FakeVoipNow fake = serve(FakeVoipNow.numbers("0003*", 1000, 13000));
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(
            client().list(ListPresenceRequest.builder().startIndex(100).build()), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("2000 entries could not be reached")
        .hasMessageContaining("only from startIndex 0");
    assertThat(delivered).hasSize(9900).startsWith("0003*1100");
    // 5100 is past maxStartIndex: the page is asked from 5000 and its first 100 entries skipped.
    assertThat(fake.calls()).containsExactly("5000 100", "5000 5000");
  }

  @Test
  void lastPageIsAskedFromMaxStartIndexWhenThePageSizeDoesNotDivideTheWindow() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 17000);
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(client().list(ListPresenceRequest.builder().count(3000).build()));

    assertThat(listed).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("3000 0", "3000 3000", "3000 5000");
  }

  @Test
  void boundsConfiguredLikeFourPsaToolsPageWithin4999() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 19998);
    FakeVoipNow fake = serve(all).refusingAbove(4999, 4999);

    List<String> listed = extensionsOf(client(b -> b.maxCount(4999).maxStartIndex(4999)).list());

    assertThat(listed).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("4999 0", "4999 4999");
  }

  @Test
  void serverThatRefusesCount5000FailsWithCountInvalidAndAHint() {
    serve(FakeVoipNow.numbers("0003*", 1000, 1010)).refusingAbove(4999, 4999);

    assertThatThrownBy(() -> client().list().stream().toList())
        .isInstanceOf(BadRequestException.class)
        .satisfies(
            e ->
                assertThat(VoipNowErrorCode.of((BadRequestException) e))
                    .isEqualTo(VoipNowErrorCode.COUNT_INVALID))
        .hasMessageContaining("lower maxCount on the client builder");
  }

  @Test
  void serverThatReturnsNothingPastSomeIndexEndsTheListingWithAnException() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 8000));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse answer = fake.dispatch(request);
            if ("5000".equals(request.getUrl().queryParameter("startIndex"))) {
              // A server that quietly serves nothing from index 5000 on.
              return Fixtures.json(
                  200,
                  "{\"startIndex\":5000,\"totalResults\":7000,\"itemsPerPage\":5000,"
                      + "\"entry\":[]}");
            }
            return answer;
          }
        });
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("returned no entries from index 5000 although it reported 7000")
        .hasMessageContaining("lower maxStartIndex");
    assertThat(delivered).hasSize(5000);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
  }

  @Test
  void pageTwoIsNotRequestedUntilPageOneIsConsumed() {
    serve(FakeVoipNow.numbers("0003*", 1000, 6001));
    AutoPager<ExtensionPresence> pager = client().list();
    assertThat(server.getRequestCount()).isZero();

    Iterator<ExtensionPresence> it = pager.iterator();
    assertThat(it.next().extension()).isEqualTo("0003*1000");
    assertThat(server.getRequestCount()).isEqualTo(1);
    for (int i = 1; i < 5000; i++) {
      it.next();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);

    assertThat(it.hasNext()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(it.next().extension()).isEqualTo("0003*6000");
    assertThat(it.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void partitionsAreFetchedOnlyWhenTheIterationReachesThem() {
    serve(FakeVoipNow.numbers("0003*", 1000, 13000));
    Iterator<ExtensionPresence> it = client().list().iterator();

    assertThat(it.next().extension()).isEqualTo("0003*1000");
    // The listing, the shared prefix, the empty 0003*0 part and the 0003*1 part.
    assertThat(server.getRequestCount()).isEqualTo(4);
    for (int i = 1; i < 4000; i++) {
      it.next();
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(it.next().extension()).isEqualTo("0003*2000");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void pagesCarryTheQueryToEveryRequest() {
    FakeVoipNow fake = serve(FakeVoipNow.numbers("0003*", 1000, 1250));
    ListPresenceRequest request =
        ListPresenceRequest.builder()
            .user(VoipNowUser.id("42"))
            .filter(FilterOp.STARTS_WITH, "0003*1")
            .sortOrder(SortOrder.ASCENDING)
            .fields("status")
            .count(100)
            .build();

    List<String> listed = extensionsOf(client().list(request));

    assertThat(listed).hasSize(250);
    assertThat(fake.calls())
        .containsExactly(
            "100 0 startsWith 0003*1", "100 100 startsWith 0003*1", "100 200 startsWith 0003*1");
    for (HttpUrl url : fake.urls()) {
      assertThat(url.encodedPath()).isEqualTo("/uapi/extensions/42/@self/presence");
      assertThat(url.queryParameter("filterBy")).isEqualTo("extension");
      assertThat(url.queryParameter("sortOrder")).isEqualTo("asc");
      assertThat(url.queryParameter("fields")).isEqualTo("extension,status");
    }
  }

  @Test
  void forEachAsyncReadsEveryPage() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 6001);
    FakeVoipNow fake = serve(all);
    List<String> seen = new ArrayList<>();

    client().list().forEachAsync(entry -> seen.add(entry.extension())).join();

    assertThat(seen).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000");
  }

  @Test
  void toListAsyncReadsAPartitionedListing() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    serve(all);

    List<ExtensionPresence> entries = client().list().toListAsync().join();

    assertThat(extensionsOf(entries)).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void pagesOfTheAutoPagerCanBeWalkedByHand() {
    serve(FakeVoipNow.numbers("0003*", 1000, 6001));

    Page<ExtensionPresence> first = client().list().firstPage();

    assertThat(first.items()).hasSize(5000);
    assertThat(first.hasNextPage()).isTrue();
    Page<ExtensionPresence> second = first.nextPage();
    assertThat(second.items())
        .extracting(ExtensionPresence::extension)
        .containsExactly("0003*6000");
    assertThat(second.hasNextPage()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
