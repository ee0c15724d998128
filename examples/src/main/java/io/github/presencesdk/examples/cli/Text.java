package io.github.presencesdk.examples.cli;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Text for people, shared by the {@code presence} tool and the demo: the width to fit, numbers
 * written one way ({@code 12,000}), counted nouns ({@code 1 page}, {@code 3 pages}) and prose
 * wrapped at the width.
 *
 * <p>The width is the {@code COLUMNS} environment variable when it holds a number; else the width
 * of the terminal standard output is on, which the launcher measures and passes in the system
 * property {@link #COLUMNS_PROPERTY}; else, when standard output is not a terminal or its width is
 * unknown, {@link #DEFAULT_WIDTH} columns.
 */
public final class Text {
  /** The system property in which the launcher passes the width of the terminal, in columns. */
  public static final String COLUMNS_PROPERTY = "presence.terminalColumns";

  /** The width when neither {@code COLUMNS} nor the terminal tells. */
  public static final int DEFAULT_WIDTH = 80;

  /** Narrower widths are raised to this: below it nothing useful fits. */
  static final int MIN_WIDTH = 40;

  /**
   * What a cut cell or a cut table ends with: {@code …}, or {@code ...} where it cannot be written.
   */
  public static final String ELLIPSIS =
      Charset.defaultCharset().newEncoder().canEncode('\u2026') ? "\u2026" : "...";

  private Text() {}

  /** The width to fit, from the environment and the launcher's system property. */
  public static int width(Map<String, String> env) {
    return width(env.get("COLUMNS"), System.getProperty(COLUMNS_PROPERTY));
  }

  /**
   * The width to fit: {@code columns} (the {@code COLUMNS} variable) when it is a positive number,
   * else {@code terminal} (the launcher's measure) when it is, else {@link #DEFAULT_WIDTH}; never
   * less than {@link #MIN_WIDTH}.
   */
  static int width(@Nullable String columns, @Nullable String terminal) {
    Integer chosen = positive(columns);
    if (chosen == null) {
      chosen = positive(terminal);
    }
    return Math.max(MIN_WIDTH, chosen == null ? DEFAULT_WIDTH : chosen);
  }

  private static @Nullable Integer positive(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      return number > 0 ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A number with its thousands grouped: {@code 12,000}. */
  public static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A count and its noun, in the singular for one: {@code 1 page}, {@code 12,000 extensions}. */
  public static String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  /**
   * Wraps {@code line} at {@code width} between words. The lines after the first are indented as
   * the first is, plus {@code hang} spaces; the spaces within a line are kept as they are; a word
   * longer than a line stays whole.
   */
  public static List<String> wrap(String line, int width, int hang) {
    List<String> lines = new ArrayList<>();
    if (line.length() <= width) {
      lines.add(line);
      return lines;
    }
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    String indent = " ".repeat(lead + hang);
    StringBuilder current = new StringBuilder(line.substring(0, lead));
    boolean empty = true;
    int i = lead;
    while (i < line.length()) {
      int wordStart = i;
      while (wordStart < line.length() && line.charAt(wordStart) == ' ') {
        wordStart++;
      }
      int wordEnd = wordStart;
      while (wordEnd < line.length() && line.charAt(wordEnd) != ' ') {
        wordEnd++;
      }
      String spaces = line.substring(i, wordStart);
      String word = line.substring(wordStart, wordEnd);
      i = wordEnd;
      if (word.isEmpty()) {
        break;
      }
      if (!empty && current.length() + spaces.length() + word.length() > width) {
        lines.add(current.toString());
        current = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        current.append(spaces);
      }
      current.append(word);
      empty = false;
    }
    lines.add(current.toString());
    return lines;
  }
}
