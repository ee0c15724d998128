package io.github.presencesdk.voipnow;

/**
 * The exceptions that end a presence listing early, with messages that say what happened, how many
 * entries were not delivered, and what to do about it. Messages are sentences joined by single
 * spaces, each ending in one period. Stateless apart from the listing's bounds; thread-safe.
 */
final class ListingMessages {
  private final PresenceApi api;
  private final int count;
  private final int maxStartIndex;
  private final int reach;

  ListingMessages(PresenceApi api, int count, int maxStartIndex) {
    this.api = api;
    this.count = count;
    this.maxStartIndex = maxStartIndex;
    this.reach = maxStartIndex + count;
  }

  private String listing(ListPresenceRequest query) {
    return "The " + api.vendor() + " presence listing " + api.describe(query);
  }

  /** Advice for a query that holds more than one query can page through; none for smaller ones. */
  private String narrow(int total) {
    if (total <= reach) {
      return "";
    }
    return " Narrow the query to at most "
        + reach
        + " entries: filter by extension (such as startsWith a longer prefix), ask for one"
        + " extension, or list the extensions of one user.";
  }

  private static String whyNotSplit(ListPresenceRequest query) {
    if (query.startIndex() > 0) {
      return " The listing splits itself by extension prefix only from startIndex 0.";
    }
    if (query.hasFilter()
        && query.filterOp().orElseThrow() != ListPresenceRequest.FilterOp.STARTS_WITH) {
      return " The listing splits itself by extension prefix only without a filter or with a"
          + " startsWith filter.";
    }
    return "";
  }

  /** A query that cannot be split holds more entries than the window reaches. */
  ListingWindowExceededException beyondWindow(ListPresenceRequest query, int total) {
    int unreachable = total - reach;
    return new ListingWindowExceededException(
        listing(query)
            + " holds "
            + total
            + " entries, but VoipNow refuses a startIndex above "
            + maxStartIndex
            + ", so with count "
            + count
            + " only the first "
            + reach
            + " can be read: "
            + unreachable
            + " entries could not be reached."
            + whyNotSplit(query)
            + narrow(total),
        query,
        total,
        unreachable);
  }

  /**
   * A page inside the total came back without entries.
   *
   * @param total the largest total a page of the query reported
   * @param missing the entries of the query not delivered
   */
  ListingWindowExceededException noEntriesAt(
      ListPresenceRequest query, PageBody body, int index, int total, int missing) {
    String answer =
        body.status() == 204
            ? " answered 204 No Content from index "
            : " returned no entries from index ";
    String announcer =
        body.totalResults() >= total
            ? " although it reported "
            : " although an earlier page reported ";
    String cause =
        " If the extensions changed during the listing, list again; if this server serves fewer"
            + " start indexes than the client's maxStartIndex ("
            + maxStartIndex
            + "), lower maxStartIndex on the client builder.";
    return new ListingWindowExceededException(
        listing(query)
            + answer
            + index
            + announcer
            + total
            + ": "
            + missing
            + " entries could not be reached."
            + cause
            + narrow(total),
        query,
        total,
        missing);
  }

  /** The parts of a split listing, all read, hold fewer entries than the whole. */
  ListingWindowExceededException partsMissing(ListPresenceRequest query, int total, int missing) {
    return new ListingWindowExceededException(
        listing(query)
            + " holds more entries than startIndex can reach, so it was read in parts by extension"
            + " prefix, but "
            + missing
            + " entries could not be reached: they are in none of the parts (extensions whose"
            + " numbers hold other characters than digits and '*', or extensions that changed"
            + " during the listing)."
            + narrow(total),
        query,
        total,
        missing);
  }

  /**
   * The answers contradict each other: totals that do not add up, or entries out of the order asked
   * for.
   */
  ListingWindowExceededException inconsistent(
      ListPresenceRequest query, int total, int missing, String what) {
    return new ListingWindowExceededException(
        listing(query)
            + " was read sorted by extension to reach past the startIndex window, but "
            + what
            + ": the extensions changed during the listing, or the server does not sort by the"
            + " extension number as text, so entries may be missing or repeated. List again, or"
            + " narrow the query to at most "
            + reach
            + " entries, which are read without parts.",
        query,
        total,
        missing);
  }
}
