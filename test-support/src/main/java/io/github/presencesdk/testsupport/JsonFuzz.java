package io.github.presencesdk.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of JSON for fuzzing the decoders: arbitrary documents built from a vendor's own
 * field names and values, and mutations of documented payloads (truncated, bytes changed, values of
 * another type, wrapped, nested deeply). Needs jqwik on the class path.
 */
public final class JsonFuzz {
  private JsonFuzz() {}

  /** Numbers that are valid JSON but hard to read as an int, a long or a date. */
  private static final List<String> AWKWARD_NUMBERS =
      List.of(
          "0",
          "-0",
          "1.5",
          "-1",
          "2147483648",
          "-9223372036854775809",
          "123456789012345678901234567890",
          "1e400",
          "-1e-400",
          "0.000001");

  /** Strings that are hard for lenient readers: blank, numeric, dates, markup, escapes. */
  private static final List<String> AWKWARD_STRINGS =
      List.of(
          "",
          " ",
          "0",
          "1",
          "-1",
          "3.5",
          "true",
          "null",
          "2021-10-22T13:16:26.730Z",
          "2021-10-22 13:16:26",
          "0000-00-00 00:00:00",
          "not a date",
          "<html>",
          "\\u0000",
          "\\ud83d\\ude00",
          "Ready",
          "LoggedOut");

