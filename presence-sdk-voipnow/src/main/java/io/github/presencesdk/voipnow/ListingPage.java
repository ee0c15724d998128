package io.github.presencesdk.voipnow;

import io.github.presencesdk.Page;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/** One page of the auto-paging listing. Immutable. */
final class ListingPage implements Page<ExtensionPresence> {
  private final PresenceListing listing;
  private final List<ExtensionPresence> items;
  private final PresenceListing.State next;

  ListingPage(PresenceListing listing, List<ExtensionPresence> items, PresenceListing.State next) {
    this.listing = listing;
    this.items = List.copyOf(items);
    this.next = next;
  }

  @Override
  public List<ExtensionPresence> items() {
    return items;
  }

  @Override
  public boolean hasNextPage() {
    return !next.done();
  }

  @Override
  public Page<ExtensionPresence> nextPage() {
    if (next.done()) {
      throw new NoSuchElementException("the listing has no more pages");
    }
    return listing.page(next);
  }

  @Override
  public CompletableFuture<Page<ExtensionPresence>> nextPageAsync() {
    if (next.done()) {
      return CompletableFuture.failedFuture(
          new NoSuchElementException("the listing has no more pages"));
    }
    return listing.async(() -> listing.page(next));
  }

  @Override
  public String toString() {
    return "ListingPage{items=" + items.size() + ", hasNextPage=" + hasNextPage() + '}';
  }
}
