package io.github.presencesdk.internal;

/**
 * Joins pieces of text into sentences for messages, whatever punctuation the vendor's own text ends
 * with: a vendor message that already ends a sentence ({@code "The user was not found."}) is not
 * given a second period before the hint that follows it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sentences {
  private Sentences() {}

  /**
   * Returns {@code first} followed by {@code next} as a new sentence: {@code ". "} between them, or
   * only a space if {@code first} already ends with {@code .}, {@code !}, {@code ?} or an ellipsis.
   * Trailing white space of {@code first} and surrounding white space of {@code next} are dropped;
   * if either is blank, the other is returned alone.
   */
  public static String join(String first, String next) {
    StringBuilder out = new StringBuilder(first);
    append(out, next);
    return out.toString();
  }

  /**
   * Appends {@code next} to {@code out} as a new sentence, as {@link #join(String, String)} does.
   *
   * @return {@code out}
   */
  public static StringBuilder append(StringBuilder out, String next) {
    int end = out.length();
    while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
    String sentence = next.strip();
    if (sentence.isEmpty()) {
      return out;
    }
    if (end == 0) {
      return out.append(sentence);
    }
    return out.append(endsSentence(out.charAt(end - 1)) ? " " : ". ").append(sentence);
  }

  private static boolean endsSentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }
}
