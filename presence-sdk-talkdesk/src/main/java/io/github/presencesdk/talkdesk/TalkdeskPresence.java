package io.github.presencesdk.talkdesk;

import io.github.presencesdk.PresenceDetail;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The presence of one Talkdesk user, with everything the Presence API reports: status and custom
 * status, occupancy, channels, devices and ongoing interactions. It is the detail of every {@link
 * io.github.presencesdk.Presence} a {@link TalkdeskClient} returns.
 *
 * <p>Fields Talkdesk leaves out are empty ({@link Optional#empty()}, an empty list, or 0 for
 * occupancy) rather than failing the read. A left-out field says nothing, though: an {@code
 * available} user whose answer holds neither {@code occupancy} nor {@code interactions} ({@link
 * #workloadSent()} false) may be busy, so its state is {@link
 * io.github.presencesdk.PresenceState#UNKNOWN}, not available.
 *
 * @param id the id of the presence event
 * @param userId the user the presence belongs to, when Talkdesk echoes it
 * @param accountId the account of the user
 * @param status the status, {@link TalkdeskStatus#UNKNOWN} for a value this SDK does not know
 * @param rawStatus the status exactly as Talkdesk sent it
 * @param customStatus the name of the user's current custom status
 * @param customStatusId the id of the user's current custom status
 * @param occupancy the user's occupancy level (0 when not sent)
 * @param channels the channels of the user, each with its devices and occupancy
 * @param devices the devices available to the user
 * @param interactions the ongoing interactions of the user
 * @param updatedBy who or what made the last update
 * @param updatedAt when the status last changed
 * @param selfLink the URI of this presence resource ({@code _links.self})
 * @param workloadSent whether the answer held {@code occupancy} or {@code interactions}, which tell
 *     an available user from a busy one
 */
public record TalkdeskPresence(
    Optional<String> id,
    Optional<String> userId,
    Optional<String> accountId,
    TalkdeskStatus status,
    String rawStatus,
    Optional<String> customStatus,
    Optional<String> customStatusId,
    int occupancy,
    List<Channel> channels,
    List<Device> devices,
    List<Interaction> interactions,
    Optional<String> updatedBy,
    Optional<Instant> updatedAt,
    Optional<String> selfLink,
    boolean workloadSent)
    implements PresenceDetail {

  /** Copies the lists and checks that no component is null. */
  public TalkdeskPresence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(customStatus, "customStatus");
    Objects.requireNonNull(customStatusId, "customStatusId");
    channels = List.copyOf(channels);
    devices = List.copyOf(devices);
    interactions = List.copyOf(interactions);
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(selfLink, "selfLink");
  }

  /** A presence whose answer held its occupancy or its interactions (or both). */
  public TalkdeskPresence(
      Optional<String> id,
      Optional<String> userId,
      Optional<String> accountId,
      TalkdeskStatus status,
      String rawStatus,
      Optional<String> customStatus,
      Optional<String> customStatusId,
      int occupancy,
      List<Channel> channels,
      List<Device> devices,
      List<Interaction> interactions,
      Optional<String> updatedBy,
      Optional<Instant> updatedAt,
      Optional<String> selfLink) {
    this(
        id,
        userId,
        accountId,
        status,
        rawStatus,
        customStatus,
        customStatusId,
        occupancy,
        channels,
        devices,
        interactions,
        updatedBy,
        updatedAt,
        selfLink,
        true);
  }

  /**
   * Returns true if the user has ongoing interactions or an occupancy above 0; an {@code available}
   * user who is occupied is reported as {@link io.github.presencesdk.PresenceState#BUSY}.
   */
  public boolean isOccupied() {
    return !interactions.isEmpty() || occupancy > 0;
  }

  /**
   * A channel of the user.
   *
   * @param name the channel name
   * @param devices the ids of the devices that belong to the channel
   * @param occupancy the channel's occupancy level, when Talkdesk sends it
   */
  public record Channel(String name, List<String> devices, OptionalInt occupancy) {

    /** Copies the list and checks that no component is null. */
    public Channel {
      Objects.requireNonNull(name, "name");
      devices = List.copyOf(devices);
      Objects.requireNonNull(occupancy, "occupancy");
    }
  }

  /**
   * A device available to the user.
   *
   * @param id the device id
   */
  public record Device(String id) {

    /** Checks that no component is null. */
    public Device {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * An ongoing interaction of the user.
   *
   * @param id the interaction id
   * @param channelName the channel the interaction runs on
   * @param deviceId the device it runs on, when Talkdesk says
   * @param cost how much of the user's capacity it takes (0 when not sent)
   */
  public record Interaction(String id, String channelName, Optional<String> deviceId, int cost) {

    /** Checks that no component is null. */
    public Interaction {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(channelName, "channelName");
      Objects.requireNonNull(deviceId, "deviceId");
    }
  }
}
