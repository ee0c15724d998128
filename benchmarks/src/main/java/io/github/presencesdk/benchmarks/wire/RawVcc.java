package io.github.presencesdk.benchmarks.wire;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What a careful application writes without the SDK to read a VCC presence answer: a hand-written
 * Moshi decode with {@link JsonReader.Options} into a flat record.
 */
public final class RawVcc {
  private static final JsonReader.Options ENTRY =
      JsonReader.Options.of("userId", "updated", "presence");
  private static final JsonReader.Options PRESENCE =
      JsonReader.Options.of("presenceId", "selectable", "category", "description");
  private static final JsonReader.Options CATEGORY =
      JsonReader.Options.of("categoryType", "description", "subCategory");

  private RawVcc() {}

  /** One user's presence. */
  public record UserPresence(
      String userId,
      @Nullable Instant updated,
      String presenceId,
      boolean selectable,
      @Nullable String categoryType,
      @Nullable String categoryDescription,
      @Nullable String description) {}

  /** Decodes a JSON array of presences. */
  public static List<UserPresence> decode(BufferedSource source) throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      List<UserPresence> out = new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) {
        out.add(entry(reader));
      }
      reader.endArray();
      return out;
    }
  }

  private static UserPresence entry(JsonReader reader) throws IOException {
    String userId = null;
    Instant updated = null;
    String presenceId = null;
    boolean selectable = false;
    String categoryType = null;
    String categoryDescription = null;
    String description = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(ENTRY)) {
        case 0 -> userId = reader.nextString();
        case 1 -> updated = Instant.parse(reader.nextString());
        case 2 -> {
          reader.beginObject();
          while (reader.hasNext()) {
            switch (reader.selectName(PRESENCE)) {
              case 0 -> presenceId = reader.nextString();
              case 1 -> selectable = reader.nextBoolean();
              case 2 -> {
                reader.beginObject();
                while (reader.hasNext()) {
                  switch (reader.selectName(CATEGORY)) {
                    case 0 -> categoryType = reader.nextString();
                    case 1 -> categoryDescription = reader.nextString();
                    default -> {
                      reader.skipName();
                      reader.skipValue();
                    }
                  }
                }
                reader.endObject();
              }
              case 3 -> description = reader.nextString();
              default -> {
                reader.skipName();
                reader.skipValue();
              }
            }
          }
          reader.endObject();
        }
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (userId == null || presenceId == null) {
      throw new JsonDataException(
          "userId and presence.presenceId are required at " + reader.getPath());
    }
    return new UserPresence(
        userId, updated, presenceId, selectable, categoryType, categoryDescription, description);
  }
}
