package io.github.presencesdk.voipnow;

import java.util.List;

/**
 * One decoded response of the presence listing.
 *
 * @param status the HTTP status (200, or 204 for an empty result)
 * @param startIndex the index of the first entry, as the server reported it (or as requested when
 *     it did not)
 * @param totalResults the number of entries the query holds
 * @param itemsPerPage the page size the server reported
 * @param filtered whether the server applied a filter
 * @param sorted whether the server sorted the entries
 * @param entries the entries of this page
 */
record PageBody(
    int status,
    int startIndex,
    int totalResults,
    int itemsPerPage,
    boolean filtered,
    boolean sorted,
    List<ExtensionPresence> entries) {

  /** A startIndex the server did not send. */
  static final int ABSENT = -1;

  PageBody {
    entries = List.copyOf(entries);
  }

  /** The answer 204 No Content: no entries at all. */
  static PageBody noContent(int status, int requestedStartIndex) {
    return new PageBody(status, requestedStartIndex, 0, 0, false, false, List.of());
  }

  /** This page with the requested start index if the server sent none. */
  PageBody withStartIndexDefault(int requestedStartIndex) {
    return startIndex != ABSENT
        ? this
        : new PageBody(
            status, requestedStartIndex, totalResults, itemsPerPage, filtered, sorted, entries);
  }

  /** The index after the last entry of this page. */
  int endIndex() {
    return startIndex + entries.size();
  }
}
