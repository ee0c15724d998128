package io.github.presencesdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a bulk presence read: every requested id, once, in the order of its first
 * appearance, and for each id either its presence or the fact that the vendor does not know it.
 *
 * <p>Every id the caller asked for is in exactly one of {@link #presences()} and {@link
 * #unknownIds()}. When part of a read fails, the client throws a {@link PartialFailureException}
 * instead, which carries the batch of ids that did succeed and the failures of the others.
 *
 * <p>{@link #responses()} holds the metadata of the vendor's responses the batch was read from (the
 * request ids and headers), one per request.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param <D> the vendor detail type
 */
public final class PresenceBatch<D extends PresenceDetail> {
  private final List<String> requestedIds;
  private final Map<String, Presence<D>> presences;
  private final Set<String> unknownIds;
  private final List<ResponseMetadata> responses;

  private PresenceBatch(
      List<String> requestedIds,
      Map<String, Presence<D>> presences,
      Set<String> unknownIds,
      List<ResponseMetadata> responses) {
    this.requestedIds = requestedIds;
    this.presences = presences;
    this.unknownIds = unknownIds;
    this.responses = responses;
  }

  /**
   * Creates a batch. {@code requestedIds} must be free of duplicates; each must be a key of {@code
   * presences} or an element of {@code unknownIds}, and nothing else may appear in either.
   *
   * @throws IllegalArgumentException if an id is missing, repeated or unexpected
   */
  public static <D extends PresenceDetail> PresenceBatch<D> of(
      List<String> requestedIds, Map<String, Presence<D>> presences, Set<String> unknownIds) {
    return of(requestedIds, presences, unknownIds, List.of());
  }

  /**
   * Creates a batch like {@link #of(List, Map, Set)}, read from the vendor's {@code responses}.
   *
   * @param responses the metadata of the responses the batch was read from, in request order
   * @throws IllegalArgumentException if an id is missing, repeated or unexpected
   */
  public static <D extends PresenceDetail> PresenceBatch<D> of(
      List<String> requestedIds,
      Map<String, Presence<D>> presences,
      Set<String> unknownIds,
      List<ResponseMetadata> responses) {
    Set<String> seen = new LinkedHashSet<>(requestedIds);
    if (seen.size() != requestedIds.size()) {
      throw new IllegalArgumentException("requestedIds contains duplicates");
    }
    Map<String, Presence<D>> ordered = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String id : requestedIds) {
      Presence<D> presence = presences.get(id);
      boolean isUnknown = unknownIds.contains(id);
      if ((presence == null) == !isUnknown) {
        throw new IllegalArgumentException(
            "id " + id + " must be either a presence or unknown, exactly once");
      }
      if (presence != null) {
        ordered.put(id, presence);
      } else {
        unknown.add(id);
      }
    }
    if (ordered.size() != presences.size() || unknown.size() != unknownIds.size()) {
      throw new IllegalArgumentException(
          "presences or unknownIds hold ids that were not requested");
    }
    return new PresenceBatch<>(
        List.copyOf(requestedIds),
        Collections.unmodifiableMap(ordered),
        Collections.unmodifiableSet(unknown),
        List.copyOf(responses));
  }

  /** Returns an empty batch, the answer to a read of no ids. */
  public static <D extends PresenceDetail> PresenceBatch<D> empty() {
    return new PresenceBatch<>(List.of(), Map.of(), Set.of(), List.of());
  }

  /** The ids that were read, deduplicated, in the order of their first appearance. */
  public List<String> requestedIds() {
    return requestedIds;
  }

  /** The presences of the ids the vendor knows, in request order. */
  public List<Presence<D>> presences() {
    return new ArrayList<>(presences.values());
  }

  /** The presences keyed by user id, iterating in request order. */
  public Map<String, Presence<D>> asMap() {
    return presences;
  }

  /** The presence of {@code userId}, or empty if it is unknown or was not requested. */
  public Optional<Presence<D>> presence(String userId) {
    return Optional.ofNullable(presences.get(userId));
  }

  /** The ids the vendor does not know (or did not report), in request order. */
  public Set<String> unknownIds() {
    return unknownIds;
  }

  /**
   * The metadata of the vendor's successful responses this batch was read from, one per request in
   * the order of the requests (not of their answers): their status, request id and headers (without
   * any that could carry credentials). An id the vendor answers with an error that means "unknown"
   * (a Talkdesk 404) adds none. Empty for a batch of no ids, and for one created without them. When
   * part of a read fails, {@link PartialFailureException#succeeded()} holds those of the requests
   * that succeeded, and each failure carries its own on its exception.
   */
  public List<ResponseMetadata> responses() {
    return responses;
  }

  /** The number of ids read. */
  public int size() {
    return requestedIds.size();
  }

  @Override
  public String toString() {
    return "PresenceBatch{requested="
        + requestedIds.size()
        + ", found="
        + presences.size()
        + ", unknown="
        + unknownIds
        + '}';
  }
}
