package io.github.presencesdk.voipnow;

import io.github.presencesdk.voipnow.ListingParts.Part;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query of the listing and the gap of it still to deliver.
 *
 * @param prefix the extension prefix the query covers ({@code startsWith}, or {@code equals} when
 *     exact); null for the caller's query as given
 * @param total the total VoipNow reported for the query, or -1 before its first answer
 * @param remaining the entries of the gap not yet delivered, or -1 before they are known
 * @param bound an upper bound of {@code remaining} before it is known (the parent's), or -1
 * @param delivered the entries this frame and its finished parts delivered
 * @param parts the parts still to read, once the gap was split; null before
 */
record ListingFrame(
    @Nullable ListingFrame parent,
    @Nullable String prefix,
    boolean exact,
    Edge front,
    Edge back,
    int total,
    int remaining,
    int bound,
    int delivered,
    @Nullable List<Part> parts) {

  static ListingFrame child(ListingFrame parent, Part part) {
    return new ListingFrame(
        parent,
        part.prefix(),
        part.exact(),
        part.front(),
        part.back(),
        -1,
        -1,
        parent.remaining(),
        0,
        null);
  }

  ListingFrame narrowed(String common) {
    return new ListingFrame(
        parent, common, false, front, back, -1, remaining, bound, delivered, null);
  }

  ListingFrame split(List<Part> newParts) {
    return new ListingFrame(
        parent, prefix, exact, front, back, total, remaining, bound, delivered, newParts);
  }

  ListingFrame nextPart() {
    List<Part> left = parts == null ? List.of() : parts.subList(1, parts.size());
    return new ListingFrame(
        parent, prefix, exact, front, back, total, remaining, bound, delivered, left);
  }

  ListingFrame read(boolean frontSide, Edge edge, int newTotal, int newRemaining, int added) {
    return new ListingFrame(
        parent,
        prefix,
        exact,
        frontSide ? edge : front,
        frontSide ? back : edge,
        newTotal,
        newRemaining,
        bound,
        delivered + added,
        parts);
  }

  ListingFrame partDone(int partDelivered) {
    return new ListingFrame(
        parent,
        prefix,
        exact,
        front,
        back,
        total,
        remaining - partDelivered,
        bound,
        delivered + partDelivered,
        parts);
  }
}
