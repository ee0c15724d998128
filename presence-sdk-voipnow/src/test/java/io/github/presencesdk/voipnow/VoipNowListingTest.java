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
    // Sorted, so that a listing larger than the window can be continued by extension prefix.
    assertThat(request.getUrl().query()).isEqualTo("count=5000&startIndex=0&sortOrder=asc");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-test");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void singleEntryListingIsOneRequest() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-single.json"));

    List<ExtensionPresence> entries = client().list().stream().toList();

    assertThat(extensionsOf(entries)).containsExactly("0003*210");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("count=5000&startIndex=0&sortOrder=asc");
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
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("count=5000&startIndex=0&sortOrder=asc");
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("count=5000&startIndex=1&sortOrder=asc");
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
        // 7000 entries fit in the window: narrowing the query would not help.
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Narrow the query", ".."));
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
  void aListingThatShrankWhileRunningIsNotAdvisedToNarrowToTheWindow() {
    // 60 extensions in pages of 10; after the third page the server holds only 30.
    FakeVoipNow before = new FakeVoipNow(FakeVoipNow.numbers("0003*", 100, 160));
    FakeVoipNow after = new FakeVoipNow(FakeVoipNow.numbers("0003*", 100, 130));
    server.setDispatcher(
        new Dispatcher() {
          private int answered;

          @Override
          public synchronized MockResponse dispatch(RecordedRequest request) {
            return answered++ < 3 ? before.dispatch(request) : after.dispatch(request);
          }
        });
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(
            client().list(ListPresenceRequest.builder().count(10).build()), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining(
            "answered 204 No Content from index 30 although an earlier page reported 60")
        .hasMessageContaining("30 entries could not be reached")
        .hasMessageContaining("list again");
    // 60 entries fit in one query: "narrow the query to at most 5010 entries" would be no help.
    assertThat(failure.getMessage()).doesNotContain("Narrow", "5010", "..");
    assertThat(((ListingWindowExceededException) failure).unreachableEntries()).isEqualTo(30);
    assertThat(delivered).isEqualTo(FakeVoipNow.numbers("0003*", 100, 130));
    assertThat(before.calls()).containsExactly("10 0", "10 10", "10 20");
    assertThat(after.calls()).containsExactly("10 30");
    assertThat(after.urls().get(0).queryParameter("sortOrder")).isEqualTo("asc");
  }

  @Test
  void aQueryLargerThanTheWindowThatCannotBeSplitIsAdvisedToNarrowInWellFormedSentences() {
    serve(FakeVoipNow.numbers("0003*", 1000, 1100));
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(
            client(b -> b.maxCount(10).maxStartIndex(10))
                .list(ListPresenceRequest.builder().filter(FilterOp.CONTAINS, "0003").build()),
            delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("holds 100 entries")
        .hasMessageContaining("80 entries could not be reached.")
        .hasMessageContaining("Narrow the query to at most 20 entries");
    assertThat(failure.getMessage()).doesNotContain("..");
    assertThat(delivered).hasSize(20);
  }

  @Test
  void aServerThatIgnoresTheSortOrderEndsTheListingInsteadOfRepeatingEntries() {
    // A server that answers every query in ascending order, whatever sortOrder asks for.
    FakeVoipNow fake = serve(FakeVoipNow.numbers("0003*", 1000, 13000)).sortingAlwaysAscending();
    List<String> delivered = new ArrayList<>();

    RuntimeException failure = drainUntilFailure(client().list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("which the other end of the listing reached already")
        .hasMessageContaining("does not sort by the extension number as text");
    assertThat(failure.getMessage()).doesNotContain("..");
    assertThat(delivered).hasSize(10000).doesNotHaveDuplicates();
    assertThat(fake.urls())
        .extracting(HttpUrl::query)
        .containsExactly(
            "count=5000&startIndex=0&sortOrder=asc",
            "count=5000&startIndex=5000&sortOrder=asc",
            "count=2000&startIndex=0&sortOrder=desc");
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
    // 1000 extensions at a window of 10 + 10: the part startsWith 0003*0001 holds 100 entries;
    // its second ascending page answers 204.
    NumberedVoipNow numbered = new NumberedVoipNow(1000, 10, 10);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse answer = numbered.dispatch(request);
            HttpUrl url = request.getUrl();
            boolean gap =
                startIndexIs(url, 10)
                    && "0003*0001".equals(url.queryParameter("filterValue"))
                    && "asc".equals(url.queryParameter("sortOrder"));
            return gap ? Fixtures.noContent() : answer;
          }
        });
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(client(b -> b.maxCount(10).maxStartIndex(10)).list(), delivered);

    assertThat(failure)
        .isInstanceOf(ListingWindowExceededException.class)
        .hasMessageContaining("filtered by extension startsWith \"0003*0001\"")
        .hasMessageContaining(
            "answered 204 No Content from index 10 although an earlier page reported 100")
        .hasMessageContaining("90 entries could not be reached");
    assertThat(failure.getMessage()).doesNotContain("..");
    ListingWindowExceededException e = (ListingWindowExceededException) failure;
    assertThat(e.query().filterValue()).contains("0003*0001");
    assertThat(e.unreachableEntries()).isEqualTo(90);
    assertThat(delivered).doesNotHaveDuplicates();
    // The two ends of the whole listing, then the first ten of the part.
    assertThat(delivered).hasSize(50);
    assertThat(numbered.calls())
        .extracting(call -> call.url().query())
        .containsExactly(
            "count=10&startIndex=0&sortOrder=asc",
            "count=10&startIndex=10&sortOrder=asc",
            "count=10&startIndex=0&sortOrder=desc",
            "count=10&startIndex=10&sortOrder=desc",
            "count=10&startIndex=0&filterBy=extension&filterOp=startsWith&filterValue=0003*0001"
                + "&sortOrder=asc",
            "count=10&startIndex=10&filterBy=extension&filterOp=startsWith"
                + "&filterValue=0003*0001&sortOrder=asc");
  }

  @Test
  void emptyFirstPageOfAPartIsNotAnErrorWhileThePartsStillAddUp() {
    // At a window of 10 + 10, the gap between 0003*119 and 0003*380 is split at 0003*: the part
    // 0003*2 holds nothing and answers 204.
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 100, 200));
    all.addAll(FakeVoipNow.numbers("0003*", 300, 400));
    FakeVoipNow fake = serve(all).refusingAbove(10, 10);

    List<String> listed = extensionsOf(client(b -> b.maxCount(10).maxStartIndex(10)).list());

    assertThat(listed).hasSize(200).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls()).contains("10 0 startsWith 0003*2").hasSize(21);
    assertThat(fake.urls()).doesNotHaveDuplicates();
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
  void twelveThousandEntriesAreReadUpToTheWindowAndThenFromTheOtherEnd() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(12000).containsExactlyInAnyOrderElementsOf(all);
    // Ascending up to the window, then the 2000 left from the other end: no more than needed.
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000", "2000 0");
    assertThat(fake.urls())
        .extracting(url -> url.queryParameter("sortOrder"))
        .containsExactly("asc", "asc", "desc");
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.naturalOrder());
    assertThat(listed.subList(0, 10000)).isEqualTo(sorted.subList(0, 10000));
  }

  @Test
  void tenThousandAndOneEntriesTakeOneRequestOfOneEntryPastTheWindow() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 20001);
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(10001).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000", "1 0");
    assertThat(listed.get(10000)).isEqualTo("0003*20000");
  }

  @Test
  void listingsOfTwoClientsAreReadFromBothEnds() {
    // 6000 extensions of client 0003 and 6000 of client 0004.
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 1000, 7000));
    all.addAll(FakeVoipNow.numbers("0004*", 1000, 7000));
    FakeVoipNow fake = serve(all);

    List<String> listed = extensionsOf(client().list());

    assertThat(listed).hasSize(12000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls()).containsExactly("5000 0", "5000 5000", "2000 0");
    assertThat(listed.subList(0, 6000)).allMatch(e -> e.startsWith("0003*"));
    assertThat(listed.subList(10000, 12000)).allMatch(e -> e.startsWith("0004*"));
  }

  @Test
  void nestedPartsAreReadFromBothEndsAtTheFloorWithNoQueryAskedTwice() {
    // Like the benchmark's million extensions, scaled to a window of 10 + 10: 300 extensions
    // 0003*000 to 0003*299.
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(String.format(java.util.Locale.ROOT, "0003*%03d", i));
    }
    FakeVoipNow fake = serve(all).refusingAbove(10, 10);

    List<String> listed = extensionsOf(client(b -> b.maxCount(10).maxStartIndex(10)).list());

    assertThat(listed).hasSize(300).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.urls()).doesNotHaveDuplicates();
    assertThat(fake.calls())
        .startsWith("10 0", "10 10", "10 0", "10 10")
        // ⌈300/10⌉: every request delivers ten entries.
        .hasSize(30);
  }

  @Test
  void descendingListingsStayInDescendingOrderPastTheWindow() {
    List<String> all = FakeVoipNow.numbers("0003*", 1000, 13000);
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(
            client().list(ListPresenceRequest.builder().sortOrder(SortOrder.DESCENDING).build()));

    assertThat(listed)
        .hasSize(12000)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(fake.calls().subList(0, 2)).containsExactly("5000 0", "5000 5000");
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

    assertThat(listed).hasSize(12000).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(fake.calls())
        .startsWith("5000 0", "5000 5000")
        .anyMatch(c -> c.contains(" starts with 0003*"));
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
  void callersStartsWithFilterIsReadPastTheWindowWithinItsPrefix() {
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*", 1000, 13000));
    all.addAll(FakeVoipNow.numbers("0004*", 1000, 1100));
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(
            client()
                .list(ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0003*").build()));

    assertThat(listed).hasSize(12000).doesNotHaveDuplicates().allMatch(e -> e.startsWith("0003*"));
    assertThat(fake.calls())
        .containsExactly(
            "5000 0 startsWith 0003*", "5000 5000 startsWith 0003*", "2000 0 startsWith 0003*");
  }

  @Test
  void partitionsThatDoNotAddUpEndTheListingWithTheNumberOfUnreachedEntries() {
    // Sorted ascending at a window of 10 + 10: 0003*X1 sorts after 0003*029 but holds a
    // character no prefix part can ask for.
    List<String> all = new ArrayList<>(FakeVoipNow.numbers("0003*0", 10, 30));
    all.addAll(FakeVoipNow.numbers("0003*0", 0, 10));
    all.add("0003*X1");
    FakeVoipNow fake = serve(all).refusingAbove(10, 10);
    List<String> delivered = new ArrayList<>();

    RuntimeException failure =
        drainUntilFailure(
            client(b -> b.maxCount(10).maxStartIndex(10))
                .list(ListPresenceRequest.builder().sortOrder(SortOrder.ASCENDING).build()),
            delivered);

    assertThat(failure).isInstanceOf(ListingWindowExceededException.class);
    ListingWindowExceededException e = (ListingWindowExceededException) failure;
    assertThat(e.totalResults()).isEqualTo(31);
    assertThat(e.unreachableEntries()).isEqualTo(1);
    assertThat(e.getMessage())
        .contains("1 entries could not be reached")
        .contains("other characters than digits and '*'")
        .doesNotContain("..");
    assertThat(delivered).hasSize(30).doesNotContain("0003*X1").isSorted();
    assertThat(fake.calls()).startsWith("10 0", "10 10");
    assertThat(fake.urls()).doesNotHaveDuplicates();
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
    // Sorted by the caller, the listing reads in one direction: the page from 6000 is asked from
    // 5000 and its first 1000 entries skipped.
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 17000);
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(
            client()
                .list(
                    ListPresenceRequest.builder()
                        .count(3000)
                        .sortOrder(SortOrder.ASCENDING)
                        .build()));

    assertThat(listed).isEqualTo(all);
    assertThat(fake.calls()).containsExactly("3000 0", "3000 3000", "3000 5000");
  }

  @Test
  void withoutASortOrderTheEntriesPastTheWindowComeFromTheOtherEnd() {
    List<String> all = FakeVoipNow.numbers("0003*", 10000, 17000);
    FakeVoipNow fake = serve(all);

    List<String> listed =
        extensionsOf(client().list(ListPresenceRequest.builder().count(3000).build()));

    assertThat(listed).hasSize(7000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fake.calls()).containsExactly("3000 0", "3000 3000", "1000 0");
    List<String> lastThousandDescending = new ArrayList<>(all.subList(6000, 7000));
    lastThousandDescending.sort(Comparator.reverseOrder());
    assertThat(listed.subList(6000, 7000)).isEqualTo(lastThousandDescending);
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
  void pagesPastTheWindowAreFetchedOnlyWhenTheIterationReachesThem() {
    serve(FakeVoipNow.numbers("0003*", 1000, 13000));
    Iterator<ExtensionPresence> it = client().list().iterator();

    assertThat(it.next().extension()).isEqualTo("0003*1000");
    assertThat(server.getRequestCount()).isEqualTo(1);
    for (int i = 1; i < 10000; i++) {
      it.next();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    // The 2000 past the window come from the other end, largest first.
    assertThat(it.next().extension()).isEqualTo("0003*9999");
    assertThat(server.getRequestCount()).isEqualTo(3);
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
