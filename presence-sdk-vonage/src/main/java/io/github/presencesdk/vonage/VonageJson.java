package io.github.presencesdk.vonage;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.internal.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written JSON adapters of the VCC payloads. Unknown fields are skipped, numbers may
 * arrive as strings, and unknown enum values are kept raw. Stateless and thread-safe.
 */
final class VonageJson {
  private VonageJson() {}

  /** One entry of a presence answer: {@code {userId, updated, presence}}. */
  record UserPresence(
      @Nullable String userId, @Nullable Instant updated, @Nullable VonagePresence presence) {}

  static final JsonAdapter<PresenceCategory> CATEGORY = new CategoryAdapter();
  // Typed as the adapters themselves, whose fromJson never returns null, to read array elements.
  private static final PresenceAdapter PRESENCE_ADAPTER = new PresenceAdapter();
  private static final UserPresenceAdapter USER_PRESENCE_ADAPTER = new UserPresenceAdapter();
  static final JsonAdapter<VonagePresence> PRESENCE = PRESENCE_ADAPTER;
  static final JsonAdapter<UserPresence> USER_PRESENCE = USER_PRESENCE_ADAPTER;
  static final JsonAdapter<List<UserPresence>> USER_PRESENCES = new UserPresenceListAdapter();
  static final JsonAdapter<List<VonagePresence>> PRESENCE_DEFINITIONS =
      new PresenceDefinitionsAdapter();
  static final JsonAdapter<AvailabilitySummary> AVAILABILITY_SUMMARY =
      new AvailabilitySummaryAdapter();

  /** The body of {@code PATCH /agents/{userId}/presence}. */
  static String setPresenceBody(String presenceId) {
    return Json.write(
        writer -> writer.beginObject().name("presenceId").value(presenceId).endObject());
  }

  /**
   * The body of {@code POST /agents-availability}; empty lists are left out, and so is {@code
   * liveness} unless the request sets one.
   */
  static String availabilityBody(AvailabilitySummaryRequest request) {
    return Json.write(
        writer -> {
          writer.beginObject();
          writeList(writer, "skillGuids", request.skillGuids());
          writeList(writer, "groupGuids", request.groupGuids());
          writeList(writer, "queueGuids", request.queueGuids());
          Optional<Liveness> liveness = request.requestedLiveness();
          if (liveness.isPresent()) {
            writer.name("liveness").value(liveness.get().wireValue());
          }
          writer.endObject();
        });
  }

  private static void writeList(JsonWriter writer, String name, List<String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    writer.name(name).beginArray();
    for (String value : values) {
      writer.value(value);
    }
    writer.endArray();
  }

  /**
   * Reads a string, number or boolean as text; objects and arrays are skipped, and they, null and
   * blank text give null.
   */
  private static @Nullable String nextScalarOrNull(JsonReader reader) throws IOException {
    String value = Json.nextScalarOrNull(reader);
    return value == null || value.isBlank() ? null : value;
  }

  private abstract static class ReadOnlyAdapter<T> extends Json.ReadOnlyAdapter<T> {
    ReadOnlyAdapter() {
      super("only decoding is supported");
    }
  }

  private static final class CategoryAdapter extends ReadOnlyAdapter<PresenceCategory> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of("categoryType", "description", "subCategory");

