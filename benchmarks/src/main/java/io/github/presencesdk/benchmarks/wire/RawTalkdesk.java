package io.github.presencesdk.benchmarks.wire;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What an application writes without the SDK to read a Talkdesk presence: a hand-written Moshi
 * decode of the fields it needs, skipping the rest.
 */
public final class RawTalkdesk {
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of("user_id", "status", "custom_status", "occupancy", "updated_at");

  private RawTalkdesk() {}

  /** A user's presence. */
  public record UserPresence(
      String userId,
      String status,
      @Nullable String customStatus,
      int occupancy,
      @Nullable String updatedAt) {}

  /** Decodes one presence object. */
  public static UserPresence decode(BufferedSource source) throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      String userId = null;
      String status = null;
      String customStatus = null;
      int occupancy = 0;
      String updatedAt = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> userId = reader.nextString();
          case 1 -> status = reader.nextString();
          case 2 ->
              customStatus =
                  reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
          case 3 -> occupancy = reader.nextInt();
          case 4 -> updatedAt = reader.nextString();
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      if (userId == null || status == null) {
        throw new JsonDataException("user_id and status are required");
      }
      return new UserPresence(userId, status, customStatus, occupancy, updatedAt);
    }
  }
}
