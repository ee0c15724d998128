package io.github.presencesdk.voipnow;

import io.github.presencesdk.Page;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListPresenceRequest.SortOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The auto-paging presence listing of one query.
 *
 * <p>A query is read in pages of {@code count} entries, each from the {@code startIndex} after the
 * previous response ({@code startIndex} plus the entries it held), until {@code totalResults}. As
 * VoipNow refuses a {@code startIndex} above {@code maxStartIndex}, one query can deliver at most
 * {@code maxStartIndex + count} entries (the last page is asked from {@code maxStartIndex} and its
 * first entries skipped when the page size does not divide the window). Only the first page of a
 * query may be empty: a later page that answers 204 (whose body reports a total of 0) or holds no
 * entries, while an earlier page announced more, ends the listing with a {@link
 * ListingWindowExceededException} rather than quietly.
 *
 * <p>A query that holds more is split by extension prefix, if it has no filter or a {@code
 * startsWith} filter and starts at index 0: prefix {@code p} becomes {@code equals p} (when {@code
 * p} is an extended number), {@code startsWith p*} (when {@code p} holds no {@code *} yet) and
 * {@code startsWith p0} to {@code p9}, in ascending order (descending for {@link
 * SortOrder#DESCENDING}). Parts that are still too large are split again. The totals of the parts
 * must add up to the total of what they split, or the listing ends with a {@link
 * ListingWindowExceededException}; once they do, the remaining parts are skipped, as they must be
 * empty.
 *
 * <p>Before splitting {@code p} into its parts, the listing tries the longest prefix that all
 * entries of the first page share (the extensions of one user usually share one, such as {@code
 * 0003*}): if {@code startsWith} that prefix holds as many entries as {@code p}, it stands for
 * {@code p}, which saves a level of mostly empty requests per shared character. If it holds fewer,
 * the prefix one character shorter is tried, down to {@code p}; a prefix that failed (or a longer
 * one) is not tried again for the same entries.
 *
 * <p>A probe that fails asks for a query that the next steps ask for again, unchanged (the part
 * {@code startsWith p0} of {@code p} is the probe that failed just before {@code p} was tried, and
 * the probe of a part's first page is the failed probe one level up). The listing keeps the pages
 * of its last {@value #KEPT_PROBES} failed probes and answers such a repeated query from them
 * instead of the server: a listing of extensions that share a prefix then makes no request twice.
 *
 * <p>Everything is lazy: each step fetches one page. States are immutable, so a page can fetch its
 * successor again after a failure. A listing may be read from several threads (its async forms do).
 */
final class PresenceListing {
  /** Prefixes longer than this are not split further; real extended numbers are far shorter. */
  static final int MAX_PREFIX_LENGTH = 32;

  /**
   * How many pages of failed probes are kept for reuse: two covers the common numbering, in which a
   * failed probe is asked for again either right after the next one or one level further down.
   */
  static final int KEPT_PROBES = 2;

  private final PresenceApi api;
  private final ListPresenceRequest root;
  private final int count;
  private final int maxStartIndex;
  private final int reach;

  /** The pages of the last failed probes, most recent last; guarded by itself. */
  private final ArrayDeque<ProbePage> failedProbes = new ArrayDeque<>(KEPT_PROBES + 1);

  /** The page a probe fetched: the query, the start index it was asked from, and the answer. */
  private record ProbePage(ListPresenceRequest request, int startIndex, PageBody body) {}

  /** A query of the listing and, if it may be split, the extension prefix it covers. */
  private record Segment(ListPresenceRequest request, @Nullable String prefix, boolean jump) {}

  /**
   * A query whose total exceeded the window, read through its parts. The root frame has no query
   * and no total (-1): it only holds the listing's own query.
   */
  private record Frame(
      @Nullable Frame parent,
      @Nullable Segment segment,
      int total,
      int accounted,
      List<Segment> remaining,
      @Nullable String failedJump) {

    boolean checked() {
      return total >= 0;
    }

    Frame next(int addedTotal) {
      return new Frame(
          parent,
          segment,
          total,
          accounted + addedTotal,
          remaining.subList(1, remaining.size()),
          failedJump);
    }

    Frame replaceRemaining(List<Segment> parts, String failed) {
      return new Frame(parent, segment, total, accounted, parts, failed);
    }
  }

  /** A query being paged: the next index to deliver and the total last reported. */
  private record Scan(Segment segment, int next, int total) {}

  /** Where the listing stands; both null when it is done. */
  record State(@Nullable Scan scan, @Nullable Frame frame) {
    boolean done() {
      return scan == null && frame == null;
    }
  }

  private static final State DONE = new State(null, null);

  /** The known total of a query whose first page has not been read yet. */
  private static final int NO_TOTAL = -1;

  PresenceListing(PresenceApi api, ListPresenceRequest effectiveRequest) {
    this.api = api;
    this.root = effectiveRequest;
    this.count = PresenceApi.count(effectiveRequest);
    this.maxStartIndex = api.maxStartIndex();
    this.reach = maxStartIndex + count;
  }

  /** Fetches the first page. */
  ListingPage firstPage() {
    return page(initialState());
  }

  private State initialState() {
    String prefix = null;
    if (root.startIndex() == 0) {
      if (!root.hasFilter()) {
        prefix = "";
      } else if (root.filterOp().orElseThrow() == FilterOp.STARTS_WITH) {
        prefix = root.filterValue().orElseThrow();
      }
    }
    Segment segment = new Segment(root, prefix, false);
    return new State(null, new Frame(null, null, -1, 0, List.of(segment), null));
  }

  /**
   * Fetches from {@code state} until some entries arrive or the listing ends.
   *
   * @throws ListingWindowExceededException if entries cannot be reached
   */
  ListingPage page(State state) {
    Scan scan = state.scan();
    Frame frame = state.frame();
    while (true) {
      if (scan != null) {
        if (scan.next() < Math.min(scan.total(), reach)) {
          PageBody body = fetch(scan.segment(), scan.next());
          Scan after = advance(scan.segment(), scan.next(), scan.total(), body);
          List<ExtensionPresence> items = itemsFrom(scan.next(), body);
          if (!items.isEmpty()) {
            return new ListingPage(this, items, settle(after, frame));
          }
          scan = after;
          continue;
        }
        if (scan.total() > reach) {
          throw beyondWindow(scan.segment(), scan.total());
        }
        scan = null;
        continue;
      }
      if (frame == null) {
        return new ListingPage(this, List.of(), DONE);
      }
      if (frame.checked()
          && (frame.accounted() > frame.total()
              || (frame.remaining().isEmpty() && frame.accounted() < frame.total()))) {
        throw partsDoNotAddUp(frame);
      }
      if (frame.remaining().isEmpty() || (frame.checked() && frame.accounted() == frame.total())) {
        // The parts account for every entry: any parts left must be empty.
        frame = frame.parent();
        continue;
      }
      Segment part = frame.remaining().get(0);
      int start = part.request().startIndex();
      PageBody body = fetchPart(part, start);
      int total = body.totalResults();
      if (part.jump() && total != frame.total()) {
        keepFailedProbe(part, start, body);
        // Not every entry shares the prefix the first page shared: try one character less, and
        // split level by level once no shorter candidate is left.
        String prefix = requirePrefix(requireSegment(frame));
        String failed = requirePrefix(part);
        String shorter = failed.substring(0, failed.length() - 1);
        List<Segment> next =
            shorter.length() > prefix.length()
                ? List.of(new Segment(startsWith(shorter), shorter, true))
                : parts(prefix);
        frame = frame.replaceRemaining(next, failed);
        continue;
      }
      frame = frame.next(total);
      String prefix = part.prefix();
      if (total > reach && prefix != null && prefix.length() < MAX_PREFIX_LENGTH) {
        frame = split(frame, part, prefix, body);
        continue;
      }
      scan = advance(part, start, NO_TOTAL, body);
      List<ExtensionPresence> items = itemsFrom(start, body);
      if (!items.isEmpty()) {
        return new ListingPage(this, items, settle(scan, frame));
      }
    }
  }

  /**
   * Takes the steps that need no request (a finished scan, parts that add up), so that {@link
   * ListingPage#hasNextPage()} is false as soon as nothing is left. Steps that would throw are left
   * for {@link #page(State)}.
   */
  private State settle(@Nullable Scan scan, @Nullable Frame frame) {
    if (scan != null) {
      if (scan.next() < Math.min(scan.total(), reach) || scan.total() > reach) {
        return new State(scan, frame);
      }
    }
    while (frame != null) {
      boolean complete =
          frame.remaining().isEmpty() || (frame.checked() && frame.accounted() == frame.total());
      boolean consistent = !frame.checked() || frame.accounted() == frame.total();
      if (!complete || !consistent) {
        break;
      }
      frame = frame.parent();
    }
    return frame == null ? DONE : new State(null, frame);
  }

  private PageBody fetch(Segment segment, int next) {
    // Past maxStartIndex the page is asked from maxStartIndex and its first entries skipped.
    return api.fetch(segment.request(), Math.min(next, maxStartIndex));
  }

  /** Fetches the first page of a part, or takes it from a failed probe that asked for the same. */
  private PageBody fetchPart(Segment part, int start) {
    int from = Math.min(start, maxStartIndex);
    synchronized (failedProbes) {
      for (ProbePage probe : failedProbes) {
        if (probe.startIndex() == from && probe.request().equals(part.request())) {
          return probe.body();
        }
      }
    }
    return fetch(part, start);
  }

  private void keepFailedProbe(Segment part, int start, PageBody body) {
    ProbePage page = new ProbePage(part.request(), Math.min(start, maxStartIndex), body);
    synchronized (failedProbes) {
      failedProbes.removeIf(
          p -> p.startIndex() == page.startIndex() && p.request().equals(page.request()));
      failedProbes.addLast(page);
      while (failedProbes.size() > KEPT_PROBES) {
        failedProbes.removeFirst();
      }
    }
  }

  private static List<ExtensionPresence> itemsFrom(int next, PageBody body) {
    List<ExtensionPresence> entries = body.entries();
    int from = Math.max(0, Math.min(entries.size(), next - body.startIndex()));
    return entries.subList(from, entries.size());
  }

  /**
   * The scan after {@code body}, or null if the query has no more entries.
   *
   * @param knownTotal the total an earlier page of the same query reported, or {@link #NO_TOTAL}
   *     for its first page
   * @throws ListingWindowExceededException if {@code body} brings nothing new although this page or
   *     an earlier one announced more entries
   */
  private @Nullable Scan advance(Segment segment, int next, int knownTotal, PageBody body) {
    int end = body.endIndex();
    if (end > next) {
      return new Scan(segment, end, body.totalResults());
    }
    // Nothing new. A 204 reports a total of 0, so the total an earlier page announced counts too:
    // a page inside a known total that answers 204 (or an empty page) must never end the listing
    // quietly. Only the first page of a query may be empty.
    int announced = Math.max(knownTotal, body.totalResults());
    if (announced > next) {
      throw noEntriesAt(segment, next, announced, body);
    }
    return null;
  }

  private Frame split(Frame parent, Segment part, String prefix, PageBody body) {
    // A part reached by a jump holds the same entries as its parent, so the prefixes that failed
    // for the parent fail for it too; any other part holds fewer entries and starts afresh.
    String failed = part.jump() ? parent.failedJump() : null;
    String common = commonPrefix(body.entries(), prefix);
    List<Segment> parts;
    if (common.length() > prefix.length()
        && common.length() <= MAX_PREFIX_LENGTH
        && (failed == null || !common.startsWith(failed))) {
      parts = List.of(new Segment(startsWith(common), common, true));
    } else {
      parts = parts(prefix);
    }
    return new Frame(parent, part, body.totalResults(), 0, parts, failed);
  }

  /** The parts of {@code prefix}, in the listing's order. */
  private List<Segment> parts(String prefix) {
    List<Segment> parts = new ArrayList<>(12);
    if (ExtendedNumbers.isNumber(prefix)) {
      parts.add(new Segment(part(FilterOp.EQUALS, prefix), null, false));
    }
    if (!prefix.isEmpty() && prefix.indexOf('*') < 0) {
      parts.add(new Segment(startsWith(prefix + "*"), prefix + "*", false));
    }
    for (char digit = '0'; digit <= '9'; digit++) {
      parts.add(new Segment(startsWith(prefix + digit), prefix + digit, false));
    }
    if (root.sortOrder().orElse(SortOrder.ASCENDING) == SortOrder.DESCENDING) {
      Collections.reverse(parts);
    }
    return parts;
  }

  private ListPresenceRequest startsWith(String prefix) {
    return part(FilterOp.STARTS_WITH, prefix);
  }

  private ListPresenceRequest part(FilterOp op, String value) {
    return root.newBuilder().filter(op, value).startIndex(0).build();
  }

  /**
   * The longest prefix, made of digits and {@code *}, that every entry's extension shares, or
   * {@code prefix} if some entry does not start with it.
   */
  static String commonPrefix(List<ExtensionPresence> entries, String prefix) {
    if (entries.isEmpty()) {
      return prefix;
    }
    String first = entries.get(0).extension();
    int length = first.length();
    for (ExtensionPresence entry : entries) {
      String extension = entry.extension();
      if (!extension.startsWith(prefix)) {
        return prefix;
      }
      int i = 0;
      int max = Math.min(length, extension.length());
      while (i < max && extension.charAt(i) == first.charAt(i)) {
        i++;
      }
      length = i;
    }
    int valid = 0;
    while (valid < length && isFragmentChar(first.charAt(valid))) {
      valid++;
    }
    return valid > prefix.length() ? first.substring(0, valid) : prefix;
  }

  private static boolean isFragmentChar(char c) {
    return (c >= '0' && c <= '9') || c == '*';
  }

  private static Segment requireSegment(Frame frame) {
    Segment segment = frame.segment();
    if (segment == null) {
      throw new IllegalStateException("a jump belongs to a split query");
    }
    return segment;
  }

  private static String requirePrefix(Segment segment) {
    String prefix = segment.prefix();
    if (prefix == null) {
      throw new IllegalStateException("a split query has a prefix");
    }
    return prefix;
  }

  private String whyNotSplit(ListPresenceRequest query) {
    if (query.startIndex() > 0) {
      return " The listing splits itself by extension prefix only from startIndex 0.";
    }
    if (query.hasFilter() && query.filterOp().orElseThrow() != FilterOp.STARTS_WITH) {
      return " The listing splits itself by extension prefix only without a filter or with a"
          + " startsWith filter.";
    }
    return "";
  }

  private String advice() {
    return " Narrow the query to at most "
        + reach
        + " entries: filter by extension (such as startsWith a longer prefix), ask for one"
        + " extension, or list the extensions of one user.";
  }

  private ListingWindowExceededException beyondWindow(Segment segment, int total) {
    ListPresenceRequest query = segment.request();
    int unreachable = total - reach;
    return new ListingWindowExceededException(
        "The "
            + api.vendor()
            + " presence listing "
            + api.describe(query)
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
            + advice(),
        query,
        total,
        unreachable);
  }

  private ListingWindowExceededException noEntriesAt(
      Segment segment, int next, int total, PageBody body) {
    ListPresenceRequest query = segment.request();
    String answer =
        body.status() == 204
            ? " answered 204 No Content from index "
            : " returned no entries from index ";
    String announcer =
        body.totalResults() >= total
            ? " although it reported "
            : " although an earlier page reported ";
    return new ListingWindowExceededException(
        "The "
            + api.vendor()
            + " presence listing "
            + api.describe(query)
            + answer
            + next
            + announcer
            + total
            + ": "
            + (total - next)
            + " entries could not be reached. If the extensions changed during the listing, list"
            + " again; if this server serves fewer start indexes than the client's maxStartIndex ("
            + maxStartIndex
            + "), lower maxStartIndex on the client builder."
            + advice(),
        query,
        total,
        total - next);
  }

  private ListingWindowExceededException partsDoNotAddUp(Frame frame) {
    ListPresenceRequest query = requireSegment(frame).request();
    int missing = Math.max(0, frame.total() - frame.accounted());
    String outcome =
        missing > 0
            ? "the parts hold only "
                + frame.accounted()
                + ": "
                + missing
                + " entries could not be reached (extensions whose numbers hold other"
                + " characters than digits and '*', or extensions that changed during the"
                + " listing)."
            : "the parts hold "
                + frame.accounted()
                + ", more than the whole: the extensions changed during the listing, so entries"
                + " may be missing or repeated; list again.";
    return new ListingWindowExceededException(
        "The "
            + api.vendor()
            + " presence listing "
            + api.describe(query)
            + " holds "
            + frame.total()
            + " entries, more than startIndex can reach, so it was read in parts by extension"
            + " prefix; "
            + outcome
            + advice(),
        query,
        frame.total(),
        missing);
  }

  /** One page of the auto-paging listing. Immutable. */
  static final class ListingPage implements Page<ExtensionPresence> {
    private final PresenceListing listing;
    private final List<ExtensionPresence> items;
    private final State next;

    ListingPage(PresenceListing listing, List<ExtensionPresence> items, State next) {
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
      return listing.api.async(() -> listing.page(next));
    }

    @Override
    public String toString() {
      return "ListingPage{items=" + items.size() + ", hasNextPage=" + hasNextPage() + '}';
    }
  }
}
