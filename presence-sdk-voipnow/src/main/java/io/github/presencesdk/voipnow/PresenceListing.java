package io.github.presencesdk.voipnow;

import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListPresenceRequest.SortOrder;
import io.github.presencesdk.voipnow.ListingParts.Part;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The auto-paging presence listing of one query.
 *
 * <p>A query is read in pages of {@code count} entries, each from the {@code startIndex} after the
 * entries delivered before it. VoipNow refuses a {@code startIndex} above {@code maxStartIndex}, so
 * plain paging reaches at most {@code maxStartIndex + count} entries (the last page is asked from
 * {@code maxStartIndex} and its first entries skipped). A query that can be split (no filter or a
 * {@code startsWith} filter, from index 0) is read sorted by extension instead, so that what comes
 * after the window can be asked for by prefix:
 *
 * <ul>
 *   <li>Without a sort order of the caller's, the listing reads ascending up to the window, then
 *       descending from the other end up to the window, then fills the gap between the two ({@link
 *       ListingParts#between}): a query of up to twice the window takes no request more than plain
 *       paging would, and a larger one is read part by part, where each part again reads from both
 *       ends. The entries then do not come in one order.
 *   <li>With a sort order, it reads in that order only and continues after the last entry with the
 *       prefixes that follow it ({@link ListingParts#after}), so the whole listing is in order.
 * </ul>
 *
 * <p>The totals VoipNow reports say how many entries each gap holds: once a gap is filled, its
 * remaining parts are skipped, and parts that, all read, hold fewer entries than their gap end the
 * listing with a {@link ListingWindowExceededException}. Entries must arrive in the order asked for
 * and between the two ends, or the listing ends with that exception: every entry is delivered once,
 * or the listing says it could not be. Only the first page of a query may be empty.
 *
 * <p>Everything is lazy: each step fetches one page. States are immutable, so a page can fetch its
 * successor again after a failure. A listing may be read from several threads (its async forms do).
 */
final class PresenceListing {
  private enum Mode {
    /** Plain paging of the query as given. */
    PLAIN,
    /** Sorted in the caller's order; continued after the window in that order. */
    FORWARD,
    /** Sorted ascending and descending, filled from both ends. */
    TWO_ENDED
  }

  private enum Side {
    FRONT,
    BACK
  }

  /** Where the listing stands: the frame being read, or null when it is done. */
  record State(@Nullable ListingFrame frame) {
    boolean done() {
      return frame == null;
    }
  }

  private static final State DONE = new State(null);

  private final PresenceApi api;
  private final ListPresenceRequest root;
  private final int count;
  private final int maxStartIndex;
  private final int reach;
  private final Mode mode;
  private final SortOrder frontOrder;
  private final ListingMessages messages;

  PresenceListing(PresenceApi api, ListPresenceRequest effectiveRequest) {
    this.api = api;
    this.root = effectiveRequest;
    this.count = PresenceApi.count(effectiveRequest);
    this.maxStartIndex = api.maxStartIndex();
    this.reach = maxStartIndex + count;
    boolean splittable =
        root.startIndex() == 0
            && (!root.hasFilter() || root.filterOp().orElseThrow() == FilterOp.STARTS_WITH);
    if (!splittable) {
      this.mode = Mode.PLAIN;
    } else {
      this.mode = root.sortOrder().isPresent() ? Mode.FORWARD : Mode.TWO_ENDED;
    }
    this.frontOrder = root.sortOrder().orElse(SortOrder.ASCENDING);
    this.messages = new ListingMessages(api, count, maxStartIndex);
  }

  <T> CompletableFuture<T> async(Supplier<T> task) {
    return api.async(task);
  }

  /** Fetches the first page. */
  ListingPage firstPage() {
    String prefix = mode == Mode.PLAIN ? null : root.filterValue().orElse("");
    ListingFrame frame =
        new ListingFrame(null, prefix, false, Edge.EMPTY, Edge.EMPTY, -1, -1, -1, 0, null);
    return page(new State(frame));
  }

  /**
   * Fetches from {@code state} until some entries arrive or the listing ends.
   *
   * @throws ListingWindowExceededException if entries cannot be reached
   */
  ListingPage page(State state) {
    ListingFrame frame = state.frame();
    while (frame != null) {
      if (frame.remaining() == 0) {
        frame = finish(frame);
        continue;
      }
      List<Part> parts = frame.parts();
      if (parts != null) {
        if (parts.isEmpty()) {
          throw messages.partsMissing(
              query(frame, Side.FRONT, count), total(frame), frame.remaining());
        }
        frame = ListingFrame.child(frame.nextPart(), parts.get(0));
        continue;
      }
      Side side = nextSide(frame);
      if (side == null) {
        frame = split(frame);
        continue;
      }
      Step step = read(frame, side);
      frame = step.frame();
      if (!step.items().isEmpty()) {
        return new ListingPage(this, step.items(), settle(frame));
      }
    }
    return new ListingPage(this, List.of(), DONE);
  }

  /** A page read: the frame after it and the entries it delivered. */
  private record Step(ListingFrame frame, List<ExtensionPresence> items) {}

  /** The frame after {@code done}, whose gap is filled: its parent, with the part accounted. */
  private @Nullable ListingFrame finish(ListingFrame done) {
    ListingFrame parent = done.parent();
    if (parent == null) {
      return null;
    }
    if (done.delivered() > parent.remaining()) {
      throw messages.inconsistent(
          query(parent, Side.FRONT, count),
          total(parent),
          0,
          "its parts hold more entries ("
              + done.delivered()
              + " in "
              + api.describe(query(done, Side.FRONT, count))
              + ") than the "
              + parent.remaining()
              + " left to read");
    }
    return parent.partDone(done.delivered());
  }

  /**
   * Takes the steps that need no request (filled gaps), so that {@link ListingPage#hasNextPage()}
   * is false as soon as nothing is left. Steps that would throw are left for {@link #page(State)}.
   */
  private State settle(ListingFrame frame) {
    ListingFrame current = frame;
    while (current.remaining() == 0) {
      ListingFrame parent = current.parent();
      if (parent == null) {
        return DONE;
      }
      if (current.delivered() > parent.remaining()) {
        break;
      }
      current = parent.partDone(current.delivered());
    }
    return new State(current);
  }

  /** The start index the next page of {@code side} is asked from, for the query of the frame. */
  private int offset(ListingFrame frame, Side side) {
    if (mode == Mode.PLAIN) {
      return root.startIndex() + frame.front().count();
    }
    return (side == Side.FRONT ? frame.front() : frame.back()).countIn(frame.prefix());
  }

  /** The side to read next, or null when neither can go on: the gap must be split. */
  private @Nullable Side nextSide(ListingFrame frame) {
    int front = offset(frame, Side.FRONT);
    if (mode != Mode.TWO_ENDED) {
      // The last page may be asked from maxStartIndex, its first entries skipped.
      return front < reach ? Side.FRONT : null;
    }
    if (front <= maxStartIndex) {
      return Side.FRONT;
    }
    return offset(frame, Side.BACK) <= maxStartIndex ? Side.BACK : null;
  }

  private Step read(ListingFrame frame, Side side) {
    int offset = offset(frame, side);
    Edge edge = side == Side.FRONT ? frame.front() : frame.back();
    Edge other = side == Side.FRONT ? frame.back() : frame.front();
    int size = count;
    int known = frame.remaining() >= 0 ? frame.remaining() : frame.bound();
    if (mode != Mode.PLAIN && other.countIn(frame.prefix()) > 0 && known > 0) {
      // Entries past the gap were delivered from the other end: do not download them again.
      size = Math.min(size, known);
    }
    ListPresenceRequest query = query(frame, side, size);
    PageBody body = api.fetch(query, Math.min(offset, maxStartIndex));

    int total = frame.total();
    int remaining = frame.remaining();
    int announced = Math.max(total, body.totalResults());
    if (total < 0) {
      int before =
          mode == Mode.PLAIN
              ? root.startIndex()
              : frame.front().countIn(frame.prefix()) + frame.back().countIn(frame.prefix());
      int fresh = body.totalResults() - before;
      if (mode == Mode.PLAIN || (body.entries().isEmpty() && remaining <= 0)) {
        // Nothing from this index on: a server may answer a page past the end with 204, whose
        // total is 0, so the entries delivered before are all the query holds.
        fresh = Math.max(0, fresh);
      }
      if (fresh < 0 || (remaining >= 0 && fresh != remaining)) {
        if (body.entries().isEmpty()) {
          throw messages.noEntriesAt(query, body, offset, announced, Math.max(remaining, 0));
        }
        throw messages.inconsistent(
            query,
            body.totalResults(),
            0,
            "it reported "
                + body.totalResults()
                + " entries where "
                + (remaining >= 0 ? remaining + before : before)
                + " were expected");
      }
      total = body.totalResults();
      remaining = fresh;
    }
    List<ExtensionPresence> entries = body.entries();
    int from = Math.max(0, Math.min(entries.size(), offset - body.startIndex()));
    List<ExtensionPresence> items =
        entries.subList(from, Math.min(entries.size(), from + Math.max(0, remaining)));
    if (items.isEmpty() && remaining > 0) {
      throw messages.noEntriesAt(query, body, offset, announced, remaining);
    }
    if (mode != Mode.PLAIN) {
      if (body.totalResults() != total) {
        throw messages.inconsistent(
            query,
            announced,
            remaining,
            "it reported " + body.totalResults() + " entries after reporting " + total);
      }
      checkOrder(frame, side, edge, other, query, items, remaining);
    }
    return new Step(
        frame.read(
            side == Side.FRONT, edge.plus(items), total, remaining - items.size(), items.size()),
        items);
  }

  /** Checks that {@code items} continue the side's order and stay before the other end. */
  private void checkOrder(
      ListingFrame frame,
      Side side,
      Edge edge,
      Edge other,
      ListPresenceRequest query,
      List<ExtensionPresence> items,
      int remaining) {
    int direction = (side == Side.FRONT) == (frontOrder == SortOrder.ASCENDING) ? 1 : -1;
    String prefix = frame.prefix();
    String previous = edge.last();
    String end = other.last();
    for (ExtensionPresence item : items) {
      String extension = item.extension();
      String problem = null;
      if (prefix != null
          && !(frame.exact() ? extension.equals(prefix) : extension.startsWith(prefix))) {
        problem = "it returned " + extension + ", which the filter does not select";
      } else if (previous != null && direction * extension.compareTo(previous) <= 0) {
        problem = "it returned " + extension + " after " + previous;
      } else if (end != null && direction * end.compareTo(extension) <= 0) {
        problem =
            "it returned " + extension + ", which the other end of the listing reached already";
      }
      if (problem != null) {
        throw messages.inconsistent(query, frame.total(), remaining, problem);
      }
      previous = extension;
    }
  }

  /** The frame after splitting the gap of {@code frame}, which neither side can read further. */
  private ListingFrame split(ListingFrame frame) {
    String prefix = frame.prefix();
    if (mode == Mode.PLAIN || prefix == null) {
      throw messages.beyondWindow(root, Math.max(frame.total(), 0));
    }
    String lo = requireLast(frame.front());
    if (mode == Mode.FORWARD) {
      return frame.split(
          ListingParts.after(
              prefix, lo, frontOrder == SortOrder.ASCENDING, frame.front(), maxStartIndex));
    }
    String hi = requireLast(frame.back());
    String common = ListingParts.commonPrefix(lo, hi);
    if (common.length() > prefix.length()) {
      // Every entry between lo and hi starts with their common prefix: a query over it may start
      // within the window where the wider one cannot.
      return frame.narrowed(common);
    }
    return frame.split(ListingParts.between(prefix, lo, hi, frame.front(), frame.back()));
  }

  private static String requireLast(Edge edge) {
    String last = edge.last();
    if (last == null) {
      throw new IllegalStateException("a side that reached the window has delivered entries");
    }
    return last;
  }

  private int total(ListingFrame frame) {
    return Math.max(frame.total(), 0);
  }

  /** The query of {@code frame} read from {@code side}, in pages of {@code size}. */
  private ListPresenceRequest query(ListingFrame frame, Side side, int size) {
    String prefix = frame.prefix();
    if (prefix == null) {
      return root;
    }
    ListPresenceRequest.Builder builder = root.newBuilder().startIndex(0).count(size);
    if (frame.exact()) {
      builder.filter(FilterOp.EQUALS, prefix);
    } else if (prefix.isEmpty()) {
      builder.clearFilter();
    } else {
      builder.filter(FilterOp.STARTS_WITH, prefix);
    }
    boolean ascending = (side == Side.FRONT) == (frontOrder == SortOrder.ASCENDING);
    return builder.sortOrder(ascending ? SortOrder.ASCENDING : SortOrder.DESCENDING).build();
  }
}
