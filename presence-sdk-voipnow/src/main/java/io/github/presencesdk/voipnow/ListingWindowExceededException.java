package io.github.presencesdk.voipnow;

import io.github.presencesdk.PresenceException;

/**
 * A presence listing holds entries that cannot be reached: VoipNow refuses a {@code startIndex}
 * above 5000 (the client's {@code maxStartIndex}), so plain paging reads at most {@code
 * maxStartIndex + count} entries of one query, and the listing could not read the rest another way.
 *
 * <p>A listing without a filter, or with a {@code startsWith} filter, from {@code startIndex} 0,
 * reads past that window sorted by extension, by prefix. This exception ends a listing whose query
 * does not allow that, whose parts did not add up to the whole, whose answers contradicted each
 * other (entries out of the order asked for, totals that changed), or whose page inside the total
 * VoipNow reported came back without entries (a {@code 204 No Content} or an empty page after a
 * page that announced more; only the first page of a query may be empty). The entries before it
 * have been delivered; the message says how many could not be reached and what to do: list again,
 * or, for a query larger than the window, narrow it with a filter on the extension, a specific
 * extension, or a single user.
 */
public final class ListingWindowExceededException extends PresenceException {
  private static final long serialVersionUID = 1L;

  private final transient ListPresenceRequest query;
  private final int totalResults;
  private final int unreachableEntries;

  ListingWindowExceededException(
      String message, ListPresenceRequest query, int totalResults, int unreachableEntries) {
    super(message);
    this.query = query;
    this.totalResults = totalResults;
    this.unreachableEntries = unreachableEntries;
  }

  /** The query that could not be read completely (a partition of the listing, or the listing). */
  public ListPresenceRequest query() {
    return query;
  }

  /** The number of entries VoipNow reported for {@link #query()}. */
  public int totalResults() {
    return totalResults;
  }

  /** The number of entries of {@link #query()} that were not delivered. */
  public int unreachableEntries() {
    return unreachableEntries;
  }
}
