package io.github.presencesdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Part of a bulk read failed. Nothing is lost: {@link #succeeded()} holds every id that was read
 * (found or unknown), and {@link #failures()} maps every other requested id to the exception that
 * prevented reading it. Together they cover each requested id exactly once.
 */
public final class PartialFailureException extends PresenceException {
  private static final long serialVersionUID = 1L;

  private final transient PresenceBatch<?> succeeded;
  private final transient Map<String, PresenceException> failures;

  /** Creates an exception from what succeeded and what failed. */
  public PartialFailureException(
      PresenceBatch<?> succeeded, Map<String, PresenceException> failures) {
    super(message(succeeded, failures), firstCause(failures));
    this.succeeded = succeeded;
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /** The ids that were read, with their presences or as unknown. */
  public PresenceBatch<?> succeeded() {
    return succeeded;
  }

  /**
   * The ids that were read, typed with the detail of the client that threw this exception, so that
   * code holding a vendor client needs no casts: {@code
   * e.succeeded(VonagePresence.class).presences()}.
   *
   * @throws IllegalArgumentException if a presence carries a detail of another type
   */
  @SuppressWarnings("unchecked")
  public <D extends PresenceDetail> PresenceBatch<D> succeeded(Class<D> detailType) {
    for (Presence<?> presence : succeeded.presences()) {
      if (!detailType.isInstance(presence.detail())) {
        throw new IllegalArgumentException(
            "the presences carry "
                + presence.detail().getClass().getName()
                + ", not "
                + detailType.getName());
      }
    }
    return (PresenceBatch<D>) succeeded;
  }

  /** The ids that could not be read, in request order, each with its cause. */
  public Map<String, PresenceException> failures() {
    return failures;
  }

  private static String message(
      PresenceBatch<?> succeeded, Map<String, PresenceException> failures) {
    PresenceException first = firstCause(failures);
    return failures.size()
        + " of "
        + (succeeded.size() + failures.size())
        + " ids could not be read"
        + (first == null ? "" : "; first failure: " + first.getMessage());
  }

  private static @org.jspecify.annotations.Nullable PresenceException firstCause(
      Map<String, PresenceException> failures) {
    return failures.isEmpty() ? null : failures.values().iterator().next();
  }
}
