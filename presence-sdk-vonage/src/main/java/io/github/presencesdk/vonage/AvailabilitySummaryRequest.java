package io.github.presencesdk.vonage;

import io.github.presencesdk.internal.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an availability summary ({@code POST /agents-availability}): the agents counted
 * are those tagged with every listed skill and belonging to the listed groups or queues.
 *
 * <p>Every id must be a GUID, and {@code groupGuids} and {@code queueGuids} cannot both be given
 * (VCC refuses the combination); both are checked when the request is created, so that a mistake is
 * an {@link IllegalArgumentException} before anything is sent. Empty lists are left out of the
 * request, and so is {@code liveness} when none was set; a liveness that was set, {@link
 * Liveness#LIVE} included, is sent.
 *
 * @param skillGuids skills the agents must be tagged with
 * @param groupGuids groups the agents must belong to
 * @param queueGuids queues the agents must belong to
 * @param requestedLiveness the liveness to send, or empty to send none (see {@link #liveness()})
 */
public record AvailabilitySummaryRequest(
    List<String> skillGuids,
    List<String> groupGuids,
    List<String> queueGuids,
    Optional<Liveness> requestedLiveness) {

  /**
   * Checks and copies the lists.
   *
   * @throws IllegalArgumentException if a list or an id is null, an id is not a GUID, {@code
   *     groupGuids} and {@code queueGuids} are both non-empty, or {@code requestedLiveness} is null
   */
  public AvailabilitySummaryRequest {
    skillGuids = guids(skillGuids, "skillGuids");
    groupGuids = guids(groupGuids, "groupGuids");
    queueGuids = guids(queueGuids, "queueGuids");
    if (!groupGuids.isEmpty() && !queueGuids.isEmpty()) {
      throw new IllegalArgumentException(
          "groupGuids and queueGuids cannot be used together; give one of them");
    }
    if (requestedLiveness == null) {
      throw new IllegalArgumentException(
          "requestedLiveness must not be null; Optional.empty() sends no liveness");
    }
  }

  /**
   * A request that sends {@code liveness}, whichever it is.
   *
   * @throws IllegalArgumentException as the canonical constructor does, or if {@code liveness} is
   *     null
   */
  public AvailabilitySummaryRequest(
      List<String> skillGuids,
      List<String> groupGuids,
      List<String> queueGuids,
      Liveness liveness) {
    this(skillGuids, groupGuids, queueGuids, Optional.of(requireLiveness(liveness)));
  }

  /**
   * The liveness the summary counts capacity for: the one set, or {@link Liveness#LIVE} when none
   * was. VCC's example for live interactions sends no {@code liveness}, so live is taken to be its
   * default (an inference: no VCC page states it); {@link #requestedLiveness()} says whether the
   * field is sent.
   */
  public Liveness liveness() {
    return requestedLiveness.orElse(Liveness.LIVE);
  }

  private static Liveness requireLiveness(@Nullable Liveness liveness) {
    if (liveness == null) {
      throw new IllegalArgumentException("liveness must not be null");
    }
    return liveness;
  }

  /** Returns a builder with no filters and no liveness (none is sent; VCC then counts live). */
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
      if (!Guids.isGuid(id)) {
        throw new IllegalArgumentException(
            name
                + "["
                + index
                + "] must be a GUID such as 457857dc-19eb-4eb9-b562-c90ca37de447, was \""
                + Text.abbreviate(id, 60)
                + "\"");
      }
      copy.add(id);
      index++;
    }
    return List.copyOf(copy);
  }

  /**
   * Builds an {@link AvailabilitySummaryRequest}. Each setter replaces the list set before and
   * checks its ids at once; {@link #build()} checks the combination. Not thread-safe.
   */
  public static final class Builder {
    private List<String> skillGuids = List.of();
    private List<String> groupGuids = List.of();
    private List<String> queueGuids = List.of();
    private @Nullable Liveness liveness;

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
     * Sets the liveness of the interactions to count capacity for; it is sent as {@code liveness},
     * {@link Liveness#LIVE} as {@code "live"}. Without it no {@code liveness} is sent, as in VCC's
     * example for live interactions.
     */
    public Builder liveness(Liveness liveness) {
      this.liveness = requireLiveness(liveness);
      return this;
    }

    /**
     * Creates the request.
     *
     * @throws IllegalArgumentException if both groups and queues are set
     */
    public AvailabilitySummaryRequest build() {
      return new AvailabilitySummaryRequest(
          skillGuids, groupGuids, queueGuids, Optional.ofNullable(liveness));
    }

    private static List<String> asList(String @Nullable [] ids, String name) {
      if (ids == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return Arrays.asList(ids);
    }
  }
}
