package io.github.presencesdk.talkdesk;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.presencesdk.internal.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written adapters for the Talkdesk Presence API bodies. Unknown fields are skipped, numbers
 * may arrive as strings, and absent optional fields become empty values. Thread-safe.
 */
final class TalkdeskJson {
  private TalkdeskJson() {}

  /**
   * The fields of a presence, in the order the presence adapter numbers them; declared before the
   * adapters, which read it when they are created.
   */
  private static final String[] PRESENCE_FIELDS = {
    "id",
    "user_id",
    "account_id",
    "status",
    "custom_status",
    "custom_status_id",
    "occupancy",
    "channels",
    "devices",
    "interactions",
    "updated_by",
    "updated_at",
    "_links"
  };

  /**
   * Keys that a presence has and neither the update request nor an acknowledgement of it would:
   * {@code status}, {@code custom_status_id} and {@code id} alone could be an echo of the request
   * or an acknowledgement such as {@code {"id":"...","status":"ok"}}.
   */
  static final Set<String> PRESENCE_ONLY_KEYS = presenceOnlyKeys();

  private static Set<String> presenceOnlyKeys() {
    Set<String> keys = new HashSet<>(Arrays.asList(PRESENCE_FIELDS));
    keys.removeAll(Set.of("id", "status", "custom_status", "custom_status_id"));
    return Set.copyOf(keys);
  }

  /** Reads {@code GET /users/{id}/presence}. */
  static final JsonAdapter<TalkdeskPresence> PRESENCE = new PresenceAdapter();

  /** Reads {@code GET /account/custom-status}. */
  static final JsonAdapter<List<TalkdeskCustomStatus>> CUSTOM_STATUSES =
      new CustomStatusListAdapter();

  /** Writes the body of {@code PUT /users/{id}/presence/status}. */
  static String statusUpdate(TalkdeskStatus status, @Nullable String customStatusId) {
    return Json.write(
        writer -> {
          writer.beginObject();
          writer.name("status").value(status.wireValue());
          if (customStatusId != null) {
            writer.name("custom_status_id").value(customStatusId);
          }
          writer.endObject();
        });
  }

  private static final class PresenceAdapter extends Json.ReadOnlyAdapter<TalkdeskPresence> {
    private static final JsonReader.Options NAMES = JsonReader.Options.of(PRESENCE_FIELDS);

    @Override
    public TalkdeskPresence fromJson(JsonReader reader) throws IOException {
      String id = null;
      String userId = null;
      String accountId = null;
      String status = null;
      String customStatus = null;
      String customStatusId = null;
      int occupancy = 0;
      boolean workloadSent = false;
      List<TalkdeskPresence.Channel> channels = List.of();
      List<TalkdeskPresence.Device> devices = List.of();
      List<TalkdeskPresence.Interaction> interactions = List.of();
      String updatedBy = null;
      Instant updatedAt = null;
      String self = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> id = Json.nextStringOrNull(reader);
          case 1 -> userId = Json.nextStringOrNull(reader);
          case 2 -> accountId = Json.nextStringOrNull(reader);
          case 3 -> status = Json.nextStringOrNull(reader);
          case 4 -> customStatus = Json.nextStringOrNull(reader);
          case 5 -> customStatusId = Json.nextStringOrNull(reader);
          case 6 -> {
            workloadSent |= reader.peek() != JsonReader.Token.NULL;
            occupancy = Json.nextIntLenient(reader, 0);
          }
          case 7 -> channels = Json.nextList(reader, PresenceAdapter::readChannel);
          case 8 -> devices = Json.nextList(reader, PresenceAdapter::readDevice);
          case 9 -> {
            workloadSent |= reader.peek() != JsonReader.Token.NULL;
            interactions = Json.nextList(reader, PresenceAdapter::readInteraction);
          }
          case 10 -> updatedBy = Json.nextStringOrNull(reader);
          case 11 -> updatedAt = Json.nextInstantOrNull(reader);
          case 12 -> self = readSelfLink(reader);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (status == null) {
        throw Json.missing("status", reader);
      }
      return new TalkdeskPresence(
          nonBlank(id),
          nonBlank(userId),
          nonBlank(accountId),
          TalkdeskStatus.fromWireValue(status),
          status,
          nonBlank(customStatus),
          nonBlank(customStatusId),
          occupancy,
          channels,
          devices,
          interactions,
          nonBlank(updatedBy),
          Optional.ofNullable(updatedAt),
          nonBlank(self),
          workloadSent);
    }

    private static final JsonReader.Options CHANNEL_NAMES =
        JsonReader.Options.of("name", "devices", "occupancy");

