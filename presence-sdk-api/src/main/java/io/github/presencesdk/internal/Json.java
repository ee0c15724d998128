package io.github.presencesdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.UndecodableResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** JSON helpers shared by the hand-written adapters of the vendor modules. */
public final class Json {
  /** {@code application/json; charset=utf-8}. */
  public static final MediaType MEDIA_TYPE = MediaType.get("application/json; charset=utf-8");

  private static final int EXCERPT_CHARS = 256;

  private Json() {}

  /**
   * Decodes a complete body with {@code adapter}, turning every decoding failure into an {@link
   * UndecodableResponseException} that names the vendor, the status and the JSON path.
   */
  public static <T> T decode(JsonAdapter<T> adapter, Buffer body, String vendor, int status) {
    return decode(adapter, body, vendor, status, true);
  }

  /**
   * Like {@link #decode(JsonAdapter, Buffer, String, int)}; with {@code keepExcerpt} false the
   * exception holds no part of the body (for bodies that may carry secrets, such as tokens).
   */
  public static <T> T decode(
      JsonAdapter<T> adapter, Buffer body, String vendor, int status, boolean keepExcerpt) {
    Buffer copy = keepExcerpt ? body.clone() : new Buffer();
    long size = body.size();
    try {
      JsonReader reader = JsonReader.of(body);
      T value = adapter.fromJson(reader);
      if (value == null) {
        throw new JsonDataException("expected a value but was null at " + reader.getPath());
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        // Two documents, or one followed by a proxy's page: not an answer to trust.
        throw new JsonDataException(
            "the document is followed by more content at " + reader.getPath());
      }
      return value;
    } catch (EOFException e) {
      throw undecodable(
          vendor, status, copy, size == 0 ? "the body is empty" : "the body ends early", e);
    } catch (JsonEncodingException e) {
      throw undecodable(vendor, status, copy, "the body is not valid JSON: " + e.getMessage(), e);
    } catch (JsonDataException
        | IllegalArgumentException
        | IllegalStateException
        | ClassCastException
        | ArithmeticException e) {
      throw undecodable(
          vendor, status, copy, "the body has an unexpected shape: " + e.getMessage(), e);
    } catch (IOException e) {
      throw undecodable(vendor, status, copy, "the body could not be read: " + e.getMessage(), e);
    }
  }

  private static UndecodableResponseException undecodable(
      String vendor, int status, Buffer body, String reason, Throwable cause) {
    String excerpt = body.snapshot((int) Math.min(body.size(), EXCERPT_CHARS)).utf8();
    return new UndecodableResponseException(
        vendor, status, vendor + " answered HTTP " + status + " but " + reason, excerpt, cause);
  }

  /** Encodes a value with a writer callback into a JSON string. */
  public static String write(JsonWriterAction action) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      action.write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** Writes JSON. */
  @FunctionalInterface
  public interface JsonWriterAction {
    /** Writes to {@code writer}. */
    void write(JsonWriter writer) throws IOException;
  }

