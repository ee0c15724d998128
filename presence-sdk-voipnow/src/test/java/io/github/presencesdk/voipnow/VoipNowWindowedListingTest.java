package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.Page;
import io.github.presencesdk.RetryPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listings larger than the startIndex window: how many requests they take against the floor of
 * ⌈n/page⌉, that every entry arrives exactly once, and that the first entry arrives after the first
 * request.
 */
final class VoipNowWindowedListingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client;

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

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

  /** What a listing delivered, page by page, and how many requests each page took. */
  private record Outcome(List<String> extensions, int pages, int firstPageRequests) {}

  private Outcome list(ListPresenceRequest request, int requestsBefore) {
    List<String> extensions = new ArrayList<>();
    int pages = 0;
    int firstPageRequests = -1;
    for (Page<ExtensionPresence> page : client.list(request).pages()) {
      if (firstPageRequests < 0) {
        firstPageRequests = server.getRequestCount() - requestsBefore;
      }
      if (!page.items().isEmpty()) {
        pages++;
      }
      for (ExtensionPresence entry : page.items()) {
        extensions.add(entry.extension());
      }
    }
    return new Outcome(extensions, pages, firstPageRequests);
  }

  private static void assertEveryEntryExactlyOnce(List<String> listed, int n) {
    assertThat(listed).hasSize(n);
    Set<String> distinct = new HashSet<>(listed);
    assertThat(distinct).hasSize(n);
    // The n distinct extensions delivered are the n the server holds.
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!distinct.contains(NumberedVoipNow.extension(i))) {
        missing.add(NumberedVoipNow.extension(i));
      }
    }
    assertThat(missing).isEmpty();
  }

  private static int floor(int n, int page) {
    return (n + page - 1) / page;
  }

  private static void assertEveryRequestIsAListingRead(List<NumberedVoipNow.Call> calls) {
    for (NumberedVoipNow.Call call : calls) {
      HttpUrl url = call.url();
      assertThat(url.encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
      assertThat(Integer.parseInt(url.queryParameter("startIndex"))).isBetween(0, 5000);
      assertThat(Integer.parseInt(url.queryParameter("count"))).isBetween(1, 5000);
      assertThat(url.queryParameter("sortOrder")).isIn("asc", "desc");
    }
  }

  @Test
  void twelveThousandEntriesAtPageFiveThousandTakeTheFloorOfThreeRequests() throws Exception {
    NumberedVoipNow fake = new NumberedVoipNow(12_000, 5000, 5000);
    server.setDispatcher(fake);
    client(b -> b);

    Outcome outcome = list(ListPresenceRequest.builder().build(), 0);

    assertEveryEntryExactlyOnce(outcome.extensions(), 12_000);
    assertThat(outcome.firstPageRequests()).isEqualTo(1);
    assertThat(outcome.pages()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3).isEqualTo(floor(12_000, 5000));
    // Ascending up to the window, then the rest from the other end, no more than it needs.
    assertThat(fake.calls())
        .extracting(call -> call.url().query())
        .containsExactly(
            "count=5000&startIndex=0&sortOrder=asc",
            "count=5000&startIndex=5000&sortOrder=asc",
            "count=2000&startIndex=0&sortOrder=desc");
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    assertEveryRequestIsAListingRead(fake.calls());
  }

  @Test
  void twentyThreeThousandEntriesTakeTheFloorOfFiveRequests() {
    NumberedVoipNow fake = new NumberedVoipNow(23_000, 5000, 5000);
    server.setDispatcher(fake);
    client(b -> b);

    Outcome outcome = list(ListPresenceRequest.builder().build(), 0);

    assertEveryEntryExactlyOnce(outcome.extensions(), 23_000);
    assertThat(outcome.firstPageRequests()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(floor(23_000, 5000));
    assertThat(fake.calls())
        .extracting(call -> call.url().query())
        .containsExactly(
            "count=5000&startIndex=0&sortOrder=asc",
            "count=5000&startIndex=5000&sortOrder=asc",
            "count=5000&startIndex=0&sortOrder=desc",
            "count=5000&startIndex=5000&sortOrder=desc",
            // The 3,000 between the two ends: 0003*010000 to 0003*012999.
            "count=3000&startIndex=0&filterBy=extension&filterOp=startsWith"
                + "&filterValue=0003*01&sortOrder=asc");
    assertThat(fake.calls()).allMatch(call -> call.served() > 0);
    assertEveryRequestIsAListingRead(fake.calls());
  }

  @Test
  void aMillionEntriesTakeTheFloorOfTwoHundredRequests() {
    NumberedVoipNow fake = new NumberedVoipNow(1_000_000, 5000, 5000);
    server.setDispatcher(fake);
    client(b -> b);

    Outcome outcome = list(ListPresenceRequest.builder().fields("extension").build(), 0);

    assertEveryEntryExactlyOnce(outcome.extensions(), 1_000_000);
    assertThat(outcome.firstPageRequests()).isEqualTo(1);
    int requests = server.getRequestCount();
    assertThat(requests).isLessThanOrEqualTo(floor(1_000_000, 5000) * 11 / 10).isEqualTo(200);
    long empty = fake.calls().stream().filter(call -> call.served() == 0).count();
    assertThat(empty).isLessThanOrEqualTo(1);
    assertThat(fake.calls().get(0).url().query())
        .isEqualTo("count=5000&startIndex=0&sortOrder=asc&fields=extension");
    assertEveryRequestIsAListingRead(fake.calls());
    assertThat(fake.calls())
        .allMatch(call -> "extension".equals(call.url().queryParameter("fields")));
  }

  @Test
  void theDemosTwelveThousandExtensionsAtPageTwoThousandTakeTheFloorOfSixRequests() {
    // The demo world: 24 organizations of 500 extensions, 0001*100 to 0024*599.
    List<String> all = new ArrayList<>();
    for (int organization = 1; organization <= 24; organization++) {
      for (int number = 100; number < 600; number++) {
        all.add(String.format(Locale.ROOT, "%04d*%d", organization, number));
      }
    }
    FakeVoipNow fake = new FakeVoipNow(all);
    server.setDispatcher(fake);
    client(b -> b);

    Outcome outcome = list(ListPresenceRequest.builder().count(2000).build(), 0);

    assertThat(outcome.extensions()).hasSize(12_000).containsExactlyInAnyOrderElementsOf(all);
    assertThat(outcome.firstPageRequests()).isEqualTo(1);
    assertThat(outcome.pages()).isEqualTo(6);
    assertThat(fake.calls())
        .containsExactly("2000 0", "2000 2000", "2000 4000", "2000 0", "2000 2000", "2000 4000");
    assertThat(fake.urls())
        .extracting(url -> url.queryParameter("sortOrder"))
        .containsExactly("asc", "asc", "asc", "desc", "desc", "desc");
  }
}
