package io.github.presencesdk.voipnow;

import io.github.presencesdk.Page;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a presence listing as VoipNow sent it, for callers who page by hand: the entries and
 * the envelope ({@code startIndex}, {@code totalResults}, {@code itemsPerPage}, {@code filtered},
 * {@code sorted}).
 *
 * <p>{@link #nextPage()} asks for the entries after this page with the same query. It cannot go
 * past the client's {@code maxStartIndex}; {@link VoipNowClient#list(ListPresenceRequest)} reads
 * further, sorted, by extension prefix. A {@code 204 No Content} answer is a page without entries
 * whose envelope numbers are all 0 (its {@code startIndex} is the one requested).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ExtensionPresencePage implements Page<ExtensionPresence> {
  private final PresenceApi api;
  private final ListPresenceRequest request;
  private final PageBody body;

  ExtensionPresencePage(PresenceApi api, ListPresenceRequest request, PageBody body) {
    this.api = api;
    this.request = request;
    this.body = body;
  }

  /** The request this page answers, with the page size made explicit. */
  public ListPresenceRequest request() {
    return request;
  }

  /** The index of the first entry of this page, as VoipNow reported it. */
  public int startIndex() {
    return body.startIndex();
  }

  /** The number of entries the query holds in all pages. */
  public int totalResults() {
    return body.totalResults();
  }

  /** The page size VoipNow reported. */
  public int itemsPerPage() {
    return body.itemsPerPage();
  }

  /** Whether VoipNow applied a filter. */
  public boolean filtered() {
    return body.filtered();
  }

  /** Whether VoipNow sorted the entries. */
  public boolean sorted() {
    return body.sorted();
  }

  /** The HTTP status of the answer: 200, or 204 when there were no entries. */
  public int httpStatus() {
    return body.status();
  }

  /** The entries of this page, in VoipNow's order. */
  public List<ExtensionPresence> entries() {
    return body.entries();
  }

  /** The same as {@link #entries()}. */
  @Override
  public List<ExtensionPresence> items() {
    return body.entries();
  }

  /** The index the next page starts at: this page's start plus its entries. */
  public int nextStartIndex() {
    return body.endIndex();
  }

  /** Returns true if entries follow this page ({@link #nextStartIndex()} below the total). */
  @Override
  public boolean hasNextPage() {
    return !body.entries().isEmpty() && body.endIndex() < body.totalResults();
  }

  /**
   * Fetches the next page.
   *
   * @throws NoSuchElementException if there is none
   * @throws ListingWindowExceededException if it starts past the client's {@code maxStartIndex}
   */
  @Override
  public ExtensionPresencePage nextPage() {
    ListPresenceRequest next = nextRequest();
    return new ExtensionPresencePage(api, next, api.fetch(next, next.startIndex()));
  }

  /** Like {@link #nextPage()} without blocking; the future fails as {@link #nextPage()} throws. */
  @Override
  public CompletableFuture<Page<ExtensionPresence>> nextPageAsync() {
    ListPresenceRequest next;
    try {
      next = nextRequest();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return api.<Page<ExtensionPresence>>async(
        () -> new ExtensionPresencePage(api, next, api.fetch(next, next.startIndex())));
  }

  private ListPresenceRequest nextRequest() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("the listing has no entries after index " + startIndex());
    }
    int next = body.endIndex();
    if (next > api.maxStartIndex()) {
      int unreachable = body.totalResults() - next;
      throw new ListingWindowExceededException(
          "The next page of the "
              + api.vendor()
              + " presence listing "
              + api.describe(request)
              + " starts at index "
              + next
              + ", but VoipNow refuses a startIndex above "
              + api.maxStartIndex()
              + ": "
              + unreachable
              + " entries cannot be reached by paging. Use VoipNowClient.list(...), which reads"
              + " large listings sorted, by extension prefix, or narrow the query with a filter on the"
              + " extension, one extension, or one user.",
          request,
          body.totalResults(),
          unreachable);
    }
    return request.newBuilder().startIndex(next).build();
  }

  @Override
  public String toString() {
    return "ExtensionPresencePage{startIndex="
        + body.startIndex()
        + ", totalResults="
        + body.totalResults()
        + ", itemsPerPage="
        + body.itemsPerPage()
        + ", filtered="
        + body.filtered()
        + ", sorted="
        + body.sorted()
        + ", entries="
        + body.entries().size()
        + '}';
  }
}