  /** Reads a string, a number or a boolean as a string; null gives null. */
  public static @Nullable String nextStringOrNull(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case NULL -> reader.nextNull();
      case BOOLEAN -> Boolean.toString(reader.nextBoolean());
      default -> reader.nextString();
    };
  }

  /**
   * Reads an int that may arrive as a number or as a numeric string; null gives {@code fallback}.
   */
  public static int nextIntLenient(JsonReader reader, int fallback) throws IOException {
    return (int) nextLenient(reader, fallback, true);
  }

  /**
   * Reads a long that may arrive as a number or as a numeric string; null gives {@code fallback}.
   */
  public static long nextLongLenient(JsonReader reader, long fallback) throws IOException {
    return nextLenient(reader, fallback, false);
  }

  /** The lenient number reader behind {@link #nextIntLenient} ({@code asInt}) and the long one. */
  private static long nextLenient(JsonReader reader, long fallback, boolean asInt)
      throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return fallback;
    }
    if (reader.peek() == JsonReader.Token.STRING) {
      String s = reader.nextString().trim();
      if (s.isEmpty()) {
        return fallback;
      }
      try {
        return asInt ? Integer.parseInt(s) : Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new JsonDataException(
            (asInt ? "Expected an int but was " : "Expected a long but was ")
                + describe(s)
                + " at path "
                + reader.getPath());
      }
    }
    return asInt ? reader.nextInt() : reader.nextLong();
  }

  /**
   * Reads a boolean that may arrive as {@code true}, {@code "true"}, 1 or "1"; null gives {@code
   * fallback}.
   */
  public static boolean nextBooleanLenient(JsonReader reader, boolean fallback) throws IOException {
    return switch (reader.peek()) {
      case NULL -> {
        reader.nextNull();
        yield fallback;
      }
      case BOOLEAN -> reader.nextBoolean();
      case NUMBER -> reader.nextInt() != 0;
      case STRING -> {
        String s = reader.nextString().trim();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
          yield true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0") || s.isEmpty()) {
          yield false;
        }
        throw new JsonDataException(
            "Expected a boolean but was " + describe(s) + " at path " + reader.getPath());
      }
      default ->
          throw new JsonDataException(
              "Expected a boolean but was " + reader.peek() + " at path " + reader.getPath());
    };
  }

  /**
   * Reads an ISO-8601 instant ({@code 2021-10-22T13:16:26.730Z}, with any offset, or without one
   * meaning UTC); null or an empty string gives null.
   */
  public static @Nullable Instant nextInstantOrNull(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String text = reader.nextString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return parseInstant(text);
    } catch (DateTimeException e) {
      throw new JsonDataException(
          "Expected an ISO-8601 date-time but was "
              + describe(text)
              + " at path "
              + reader.getPath());
    }
  }

  /**
   * Describes a string value that could not be read without quoting it: a response may hold a token
   * or another secret in the wrong field, and no exception may carry it, not even one that is
   * redacted before it leaves the client. The shape (length, and which kinds of characters) is
   * enough to tell a date in another format or a word from a number.
   */
  static String describe(String value) {
    boolean digits = false;
    boolean letters = false;
    boolean others = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (Character.isLetter(c)) {
        letters = true;
      } else {
        others = true;
      }
    }
    List<String> kinds = new ArrayList<>(3);
    if (letters) {
      kinds.add("letters");
    }
    if (digits) {
      kinds.add("digits");
    }
    if (others) {
      kinds.add("other characters");
    }
    return "a string of "
        + value.length()
        + (value.length() == 1 ? " character" : " characters")
        + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")");
  }

  /** Parses an ISO-8601 date-time; without an offset it is taken as UTC. */
  public static Instant parseInstant(String text) {
    Instant fast = parseIsoInstant(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException withoutOffset) {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
  }

  /**
   * Parses the common form {@code yyyy-MM-ddTHH:mm[:ss[.fraction]][Z|+hh:mm|-hh:mm]} without a
   * DateTimeFormatter; returns null for anything else, which the formatters then parse.
   */
  static @Nullable Instant parseIsoInstant(String s) {
    int n = s.length();
    if (n < 16
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0
        || month < 1
        || month > 12
        || day < 1
        || hour > 23
        || minute > 59) {
      return null;
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return null;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int start = i;
        while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          nano = nano * 10 + (s.charAt(i) - '0');
          i++;
        }
        if (i == start) {
          return null;
        }
        for (int k = i - start; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      char c = s.charAt(i);
      if (c == 'Z' && i + 1 == n) {
        offsetSeconds = 0;
      } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
        int oh = digits(s, i + 1, 2);
        int om = digits(s, i + 4, 2);
        // ZoneOffset allows at most 18:00 either way; anything beyond is the formatters' to reject.
        if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
          return null;
        }
        offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      } else {
        return null;
      }
    }
    if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nano);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Reads an array of strings; null gives an empty list; null items are skipped. */
  public static List<String> nextStringList(JsonReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return out;
    }
    reader.beginArray();
    while (reader.hasNext()) {
      String s = nextStringOrNull(reader);
      if (s != null) {
        out.add(s);
      }
    }
    reader.endArray();
    return out;
  }

  /**
   * Reads a string, a number or a boolean as a string, as it stands; null gives null, and an object
   * or an array is skipped and gives null.
   */
  public static @Nullable String nextScalarOrNull(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.BEGIN_OBJECT || token == JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return null;
    }
    return nextStringOrNull(reader);
  }

  /** Skips the next name and its value: a field the adapter does not read. */
  public static void skipField(JsonReader reader) throws IOException {
    reader.skipName();
    reader.skipValue();
  }

  /** Returns true and consumes the null if the next value is null; false, consuming nothing. */
  public static boolean skipNull(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return true;
    }
    return false;
  }

  /** Reads one JSON value, such as one element of an array. */
  @FunctionalInterface
  public interface ItemReader<T> {
    /** Reads the next value of {@code reader}. */
    T read(JsonReader reader) throws IOException;
  }

  /**
   * Reads an array with {@code item} into {@code out}; null elements are skipped. Anything but an
   * array fails as {@link JsonReader#beginArray()} does.
   */
  public static <T> void readArray(JsonReader reader, List<T> out, ItemReader<T> item)
      throws IOException {
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else {
        out.add(item.read(reader));
      }
    }
    reader.endArray();
  }

  /**
   * Reads an array with {@code item} into a new mutable list; null gives an empty (immutable) list
   * and null elements are skipped.
   */
  public static <T> List<T> nextList(JsonReader reader, ItemReader<T> item) throws IOException {
    if (skipNull(reader)) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    readArray(reader, out, item);
    return out;
  }

  /**
   * Reads an array with {@code item} into {@code out}, or a single object as an array of one; null
   * adds nothing, nor do null elements.
   */
  public static <T> void readArrayOrSingle(JsonReader reader, List<T> out, ItemReader<T> item)
      throws IOException {
    switch (reader.peek()) {
      case NULL -> reader.nextNull();
      case BEGIN_OBJECT -> out.add(item.read(reader));
      default -> readArray(reader, out, item);
    }
  }

  /** An adapter that only reads: {@link #toJson} throws {@link UnsupportedOperationException}. */
  public abstract static class ReadOnlyAdapter<T> extends JsonAdapter<T> {
    private final @Nullable String message;

    /** An adapter whose {@code toJson} fails with the message {@code read only}. */
    protected ReadOnlyAdapter() {
      this("read only");
    }

    /** An adapter whose {@code toJson} fails with {@code message} (null for none). */
    protected ReadOnlyAdapter(@Nullable String message) {
      this.message = message;
    }

    /** Always throws {@link UnsupportedOperationException}. */
    @Override
    public final void toJson(JsonWriter writer, @Nullable T value) {
      throw new UnsupportedOperationException(message);
    }
  }

  /** An adapter that reads with {@code reader} and does not write (see {@link ReadOnlyAdapter}). */
  public static <T> JsonAdapter<T> readOnly(ItemReader<T> reader) {
    return new ReadOnlyAdapter<>() {
      @Override
      public T fromJson(JsonReader in) throws IOException {
        return reader.read(in);
      }
    };
  }

  /** Throws a JsonDataException naming a required field that was absent. */
  public static JsonDataException missing(String field, JsonReader reader) {
    return new JsonDataException("Required field '" + field + "' missing at " + reader.getPath());
  }
}