    private static TalkdeskPresence.Channel readChannel(JsonReader reader) throws IOException {
      String name = null;
      List<String> devices = List.of();
      OptionalInt occupancy = OptionalInt.empty();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(CHANNEL_NAMES)) {
          case 0 -> name = Json.nextStringOrNull(reader);
          case 1 -> devices = Json.nextStringList(reader);
          case 2 -> {
            if (reader.peek() == JsonReader.Token.NULL) {
              reader.nextNull();
            } else {
              occupancy = OptionalInt.of(Json.nextIntLenient(reader, 0));
            }
          }
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (name == null) {
        throw Json.missing("name", reader);
      }
      return new TalkdeskPresence.Channel(name, devices, occupancy);
    }

    private static final JsonReader.Options DEVICE_NAMES = JsonReader.Options.of("id");

    private static TalkdeskPresence.Device readDevice(JsonReader reader) throws IOException {
      // Documented as objects with an id; a bare id string is accepted as well.
      if (reader.peek() == JsonReader.Token.STRING) {
        return new TalkdeskPresence.Device(reader.nextString());
      }
      String id = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(DEVICE_NAMES) == 0) {
          id = Json.nextStringOrNull(reader);
        } else {
          Json.skipField(reader);
        }
      }
      reader.endObject();
      if (id == null) {
        throw Json.missing("id", reader);
      }
      return new TalkdeskPresence.Device(id);
    }

    private static final JsonReader.Options INTERACTION_NAMES =
        JsonReader.Options.of("id", "channel_name", "device_id", "cost");

    private static TalkdeskPresence.Interaction readInteraction(JsonReader reader)
        throws IOException {
      String id = null;
      String channelName = null;
      String deviceId = null;
      int cost = 0;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(INTERACTION_NAMES)) {
          case 0 -> id = Json.nextStringOrNull(reader);
          case 1 -> channelName = Json.nextStringOrNull(reader);
          case 2 -> deviceId = Json.nextStringOrNull(reader);
          case 3 -> cost = Json.nextIntLenient(reader, 0);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (id == null) {
        throw Json.missing("id", reader);
      }
      if (channelName == null) {
        throw Json.missing("channel_name", reader);
      }
      return new TalkdeskPresence.Interaction(id, channelName, nonBlank(deviceId), cost);
    }

    private static final JsonReader.Options LINKS_NAMES = JsonReader.Options.of("self");
    private static final JsonReader.Options LINK_NAMES = JsonReader.Options.of("href");

    /** Reads {@code _links} and returns {@code self.href} (or {@code self} given as a string). */
    private static @Nullable String readSelfLink(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        return null;
      }
      String self = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(LINKS_NAMES) == 0) {
          self = readHref(reader);
        } else {
          Json.skipField(reader);
        }
      }
      reader.endObject();
      return self;
    }

    private static @Nullable String readHref(JsonReader reader) throws IOException {
      return switch (reader.peek()) {
        case STRING -> reader.nextString();
        case BEGIN_OBJECT -> {
          String href = null;
          reader.beginObject();
          while (reader.hasNext()) {
            if (reader.selectName(LINK_NAMES) == 0) {
              href = Json.nextStringOrNull(reader);
            } else {
              Json.skipField(reader);
            }
          }
          reader.endObject();
          yield href;
        }
        default -> {
          reader.skipValue();
          yield null;
        }
      };
    }
  }

  private static final class CustomStatusListAdapter
      extends Json.ReadOnlyAdapter<List<TalkdeskCustomStatus>> {
    private static final JsonReader.Options NAMES = JsonReader.Options.of("custom_status");
    private static final JsonReader.Options ITEM_NAMES =
        JsonReader.Options.of("id", "display_name");

    @Override
    public List<TalkdeskCustomStatus> fromJson(JsonReader reader) throws IOException {
      List<TalkdeskCustomStatus> statuses = List.of();
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(NAMES) == 0) {
          statuses = Json.nextList(reader, CustomStatusListAdapter::readItem);
        } else {
          Json.skipField(reader);
        }
      }
      reader.endObject();
      return statuses;
    }

    private static TalkdeskCustomStatus readItem(JsonReader reader) throws IOException {
      String id = null;
      String displayName = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(ITEM_NAMES)) {
          case 0 -> id = Json.nextStringOrNull(reader);
          case 1 -> displayName = Json.nextStringOrNull(reader);
          default -> Json.skipField(reader);
        }
      }
      reader.endObject();
      if (id == null) {
        throw Json.missing("id", reader);
      }
      return new TalkdeskCustomStatus(id, nonBlank(displayName));
    }
  }

  private static Optional<String> nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
