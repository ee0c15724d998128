package io.github.presencesdk.testkit;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** JSON helpers on Moshi's streaming writer and reader. */
final class JsonText {
  /** ISO-8601 UTC with milliseconds, as VCC and Talkdesk print timestamps. */
  static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** ISO-8601 UTC to the second, as VoipNow prints registration expiry. */
  static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private JsonText() {}

  /** Writes one JSON document. */
  interface Body {
    void write(JsonWriter writer) throws IOException;
  }

  static String write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      body.write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  static String millis(Instant instant) {
    return MILLIS.format(instant);
  }

  /** Thrown when a request body is not the JSON the fake expects. */
  static final class BadJson extends Exception {
    private static final long serialVersionUID = 1L;

    BadJson(String message) {
      super(message);
    }
  }

  /**
   * Parses a request body into maps, lists, strings, doubles, booleans and nulls.
   *
   * @throws BadJson when the text is not one well-formed JSON value
   */
  static @Nullable Object read(String text) throws BadJson {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
    try {
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new BadJson("unexpected data after the JSON value");
      }
      return value;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new BadJson(String.valueOf(e.getMessage()));
    } catch (IOException e) {
      // End of input inside a value: the body is truncated.
      throw new BadJson("the JSON value is incomplete");
    }
  }

  /** Parses a body that must be a JSON object. */
  static Map<?, ?> readObject(String text) throws BadJson {
    Object value = read(text);
    if (!(value instanceof Map)) {
      throw new BadJson("the body must be a JSON object");
    }
    return (Map<?, ?>) value;
  }

  /** A list of strings from a JSON array, or {@code null} when the value is absent or null. */
  static @Nullable List<String> stringList(@Nullable Object value) throws BadJson {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List)) {
      throw new BadJson("expected an array of strings");
    }
    List<?> raw = (List<?>) value;
    for (Object item : raw) {
      if (!(item instanceof String)) {
        throw new BadJson("expected an array of strings");
      }
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) raw;
    return List.copyOf(strings);
  }
}
