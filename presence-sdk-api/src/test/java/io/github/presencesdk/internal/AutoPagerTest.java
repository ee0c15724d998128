package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AutoPager;
import io.github.presencesdk.Page;
import io.github.presencesdk.ServerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives {@link AutoPager} through real HTTP with a minimal cursor-style page. */
final class AutoPagerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private HttpCore core;

  @BeforeEach
  void setUp() {
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-t")
            .retryPolicy(io.github.presencesdk.RetryPolicy.none())
            .buildCore();
  }

  @AfterEach
  void tearDown() {
    core.close();
  }

  /** A page of comma-separated items; the body "a,b|next" says another page follows. */
  private final class TextPage implements Page<String> {
    private final String filter;
    private final int index;
    private final List<String> items;
    private final boolean more;

    TextPage(String filter, int index, String body) {
      this.filter = filter;
      this.index = index;
      String[] parts = body.split("\\|", -1);
      this.items = parts[0].isEmpty() ? List.of() : List.of(parts[0].split(","));
      this.more = parts.length > 1;
    }

    @Override
    public List<String> items() {
      return items;
    }

    @Override
    public boolean hasNextPage() {
      return more;
    }

    @Override
    public Page<String> nextPage() {
      if (!more) {
        throw new NoSuchElementException();
      }
      return fetch(filter, index + 1);
    }

    @Override
    public CompletableFuture<Page<String>> nextPageAsync() {
      return core.async(this::nextPage);
    }
  }

  private TextPage fetch(String filter, int index) {
    HttpUrl url =
        server
            .url("/items")
            .newBuilder()
            .addQueryParameter("filter", filter)
            .addQueryParameter("page", Integer.toString(index))
            .build();
    return core.execute(
        ApiRequest.get(url), (status, body) -> new TextPage(filter, index, body.readUtf8()));
  }

  private AutoPager<String> pager(String filter) {
    return AutoPager.of(() -> fetch(filter, 0), () -> core.async(() -> fetch(filter, 0)));
  }

  private static MockResponse body(String text) {
    return new MockResponse.Builder().body(text).build();
  }

  @Test
  void fetchesNothingUntilIterated() {
    pager("x");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fetchesTheNextPageOnlyWhenTheCurrentOneIsConsumed() throws Exception {
    server.enqueue(body("a,b|next"));
    server.enqueue(body("c|next"));
    server.enqueue(body("d"));

    Iterator<String> items = pager("q").iterator();
    assertThat(items.next()).isEqualTo("a");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(items.next()).isEqualTo("b");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(items.next()).isEqualTo("c");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(items.next()).isEqualTo("d");
    assertThat(items.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(3);

    // The query of the first request is carried to every page.
    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getUrl().queryParameter("filter")).isEqualTo("q");
      assertThat(request.getUrl().queryParameter("page")).isEqualTo(Integer.toString(i));
    }
  }

  @Test
  void skipsEmptyPagesInTheMiddle() {
    server.enqueue(body("a|next"));
    server.enqueue(body("|next"));
    server.enqueue(body("b"));

    assertThat(pager("q").stream().collect(Collectors.toList())).containsExactly("a", "b");
  }

  @Test
  void streamIsLazy() {
    server.enqueue(body("a,b|next"));
    server.enqueue(body("c"));

    assertThat(pager("q").stream().limit(2).collect(Collectors.toList())).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesAreExposedOneByOne() {
    server.enqueue(body("a,b|next"));
    server.enqueue(body("c"));

    List<Integer> sizes = new ArrayList<>();
    for (Page<String> page : pager("q").pages()) {
      sizes.add(page.items().size());
    }

    assertThat(sizes).containsExactly(2, 1);
  }

  @Test
  void asyncFormVisitsEveryItemInOrder() throws Exception {
    server.enqueue(body("a,b|next"));
    server.enqueue(body("c|next"));
    server.enqueue(body("d"));

    assertThat(pager("q").toListAsync().get()).containsExactly("a", "b", "c", "d");
  }

  /** Page {@code index} of {@code count}, one item each, whose next page is already complete. */
  private record CompletedPage(int index, int count) implements Page<Integer> {
    @Override
    public List<Integer> items() {
      return List.of(index);
    }

    @Override
    public boolean hasNextPage() {
      return index + 1 < count;
    }

    @Override
    public Page<Integer> nextPage() {
      return new CompletedPage(index + 1, count);
    }

    @Override
    public CompletableFuture<Page<Integer>> nextPageAsync() {
      return CompletableFuture.completedFuture(nextPage());
    }
  }

  @Test
  void asyncFormWalksThousandsOfAlreadyCompletedPagesWithoutOverflowingTheStack() throws Exception {
    int count = 5_000;
    AutoPager<Integer> pager =
        AutoPager.of(
            () -> new CompletedPage(0, count),
            () -> CompletableFuture.completedFuture(new CompletedPage(0, count)));

    List<Integer> items = pager.toListAsync().get();

    assertThat(items).hasSize(count).startsWith(0, 1, 2).endsWith(count - 2, count - 1);
  }

  @Test
  void asyncFormFailsWithTheErrorOfAPageOrOfTheAction() {
    AutoPager<Integer> failingPage =
        AutoPager.of(
            () -> new CompletedPage(0, 3),
            () -> CompletableFuture.failedFuture(new IllegalStateException("page broke")));
    assertThatThrownBy(() -> failingPage.forEachAsync(i -> {}).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("page broke");

    AutoPager<Integer> pager =
        AutoPager.of(
            () -> new CompletedPage(0, 3),
            () -> CompletableFuture.completedFuture(new CompletedPage(0, 3)));
    List<Integer> seen = new ArrayList<>();
    CompletableFuture<Void> done =
        pager.forEachAsync(
            i -> {
              if (i == 1) {
                throw new IllegalArgumentException("action broke");
              }
              seen.add(i);
            });
    assertThatThrownBy(done::get).cause().hasMessage("action broke");
    assertThat(seen).containsExactly(0);
  }

  @Test
  void asyncFormWaitsForPagesStillBeingFetched() throws Exception {
    server.enqueue(body("a|next"));
    server.enqueue(body("b|next"));
    server.enqueue(body("c"));

    List<String> items = new ArrayList<>();
    pager("q").forEachAsync(items::add).get();

    assertThat(items).containsExactly("a", "b", "c");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aFailingPageEndsTheIterationWithTheVendorError() {
    server.enqueue(body("a|next"));
    server.enqueue(new MockResponse.Builder().code(500).body("{\"message\":\"down\"}").build());

    Iterator<String> items = pager("q").iterator();
    assertThat(items.next()).isEqualTo("a");
    assertThatThrownBy(items::hasNext).isInstanceOf(ServerException.class);
  }
}
