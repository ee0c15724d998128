package io.github.presencesdk.voipnow;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.presencesdk.internal.Json;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written adapters for the presence listing. Numbers may arrive as numbers or as strings;
 * unknown fields are skipped; a single object where an array is expected is read as an array of
 * one.
 */
final class PresenceJson {
  private static final JsonReader.Options PAGE_NAMES =
      JsonReader.Options.of(
          "startIndex", "totalResults", "itemsPerPage", "filtered", "sorted", "entry");
  private static final JsonReader.Options ENTRY_NAMES =
      JsonReader.Options.of("extension", "status", "registration");
  private static final JsonReader.Options REGISTRATION_NAMES =
      JsonReader.Options.of("agent", "registration", "status", "expire");

  private PresenceJson() {}

  /** Reads a 200 body of the listing; {@code status} is recorded in the result. */
  static JsonAdapter<PageBody> pageAdapter(int status) {
    return Json.readOnly(reader -> readPage(reader, status));
  }

  static PageBody readPage(JsonReader reader, int status) throws IOException {
    int startIndex = PageBody.ABSENT;
    Integer totalResults = null;
    int itemsPerPage = 0;
    boolean filtered = false;
    boolean sorted = false;
    List<ExtensionPresence> entries = new ArrayList<>();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAGE_NAMES)) {
        case 0 -> startIndex = Json.nextIntLenient(reader, PageBody.ABSENT);
        case 1 -> totalResults = Json.nextIntLenient(reader, 0);
        case 2 -> itemsPerPage = Json.nextIntLenient(reader, 0);
        case 3 -> filtered = Json.nextBooleanLenient(reader, false);
        case 4 -> sorted = Json.nextBooleanLenient(reader, false);
        case 5 -> Json.readArrayOrSingle(reader, entries, PresenceJson::readEntry);
        default -> Json.skipField(reader);
      }
    }
    reader.endObject();
    if (totalResults == null) {
      // Paging depends on it: without it the end of the listing cannot be told.
      throw Json.missing("totalResults", reader);
    }
    if (startIndex < PageBody.ABSENT || totalResults < 0 || itemsPerPage < 0) {
      throw new JsonDataException(
          "negative startIndex, totalResults or itemsPerPage at " + reader.getPath());
    }
    return new PageBody(status, startIndex, totalResults, itemsPerPage, filtered, sorted, entries);
  }

  private static ExtensionPresence readEntry(JsonReader reader) throws IOException {
    String extension = null;
    String rawStatus = "";
    List<Registration> registrations = new ArrayList<>();
    boolean registrationsSent = false;
    String path = reader.getPath();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(ENTRY_NAMES)) {
        case 0 -> extension = Json.nextStringOrNull(reader);
        case 1 -> rawStatus = orEmpty(scalarOrNull(reader));
        case 2 -> {
          // null says no more than a missing field; an empty list says "no registration".
          registrationsSent = reader.peek() != JsonReader.Token.NULL;
          Json.readArrayOrSingle(reader, registrations, PresenceJson::readRegistration);
        }
        default -> Json.skipField(reader);
      }
    }
    reader.endObject();
    if (extension == null || extension.isBlank()) {
      throw new JsonDataException("Required field 'extension' missing at " + path);
    }
    ExtensionStatus status =
        rawStatus.isEmpty() ? ExtensionStatus.UNKNOWN : ExtensionStatus.fromWire(rawStatus);
    return new ExtensionPresence(extension, status, rawStatus, registrations, registrationsSent);
  }

  private static Registration readRegistration(JsonReader reader) throws IOException {
    String agent = null;
    String rawState = "";
    String status = null;
    Instant expiresAt = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(REGISTRATION_NAMES)) {
        case 0 -> agent = scalarOrNull(reader);
        case 1 -> rawState = orEmpty(scalarOrNull(reader));
        case 2 -> status = scalarOrNull(reader);
        case 3 -> expiresAt = parseExpiry(scalarOrNull(reader));
        default -> Json.skipField(reader);
      }
    }
    reader.endObject();
    RegistrationState state =
        rawState.isEmpty() ? RegistrationState.UNKNOWN : RegistrationState.fromWire(rawState);
    return new Registration(
        Optional.ofNullable(agent),
        state,
        rawState,
        Optional.ofNullable(status),
        Optional.ofNullable(expiresAt));
  }

  /**
   * Parses an expiry such as {@code 2011-02-10T15:10:55Z}, with any offset, without one (UTC), or
   * with a space instead of {@code T}. A value that is not a date (such as the zero date some
   * servers send for "never") gives null rather than failing the whole listing.
   */
  static @Nullable Instant parseExpiry(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    try {
      return Json.parseInstant(trimmed);
    } catch (DateTimeException e) {
      try {
        return Json.parseInstant(trimmed.replace(' ', 'T'));
      } catch (DateTimeException again) {
        return null;
      }
    }
  }

  /** A string, number or boolean as text; null, objects and arrays give null. */
  private static @Nullable String scalarOrNull(JsonReader reader) throws IOException {
    String value = Json.nextScalarOrNull(reader);
    return value == null ? null : value.trim();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
