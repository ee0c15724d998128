package io.github.presencesdk.voipnow;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one side of a sorted listing has delivered, in that side's order: how many entries, the last
 * one, and for each prefix of the last one how many of the entries share it.
 *
 * <p>Entries sharing a prefix are consecutive in a listing sorted by extension, so the entries that
 * share a prefix of the last one are the last few delivered: {@link #countIn(String)} is the {@code
 * startIndex} at which the query {@code startsWith prefix}, sorted the same way, continues after
 * the last entry. Immutable.
 */
final class Edge {
  static final Edge EMPTY = new Edge(null, 0, new int[1]);

  private final @Nullable String last;
  private final int count;

  /** For each length {@code j}: the index of the first delivered entry sharing last[0..j). */
  private final int[] blockStart;

  private Edge(@Nullable String last, int count, int[] blockStart) {
    this.last = last;
    this.count = count;
    this.blockStart = blockStart;
  }

  /** The last extension delivered, or null if none. */
  @Nullable String last() {
    return last;
  }

  /** The number of entries delivered. */
  int count() {
    return count;
  }

  boolean isEmpty() {
    return last == null;
  }

  /**
   * The number of delivered entries that start with {@code prefix}, when {@code prefix} is a prefix
   * of the last one (0 otherwise, and for an empty edge); every delivered entry for null.
   */
  int countIn(@Nullable String prefix) {
    if (prefix == null) {
      return count;
    }
    if (last == null || !last.startsWith(prefix)) {
      return 0;
    }
    return count - blockStart[prefix.length()];
  }

  /** This edge after {@code entries}, delivered in order after the last one. */
  Edge plus(List<ExtensionPresence> entries) {
    if (entries.isEmpty()) {
      return this;
    }
    String previous = last;
    int n = count;
    int[] starts = blockStart;
    for (ExtensionPresence entry : entries) {
      String extension = entry.extension();
      if (starts.length <= extension.length()) {
        starts = Arrays.copyOf(starts, extension.length() + 1);
      } else if (starts == blockStart) {
        starts = blockStart.clone();
      }
      int shared = previous == null ? 0 : sharedLength(previous, extension);
      for (int j = shared + 1; j <= extension.length(); j++) {
        starts[j] = n;
      }
      previous = extension;
      n++;
    }
    return new Edge(previous, n, starts);
  }

  static int sharedLength(String a, String b) {
    int max = Math.min(a.length(), b.length());
    int i = 0;
    while (i < max && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  @Override
  public String toString() {
    return "Edge{last=" + last + ", count=" + count + '}';
  }
}
