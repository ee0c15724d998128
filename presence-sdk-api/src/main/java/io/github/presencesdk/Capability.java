package io.github.presencesdk;

/**
 * An optional operation that some vendor clients offer beyond the {@link PresenceClient} reads.
 *
 * <p>Vendor-neutral code asks {@link PresenceClient#supports(Capability)} before it offers a
 * feature; code that holds a vendor client calls the operation on it directly.
 */
public enum Capability {
  /** Many users are read with fewer requests than users (a native bulk read). */
  BULK_READ,
  /** The presence of a user can be set to one of the account's presence definitions. */
  SET_PRESENCE,
  /** The account's presence definitions can be listed. */
  PRESENCE_DEFINITIONS,
  /** Aggregated availability counts can be read. */
  AVAILABILITY_SUMMARY,
  /** A user's status can be changed to one of a fixed set of statuses. */
  UPDATE_STATUS,
  /** The account's custom statuses can be listed. */
  CUSTOM_STATUSES,
  /** Presence can be listed page by page with filters. */
  PAGED_LISTING
}
