package io.github.presencesdk.examples.cli;

import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.Registration;
import io.github.presencesdk.vonage.VonagePresence;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes results to standard output: aligned tables for people, or with {@code --json} one JSON
 * object per line for programs. Presence lines have the same keys for every vendor ({@code vendor},
 * {@code userId}, {@code state}, {@code vendorStatus}, {@code label}, {@code updatedAt}) and the
 * vendor's own fields under {@code detail}.
 */
final class Output {
  private final PrintStream out;
  private final boolean json;
  private final int width;

  /**
   * @param width the width tables are fitted to, in columns
   */
  Output(PrintStream out, boolean json, int width) {
    this.out = out;
    this.json = json;
    this.width = width;
  }

  boolean json() {
    return json;
  }

  /** Prints a line of text; in JSON mode, nothing. */
  void note(String text) {
    if (!json) {
      out.println(text);
    }
  }

  /** Prints one JSON object on one line. */
  void jsonLine(Json.Fields fields) {
    out.println(Json.line(fields));
  }

  /** Prints a table fitted to the width; with no rows, nothing. */
  void table(TextTable table) {
    if (table.isEmpty()) {
      return;
    }
    for (String line : table.lines(width, "")) {
      out.println(line);
    }
  }

  /** Prints the presences of a batch, then the ids the vendor does not know. */
  void presences(String vendor, PresenceBatch<?> batch) {
    presences(vendor, batch.presences(), List.copyOf(batch.unknownIds()));
  }

  /** Prints presences, then the ids the vendor does not know. */
  void presences(String vendor, List<? extends Presence<?>> presences, List<String> unknownIds) {
    if (json) {
      for (Presence<?> presence : presences) {
        jsonPresence(vendor, presence);
      }
      for (String id : unknownIds) {
        jsonLine(
            w ->
                w.name("vendor")
                    .value(vendor)
                    .name("userId")
                    .value(id)
                    .name("unknown")
                    .value(true));
      }
      return;
    }
    TextTable table =
        new TextTable("USER ID", "STATE", "VENDOR STATUS", "LABEL", "UPDATED", "DETAIL")
            .keep(0, 1)
            .cutFirst(5);
    for (Presence<?> presence : presences) {
      table.row(
          presence.userId(),
          presence.state().name(),
          vendorStatusText(presence),
          presence.label().orElse(""),
          presence.updatedAt().map(Instant::toString).orElse(""),
          detailText(presence.detail()));
    }
    table(table);
    if (!unknownIds.isEmpty()) {
      out.println(
          Text.count(unknownIds.size(), "id", "ids")
              + " not known to "
              + vendor
              + ": "
              + String.join(", ", unknownIds));
    }
  }

  /** Prints one presence. */
  void presence(String vendor, Presence<?> presence) {
    presences(vendor, List.of(presence), List.of());
  }

  /**
   * The vendor's status as a person reads it: VoipNow's status digit by its name, as {@code voipnow
   * list} shows it; the others as the vendor sends them.
   */
  static String vendorStatusText(Presence<?> presence) {
    if (presence.detail() instanceof ExtensionPresence extension) {
      return extension.status().name();
    }
    return presence.vendorStatus();
  }

  /** A short, vendor-specific note on a presence, for the table's last column. */
  static String detailText(PresenceDetail detail) {
    if (detail instanceof TalkdeskPresence talkdesk && talkdesk.isOccupied()) {
      return "occupancy "
          + talkdesk.occupancy()
          + ": "
          + talkdesk.interactions().stream()
              .map(i -> i.channelName() + " " + i.id())
              .collect(Collectors.joining(", "));
    }
    if (detail instanceof ExtensionPresence extension) {
      return registrationsText(extension);
    }
    return "";
  }

  static String registrationsText(ExtensionPresence extension) {
    int all = extension.registrations().size();
    if (all == 0) {
      return "no registration";
    }
    long live = extension.registrations().stream().filter(Registration::isLive).count();
    return Text.count(all, "registration", "registrations") + ", " + Text.number(live) + " live";
  }

  /** Prints a presence as one JSON line, with the keys every vendor's presence lines have. */
  void jsonPresence(String vendor, Presence<?> presence) {
    jsonLine(w -> writePresence(w, vendor, presence));
  }

  private static void writePresence(JsonWriter w, String vendor, Presence<?> presence)
      throws IOException {
    w.name("vendor").value(vendor);
    w.name("userId").value(presence.userId());
    w.name("state").value(presence.state().name());
    w.name("vendorStatus").value(presence.vendorStatus());
    w.name("label").value(presence.label().orElse(null));
    w.name("updatedAt").value(presence.updatedAt().map(Instant::toString).orElse(null));
    w.name("detail");
    writeDetail(w, presence.detail());
  }

  /** Writes a vendor's detail record as a JSON object. */
  static void writeDetail(JsonWriter w, PresenceDetail detail) throws IOException {
    w.beginObject();
    if (detail instanceof VonagePresence vcc) {
      writeDefinitionFields(w, vcc);
    } else if (detail instanceof TalkdeskPresence talkdesk) {
      w.name("status").value(talkdesk.rawStatus());
      w.name("customStatus").value(orNull(talkdesk.customStatus()));
      w.name("customStatusId").value(orNull(talkdesk.customStatusId()));
      w.name("occupancy").value(talkdesk.occupancy());
      w.name("interactions").beginArray();
      for (TalkdeskPresence.Interaction interaction : talkdesk.interactions()) {
        w.beginObject();
        w.name("id").value(interaction.id());
        w.name("channel").value(interaction.channelName());
        w.name("cost").value(interaction.cost());
        w.endObject();
      }
      w.endArray();
      w.name("updatedBy").value(orNull(talkdesk.updatedBy()));
    } else if (detail instanceof ExtensionPresence extension) {
      writeExtensionFields(w, extension);
    }
    w.endObject();
  }

  /** The fields of a VCC presence definition. */
  static void writeDefinitionFields(JsonWriter w, VonagePresence definition) throws IOException {
    w.name("presenceId").value(definition.presenceId());
    w.name("description").value(orNull(definition.description()));
    w.name("categoryType").value(definition.category().rawCategoryType());
    w.name("categoryDescription").value(orNull(definition.category().description()));
    w.name("subCategory").value(orNull(definition.category().subCategory()));
    w.name("selectable").value(definition.selectable());
  }

  /** The fields of a VoipNow extension entry. */
  static void writeExtensionFields(JsonWriter w, ExtensionPresence extension) throws IOException {
    w.name("extension").value(extension.extension());
    w.name("status").value(extension.status().name());
    w.name("rawStatus").value(extension.rawStatus());
    w.name("registrations").beginArray();
    for (Registration registration : extension.registrations()) {
      w.beginObject();
      w.name("agent").value(orNull(registration.agent()));
      w.name("state").value(registration.state().name());
      w.name("live").value(registration.isLive());
      w.name("expiresAt").value(registration.expiresAt().map(Instant::toString).orElse(null));
      w.endObject();
    }
    w.endArray();
  }

  private static @Nullable String orNull(Optional<String> value) {
    return value.orElse(null);
  }
}
