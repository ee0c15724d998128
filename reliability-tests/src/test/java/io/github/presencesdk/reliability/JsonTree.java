package io.github.presencesdk.reliability;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/** JSON as maps and lists, for deriving the matrix's bodies from the good ones. */
final class JsonTree {
  private JsonTree() {}

  static Object parse(String json) {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(Object tree) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name((String) entry.getKey());
        writeValue(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        writeValue(writer, item);
      }
      writer.endArray();
    } else if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      writer.value(d.longValue());
    } else if (value instanceof Number n) {
      writer.value(n);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else {
      writer.value(value.toString());
    }
  }

  /** A deep copy of {@code tree} with every object's {@code key} replaced by {@code value}. */
  static Object replace(Object tree, Map<String, Object> replacements) {
    return map(
        tree,
        object -> {
          for (Map.Entry<String, Object> r : replacements.entrySet()) {
            if (object.containsKey(r.getKey())) {
              object.put(r.getKey(), r.getValue());
            }
          }
        });
  }

  /** A deep copy of {@code tree} without the given keys in any object. */
  static Object remove(Object tree, Set<String> keys) {
    return map(tree, object -> object.keySet().removeAll(keys));
  }

  /**
   * A deep copy of {@code tree} with fields this SDK does not know in front of and after every
   * object's own.
   */
  static Object addUnknownFields(Object tree) {
    return map(
        tree,
        object -> {
          Map<String, Object> copy = new LinkedHashMap<>();
          copy.put("aaUnknown", List.of(1.0, "two", Map.of("deep", true)));
          copy.putAll(object);
          copy.put("zzUnknown", Map.of("nested", List.of(Map.of("x", "y")), "n", 3.5));
          object.clear();
          object.putAll(copy);
        });
  }

  @FunctionalInterface
  interface ObjectEdit {
    void edit(Map<String, Object> object);
  }

  @SuppressWarnings("unchecked")
  private static Object map(Object tree, ObjectEdit edit) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put((String) entry.getKey(), map(entry.getValue(), edit));
      }
      edit.edit(copy);
      return copy;
    }
    if (tree instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(map(item, edit));
      }
      return copy;
    }
    return tree;
  }
}
