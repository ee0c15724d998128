package io.github.presencesdk.vonage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an availability summary ({@code POST /agents-availability}): the agents counted
 * are those tagged with every listed skill and belonging to the listed groups or queues.
 *
 * <p>Every id must be a GUID, and {@code groupGuids} and {@code queueGuids} cannot both be given
 * (VCC refuses the combination); both are checked when the request is created, so that a mistake is
 * an {@link IllegalArgumentException} before anything is sent. Empty lists are left out of the
 * request.
 *
 * @param skillGuids skills the agents must be tagged with
 * @param groupGuids groups the agents must belong to
 * @param queueGuids queues the agents must belong to
 * @param liveness the liveness of the interactions to count capacity for
 */
public record AvailabilitySummaryRequest(
    List<String> skillGuids, List<String> groupGuids, List<String> queueGuids, Liveness liveness) {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Checks and copies the lists.
   *
   * @throws IllegalArgumentException if a list or an id is null, an id is not a GUID, {@code
   *     groupGuids} and {@code queueGuids} are both non-empty, or {@code liveness} is null
   */
  public AvailabilitySummaryRequest {
    skillGuids = guids(skillGuids, "skillGuids");
    groupGuids = guids(groupGuids, "groupGuids");
    queueGuids = guids(queueGuids, "queueGuids");
    if (!groupGuids.isEmpty() && !queueGuids.isEmpty()) {
      throw new IllegalArgumentException(
          "groupGuids and queueGuids cannot be used together; give one of them");
    }
    if (liveness == null) {
      throw new IllegalArgumentException("liveness must not be null");
    }
  }

  /** Returns a builder with no filters and {@link Liveness#LIVE}. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> guids(@Nullable Collection<String> ids, String name) {
    if (ids == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    List<String> copy = new ArrayList<>(ids.size());
    int index = 0;
    for (String id : ids) {
      if (id == null) {
        throw new IllegalArgumentException(name + "[" + index + "] must not be null");
      }
      if (!GUID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            name
                + "["
                + index
                + "] must be a GUID such as 457857dc-19eb-4eb9-b562-c90ca37de447, was \""
                + abbreviate(id)
                + "\"");
      }
      copy.add(id);
      index++;
    }
    return List.copyOf(copy);
  }

  private static String abbreviate(String id) {
    return id.length() <= 60 ? id : id.substring(0, 60) + "...";
  }

  /**
   * Builds an {@link AvailabilitySummaryRequest}. Each setter replaces the list set before and
   * checks its ids at once; {@link #build()} checks the combination. Not thread-safe.
   */
  public static final class Builder {
    private List<String> skillGuids = List.of();
    private List<String> groupGuids = List.of();
    private List<String> queueGuids = List.of();
    private Liveness liveness = Liveness.LIVE;

    private Builder() {}

    /** Sets the skills the agents must be tagged with. */
    public Builder skillGuids(String... skillGuids) {
      return skillGuids(asList(skillGuids, "skillGuids"));
    }

    /** Sets the skills the agents must be tagged with. */
    public Builder skillGuids(Collection<String> skillGuids) {
      this.skillGuids = guids(skillGuids, "skillGuids");
      return this;
    }

    /** Sets the groups the agents must belong to; cannot be combined with queues. */
    public Builder groupGuids(String... groupGuids) {
      return groupGuids(asList(groupGuids, "groupGuids"));
    }

    /** Sets the groups the agents must belong to; cannot be combined with queues. */
    public Builder groupGuids(Collection<String> groupGuids) {
      this.groupGuids = guids(groupGuids, "groupGuids");
      return this;
    }

    /** Sets the queues the agents must belong to; cannot be combined with groups. */
    public Builder queueGuids(String... queueGuids) {
      return queueGuids(asList(queueGuids, "queueGuids"));
    }

    /** Sets the queues the agents must belong to; cannot be combined with groups. */
    public Builder queueGuids(Collection<String> queueGuids) {
      this.queueGuids = guids(queueGuids, "queueGuids");
      return this;
    }

    /**
     * Sets the liveness of the interactions to count capacity for; default {@link Liveness#LIVE}.
     */
    public Builder liveness(Liveness liveness) {
      if (liveness == null) {
        throw new IllegalArgumentException("liveness must not be null");
      }
      this.liveness = liveness;
      return this;
    }

    /**
     * Creates the request.
     *
     * @throws IllegalArgumentException if both groups and queues are set
     */
    public AvailabilitySummaryRequest build() {
      return new AvailabilitySummaryRequest(skillGuids, groupGuids, queueGuids, liveness);
    }

    private static List<String> asList(String @Nullable [] ids, String name) {
      if (ids == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return Arrays.asList(ids);
    }
  }
}
