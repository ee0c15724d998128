package io.github.presencesdk.benchmarks.harness;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads and writes the harness's results: maps, lists, strings and numbers as JSON. */
final class JsonFiles {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class);

  private JsonFiles() {}

  static void write(Path file, Object value) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, ADAPTER.indent("  ").toJson(value) + "\n", StandardCharsets.UTF_8);
  }

  static String line(Object value) {
    return ADAPTER.toJson(value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String json) throws IOException {
    @Nullable Object value = ADAPTER.fromJson(json);
    if (!(value instanceof Map)) {
      throw new IOException("expected a JSON object but was: " + json);
    }
    Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) value);
    // JSON has no integers: give whole numbers back their integer form, so they print as such.
    map.replaceAll(
        (key, v) ->
            v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? (Object) d.longValue()
                : v);
    return map;
  }
}
