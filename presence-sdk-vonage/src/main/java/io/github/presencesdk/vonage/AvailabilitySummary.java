package io.github.presencesdk.vonage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code POST /agents-availability}: how many of the agents matching the filters are
 * in each presence category ({@code presenceSummary}) and how many can actually take a new
 * interaction ({@code availabilitySummary}).
 *
 * <p>Counts VCC did not send are 0. Keys this SDK does not know are kept, with their counts, in
 * {@link #otherPresenceCounts()} and {@link #otherAvailabilityCounts()}. Both the current keys
 * ({@code "ExtendedAway"}, {@code "LoggedOut"}) and the older ones with spaces ({@code "Extended
 * Away"}, {@code "Logged Out"}) are read.
 *
 * @param ready agents whose presence is in the {@code Ready} category
 * @param away agents whose presence is in the {@code Away} category
 * @param extendedAway agents whose presence is in the {@code ExtendedAway} category
 * @param loggedOut agents whose presence is in the {@code LoggedOut} category
 * @param otherPresenceCounts any other {@code presenceSummary} counts, by VCC's key, in answer
 *     order
 * @param available agents available to handle a new interaction
 * @param incompatiblePresence agents whose presence does not allow new interactions
 * @param insufficientCapacity agents without capacity for a new interaction of the requested
 *     liveness
 * @param otherAvailabilityCounts any other {@code availabilitySummary} counts, by VCC's key, in
 *     answer order
 */
public record AvailabilitySummary(
    int ready,
    int away,
    int extendedAway,
    int loggedOut,
    Map<String, Integer> otherPresenceCounts,
    int available,
    int incompatiblePresence,
    int insufficientCapacity,
    Map<String, Integer> otherAvailabilityCounts) {

  /** Copies the maps, keeping their order. */
  public AvailabilitySummary {
    otherPresenceCounts = Collections.unmodifiableMap(new LinkedHashMap<>(otherPresenceCounts));
    otherAvailabilityCounts =
        Collections.unmodifiableMap(new LinkedHashMap<>(otherAvailabilityCounts));
  }
}