    @Override
    public PresenceCategory fromJson(JsonReader reader) throws IOException {
      String type = null;
      String description = null;
      String subCategory = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> type = nextScalarOrNull(reader);
          case 1 -> description = nextScalarOrNull(reader);
          case 2 -> subCategory = nextScalarOrNull(reader);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      return PresenceCategory.of(type, description, subCategory);
    }
  }

  private static final class PresenceAdapter extends ReadOnlyAdapter<VonagePresence> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of("presenceId", "selectable", "category", "description");

    @Override
    public VonagePresence fromJson(JsonReader reader) throws IOException {
      String presenceId = null;
      boolean selectable = false;
      PresenceCategory category = null;
      String description = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> presenceId = nextScalarOrNull(reader);
          case 1 -> selectable = Json.nextBooleanLenient(reader, false);
          case 2 -> category = Json.skipNull(reader) ? null : CATEGORY.fromJson(reader);
          case 3 -> description = nextScalarOrNull(reader);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (presenceId == null) {
        throw Json.missing("presenceId", reader);
      }
      return new VonagePresence(
          presenceId,
          selectable,
          category != null ? category : PresenceCategory.of(null, null, null),
          java.util.Optional.ofNullable(description));
    }
  }

  private static final class UserPresenceAdapter extends ReadOnlyAdapter<UserPresence> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of("userId", "updated", "presence");

    @Override
    public UserPresence fromJson(JsonReader reader) throws IOException {
      String userId = null;
      Instant updated = null;
      VonagePresence presence = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> userId = nextScalarOrNull(reader);
          case 1 -> updated = Json.nextInstantOrNull(reader);
          case 2 -> presence = Json.skipNull(reader) ? null : PRESENCE.fromJson(reader);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      return new UserPresence(userId, updated, presence);
    }
  }

  private static final class UserPresenceListAdapter extends ReadOnlyAdapter<List<UserPresence>> {
    @Override
    public List<UserPresence> fromJson(JsonReader reader) throws IOException {
      List<UserPresence> out = new ArrayList<>();
      Json.readArray(reader, out, USER_PRESENCE_ADAPTER::fromJson);
      return out;
    }
  }

  /** Reads {@code {"presenceDefinitions":[...]}}, and also a bare array of definitions. */
  private static final class PresenceDefinitionsAdapter
      extends ReadOnlyAdapter<List<VonagePresence>> {
    private static final JsonReader.Options NAMES = JsonReader.Options.of("presenceDefinitions");

    @Override
    public List<VonagePresence> fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
        return readArray(reader);
      }
      List<VonagePresence> out = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(NAMES) == 0) {
          out = Json.skipNull(reader) ? List.of() : readArray(reader);
        } else {
          Json.skipField(reader);
        }
      }
      reader.endObject();
      if (out == null) {
        throw Json.missing("presenceDefinitions", reader);
      }
      return out;
    }

    private static List<VonagePresence> readArray(JsonReader reader) throws IOException {
      List<VonagePresence> out = new ArrayList<>();
      Json.readArray(reader, out, PRESENCE_ADAPTER::fromJson);
      return List.copyOf(out);
    }
  }

  private static final class AvailabilitySummaryAdapter
      extends ReadOnlyAdapter<AvailabilitySummary> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of("presenceSummary", "availabilitySummary");

    @Override
    public AvailabilitySummary fromJson(JsonReader reader) throws IOException {
      Map<String, Integer> presence = new LinkedHashMap<>();
      Map<String, Integer> availability = new LinkedHashMap<>();
      boolean seen = false;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> {
            readCounts(reader, presence);
            seen = true;
          }
          case 1 -> {
            readCounts(reader, availability);
            seen = true;
          }
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (!seen) {
        throw Json.missing("presenceSummary", reader);
      }
      return new AvailabilitySummary(
          take(presence, "ready"),
          take(presence, "away"),
          take(presence, "extendedaway"),
          take(presence, "loggedout"),
          presence,
          take(availability, "available"),
          take(availability, "incompatiblepresence"),
          take(availability, "insufficientcapacity"),
          availability);
    }

    /** The keys this SDK reads counts from, without case and spaces. */
    private static final Set<String> KNOWN_COUNTS =
        Set.of(
            "ready",
            "away",
            "extendedaway",
            "loggedout",
            "available",
            "incompatiblepresence",
            "insufficientcapacity");

    /**
     * Reads a map of counts. A key this SDK knows must hold an integer; any other key whose value
     * is not an integer (an object, a fraction, a word) is skipped, so that something VCC adds
     * later cannot break the summary.
     */
    private static void readCounts(JsonReader reader, Map<String, Integer> into)
        throws IOException {
      if (Json.skipNull(reader)) {
        return;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String key = reader.nextName();
        boolean known = KNOWN_COUNTS.contains(CategoryType.normalize(key).toLowerCase(Locale.ROOT));
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.NULL) {
          reader.nextNull();
        } else if (known) {
          into.put(key, Json.nextIntLenient(reader, 0));
        } else if (token == JsonReader.Token.NUMBER || token == JsonReader.Token.STRING) {
          try {
            into.put(key, Json.nextIntLenient(reader, 0));
          } catch (JsonDataException notACount) {
            // The value was consumed; an unknown key without a count is left out.
          }
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
    }

    /**
     * Removes the count whose key, without case and spaces, is {@code normalizedKey}, and returns
     * it (0 if absent). What remains in {@code counts} are the keys this SDK does not know.
     */
    private static int take(Map<String, Integer> counts, String normalizedKey) {
      int value = 0;
      var it = counts.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Integer> entry = it.next();
        if (CategoryType.normalize(entry.getKey()).toLowerCase(Locale.ROOT).equals(normalizedKey)) {
          value = entry.getValue();
          it.remove();
        }
      }
      return value;
    }
  }
}
