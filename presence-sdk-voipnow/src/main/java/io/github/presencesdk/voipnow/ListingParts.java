package io.github.presencesdk.voipnow;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans the parts of a sorted listing that continue where its {@code startIndex} window ended: the
 * queries {@code startsWith} (or {@code equals}) that together hold exactly the entries not yet
 * delivered. Extended numbers are digits and {@code *}, which sort as {@code *} before {@code 0} to
 * {@code 9}; an entry with any other character is in no part, which the listing notices because the
 * parts then do not add up. Stateless.
 */
final class ListingParts {
  /** The characters of extended numbers, in ascending order. */
  static final String CHARS = "*0123456789";

  private ListingParts() {}

  /** One part: a query over {@code prefix}, and what each side has delivered of it already. */
  record Part(String prefix, boolean exact, Edge front, Edge back) {}

  static boolean isFragmentChar(char c) {
    return CHARS.indexOf(c) >= 0;
  }

  /**
   * The longest common prefix of {@code a} and {@code b} that a filter can hold (digits and {@code
   * *}).
   */
  static String commonPrefix(String a, String b) {
    int shared = Edge.sharedLength(a, b);
    int valid = 0;
    while (valid < shared && isFragmentChar(a.charAt(valid))) {
      valid++;
    }
    return a.substring(0, valid);
  }

  /**
   * The parts between {@code lo}, the last entry read in ascending order, and {@code hi}, the last
   * read in descending order, both starting with {@code prefix} and differing right after it.
   *
   * <p>The children of {@code prefix} strictly between theirs come first: their sizes are unknown,
   * but each is whole, so the count of the gap tells when the rest is empty. The two children that
   * hold {@code lo} and {@code hi} come last, each continued from the side that has read into it;
   * the one more likely to hold entries comes first, so that the other can be skipped once the gap
   * is filled.
   */
  static List<Part> between(String prefix, String lo, String hi, Edge front, Edge back) {
    int at = prefix.length();
    char low = lo.length() > at ? lo.charAt(at) : 0;
    char high = hi.charAt(at);
    List<Part> parts = new ArrayList<>(CHARS.length());
    for (int i = 0; i < CHARS.length(); i++) {
      char c = CHARS.charAt(i);
      if (c > low && c < high) {
        parts.add(new Part(prefix + c, false, Edge.EMPTY, Edge.EMPTY));
      }
    }
    @Nullable Part left =
        isFragmentChar(low) ? new Part(prefix + low, false, front, Edge.EMPTY) : null;
    @Nullable Part right =
        isFragmentChar(high) ? new Part(prefix + high, false, Edge.EMPTY, back) : null;
    boolean leftLooksRead = left != null && consistsOf(lo.substring(at + 1), '9');
    boolean rightLooksRead = right != null && consistsOf(hi.substring(at + 1), '0');
    // With numbers of one length, an lo ending in 9s is the last of its child and an hi ending in
    // 0s the first of its: that child holds nothing more, and is best asked last.
    boolean rightFirst = leftLooksRead && !rightLooksRead;
    addIfPresent(parts, rightFirst ? right : left);
    addIfPresent(parts, rightFirst ? left : right);
    return parts;
  }

  /**
   * The parts after {@code last}, the last entry of a listing read in one direction only, within
   * {@code prefix}, in that direction: first the longest-reaching query that continues after {@code
   * last} (the shortest prefix of it that starts at most at {@code maxStartIndex}), then, level by
   * level up to {@code prefix}, the prefixes that follow.
   */
  static List<Part> after(
      String prefix, String last, boolean ascending, Edge front, int maxStartIndex) {
    List<Part> parts = new ArrayList<>();
    int limit = prefix.length();
    while (limit < last.length() && isFragmentChar(last.charAt(limit))) {
      limit++;
    }
    int deepest = limit;
    for (int j = prefix.length() + 1; j <= limit; j++) {
      String continued = last.substring(0, j);
      if (front.countIn(continued) <= maxStartIndex) {
        parts.add(new Part(continued, false, front, Edge.EMPTY));
        deepest = j - 1;
        break;
      }
    }
    for (int j = deepest; j >= prefix.length(); j--) {
      String level = last.substring(0, j);
      // Past the end of the last entry, every child of it follows (ascending) or none (descending).
      char next = j < last.length() ? last.charAt(j) : 0;
      if (ascending) {
        for (int i = 0; i < CHARS.length(); i++) {
          char c = CHARS.charAt(i);
          if (c > next) {
            parts.add(new Part(level + c, false, Edge.EMPTY, Edge.EMPTY));
          }
        }
      } else {
        for (int i = CHARS.length() - 1; i >= 0; i--) {
          char c = CHARS.charAt(i);
          if (c < next) {
            parts.add(new Part(level + c, false, Edge.EMPTY, Edge.EMPTY));
          }
        }
        // Descending, a number comes after every longer number that starts with it.
        if (j < last.length() && ExtendedNumbers.isNumber(level)) {
          parts.add(new Part(level, true, Edge.EMPTY, Edge.EMPTY));
        }
      }
    }
    return parts;
  }

  private static boolean consistsOf(String text, char c) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  private static void addIfPresent(List<Part> parts, @Nullable Part part) {
    if (part != null) {
      parts.add(part);
    }
  }
}
