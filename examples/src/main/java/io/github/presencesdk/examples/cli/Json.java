package io.github.presencesdk.examples.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** Writes one JSON object as one line of text, with Moshi's streaming writer. */
final class Json {
  /** The fields of one object, written between {@code beginObject} and {@code endObject}. */
  @FunctionalInterface
  interface Fields {
    void write(JsonWriter writer) throws IOException;
  }

  private Json() {}

  /** Returns the object {@code fields} write, on one line, without a line break at the end. */
  static String line(Fields fields) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      // Absent values are written as null, so that every line of one kind has the same keys.
      writer.setSerializeNulls(true);
      writer.beginObject();
      fields.write(writer);
      writer.endObject();
    } catch (IOException e) {
      // A Buffer does no I/O; this cannot happen.
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
