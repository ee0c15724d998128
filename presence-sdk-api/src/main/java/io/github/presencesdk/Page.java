package io.github.presencesdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a paged listing. A page knows how to fetch the next one with the same query, so that
 * filters, sorting and field selection carry over to every page.
 *
 * @param <T> the item type
 */
public interface Page<T> {

  /** The items of this page, in the vendor's order. */
  List<T> items();

  /** Returns true if the vendor has more items after this page. */
  boolean hasNextPage();

  /**
   * Fetches the next page.
   *
   * @throws java.util.NoSuchElementException if there is no next page
   * @throws PresenceException if the request fails
   */
  Page<T> nextPage();

  /**
   * Fetches the next page without blocking; the future fails as {@link #nextPage()} would throw.
   */
  CompletableFuture<Page<T>> nextPageAsync();
}