  /**
   * Arbitrary JSON documents, nested up to four levels, whose object keys are mostly {@code names}
   * and whose strings are often {@code strings}.
   */
  public static Arbitrary<String> documents(List<String> names, List<String> strings) {
    Arbitrary<String> scalar = scalars(strings);
    Arbitrary<String> value =
        Arbitraries.recursive(
            () -> scalar,
            inner -> Arbitraries.oneOf(arrays(inner), objects(inner, names), scalar),
            0,
            4);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, objects(value, names)),
        net.jqwik.api.Tuple.of(3, arrays(value)),
        net.jqwik.api.Tuple.of(1, scalar));
  }

  private static Arbitrary<String> scalars(List<String> strings) {
    List<String> known = new ArrayList<>(AWKWARD_STRINGS);
    known.addAll(strings);
    return Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.of(AWKWARD_NUMBERS),
        Arbitraries.of(known).map(JsonFuzz::quoteRaw),
        Arbitraries.strings().ofMaxLength(12).map(JsonFuzz::quote));
  }

  private static Arbitrary<String> arrays(Arbitrary<String> values) {
    return values.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
  }

  private static Arbitrary<String> objects(Arbitrary<String> values, List<String> names) {
    Arbitrary<String> keys =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(names)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().alpha().ofMaxLength(6)));
    return Arbitraries.maps(keys, values)
        .ofMaxSize(7)
        .map(
            m ->
                m.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}")));
  }

  /** A JSON string literal of {@code s}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A string literal whose content is already escaped as JSON. */
  private static String quoteRaw(String s) {
    return "\"" + s + "\"";
  }

  /** How a document is damaged. */
  public enum Mutation {
    /** Cut off at a position. */
    TRUNCATE,
    /** One character removed. */
    DELETE_CHAR,
    /** One character inserted, often a structural one. */
    INSERT_CHAR,
    /** One character replaced. */
    REPLACE_CHAR,
    /** One value (scalar or container) replaced by a value of another type. */
    REPLACE_VALUE,
    /** Every value of one key replaced by a value of another type. */
    REPLACE_KEY_VALUES,
    /** One key renamed, so that the field is missing. */
    RENAME_KEY,
    /** The document inside an array. */
    WRAP_IN_ARRAY,
    /** The document inside an object. */
    WRAP_IN_OBJECT,
    /** The document twice, one after the other. */
    REPEAT,
    /** The document under 300 levels of arrays. */
    NEST_DEEPLY,
    /** Nothing at all. */
    EMPTY
  }

  private static final List<String> REPLACEMENTS =
      List.of(
          "null",
          "true",
          "0",
          "-1",
          "1e400",
          "\"\"",
          "\"x\"",
          "\"2021-13-45T99:99:99Z\"",
          "{}",
          "[]",
          "[null]",
          "{\"a\":[1,{\"b\":null}]}",
          "[1,\"two\",{}]");

  /** {@code documents} damaged by every {@link Mutation}, at arbitrary positions. */
  public static Arbitrary<String> mutations(List<String> documents) {
    return Combinators.combine(
            Arbitraries.of(documents),
            Arbitraries.of(Mutation.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.of(REPLACEMENTS),
            Arbitraries.chars().with("{}[],:\"\\ 0-9aeE.+-tfn\u0000\u00e9"))
        .as((doc, mutation, seed, replacement, c) -> mutate(doc, mutation, seed, replacement, c));
  }

  /** Applies one mutation; {@code seed} picks the position. */
  public static String mutate(String doc, Mutation mutation, int seed, String replacement, char c) {
    int at = doc.isEmpty() ? 0 : Math.floorMod(seed, doc.length());
    return switch (mutation) {
      case TRUNCATE -> doc.substring(0, at);
      case DELETE_CHAR -> doc.isEmpty() ? doc : doc.substring(0, at) + doc.substring(at + 1);
      case INSERT_CHAR -> doc.substring(0, at) + c + doc.substring(at);
      case REPLACE_CHAR -> doc.isEmpty() ? doc : doc.substring(0, at) + c + doc.substring(at + 1);
      case REPLACE_VALUE -> {
        List<int[]> spans = valueSpans(doc);
        if (spans.isEmpty()) {
          yield replacement;
        }
        int[] span = spans.get(Math.floorMod(seed, spans.size()));
        yield doc.substring(0, span[0]) + replacement + doc.substring(span[1]);
      }
      case REPLACE_KEY_VALUES -> {
        List<Map.Entry<String, int[]>> keyed = keyedSpans(doc);
        if (keyed.isEmpty()) {
          yield replacement;
        }
        String key = keyed.get(Math.floorMod(seed, keyed.size())).getKey();
        StringBuilder out = new StringBuilder(doc);
        for (int i = keyed.size() - 1; i >= 0; i--) {
          Map.Entry<String, int[]> e = keyed.get(i);
          if (e.getKey().equals(key)) {
            out.replace(e.getValue()[0], e.getValue()[1], replacement);
          }
        }
        yield out.toString();
      }
      case RENAME_KEY -> {
        List<Map.Entry<String, int[]>> keyed = keyedSpans(doc);
        if (keyed.isEmpty()) {
          yield doc;
        }
        String key = keyed.get(Math.floorMod(seed, keyed.size())).getKey();
        yield doc.replace("\"" + key + "\":", "\"" + key + "_renamed\":")
            .replace("\"" + key + "\" :", "\"" + key + "_renamed\" :");
      }
      case WRAP_IN_ARRAY -> "[" + doc + "]";
      case WRAP_IN_OBJECT -> "{\"data\":" + doc + "}";
      case REPEAT -> doc + doc;
      case NEST_DEEPLY -> "[".repeat(300) + doc + "]".repeat(300);
      case EMPTY -> "";
    };
  }

  /**
   * The spans of the values inside a document (not the document itself): each scalar, object and
   * array that follows a {@code :}, {@code [} or {@code ,}.
   */
  static List<int[]> valueSpans(String doc) {
    List<int[]> spans = new ArrayList<>();
    // The containers open at each point: '{' or '['. After a ',' in an object comes a key.
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < doc.length(); i++) {
      char c = doc.charAt(i);
      if (c == '"') {
        i = endOfString(doc, i) - 1;
        continue;
      }
      if (c == '{' || c == '[') {
        open.append(c);
      } else if ((c == '}' || c == ']') && open.length() > 0) {
        open.setLength(open.length() - 1);
      }
      boolean inArray = open.length() > 0 && open.charAt(open.length() - 1) == '[';
      if (c == ':' || (c == '[') || (c == ',' && inArray)) {
        int start = skipSpace(doc, i + 1);
        if (start < doc.length() && doc.charAt(start) != ']' && doc.charAt(start) != '}') {
          int end = endOfValue(doc, start);
          if (end > start) {
            spans.add(new int[] {start, end});
          }
        }
      }
    }
    return spans;
  }

  /** The values that belong to a key, with the key. */
  static List<Map.Entry<String, int[]>> keyedSpans(String doc) {
    List<Map.Entry<String, int[]>> out = new ArrayList<>();
    for (int i = 0; i < doc.length(); i++) {
      if (doc.charAt(i) != '"') {
        continue;
      }
      int end = endOfString(doc, i);
      int colon = skipSpace(doc, end);
      if (colon < doc.length() && doc.charAt(colon) == ':') {
        int start = skipSpace(doc, colon + 1);
        int valueEnd = endOfValue(doc, start);
        if (valueEnd > start) {
          out.add(Map.entry(doc.substring(i + 1, end - 1), new int[] {start, valueEnd}));
        }
      }
      i = end - 1;
    }
    return out;
  }

  private static int skipSpace(String doc, int i) {
    while (i < doc.length() && Character.isWhitespace(doc.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the string literal starting at {@code i}, or the end of the document. */
  private static int endOfString(String doc, int i) {
    int j = i + 1;
    while (j < doc.length()) {
      char c = doc.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '"') {
        return j + 1;
      }
      j++;
    }
    return doc.length();
  }

  /** The index after the value starting at {@code start}. */
  private static int endOfValue(String doc, int start) {
    if (start >= doc.length()) {
      return start;
    }
    char c = doc.charAt(start);
    if (c == '"') {
      return endOfString(doc, start);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int j = start; j < doc.length(); j++) {
        char d = doc.charAt(j);
        if (d == '"') {
          j = endOfString(doc, j) - 1;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            return j + 1;
          }
        }
      }
      return doc.length();
    }
    int j = start;
    while (j < doc.length() && ",}] \n\r\t".indexOf(doc.charAt(j)) < 0) {
      j++;
    }
    return j;
  }
}
