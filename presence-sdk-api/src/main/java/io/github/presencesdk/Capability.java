package io.github.presencesdk;

/**
 * An optional operation that some vendor clients offer beyond the {@link PresenceClient} reads.
 *
 * <p>Each constant names what a caller can do, whatever the vendor calls it, so vendor-neutral code
 * can ask {@link PresenceClient#supports(Capability)} before it offers a feature; code that holds a
 * vendor client calls the operation on it directly, with the vendor's precise types.
 *
 * <table>
 *   <caption>Which client offers what</caption>
 *   <tr><th>capability</th><th>Vonage Contact Center</th><th>Talkdesk</th><th>VoipNow</th></tr>
 *   <tr><td>{@link #BULK_READ}</td><td>yes, 50 users a request</td><td>no</td>
 *       <td>yes, extensions a request</td></tr>
 *   <tr><td>{@link #SET_PRESENCE}</td><td>{@code setPresence}, to a presence definition</td>
 *       <td>{@code updateStatus}, to a status or custom status</td><td>no</td></tr>
 *   <tr><td>{@link #LIST_STATUSES}</td><td>{@code presenceDefinitions}</td>
 *       <td>{@code customStatuses}</td><td>no</td></tr>
 *   <tr><td>{@link #AVAILABILITY_SUMMARY}</td><td>{@code availabilitySummary}</td><td>no</td>
 *       <td>no</td></tr>
 *   <tr><td>{@link #PAGED_LISTING}</td><td>no</td><td>no</td><td>{@code list}</td></tr>
 * </table>
 */
public enum Capability {
  /** Many users are read with fewer requests than users (a native bulk read). */
  BULK_READ,
  /**
   * A user's presence can be changed: to one of the account's presence definitions (Vonage Contact
   * Center) or to a status, optionally a custom one (Talkdesk).
   */
  SET_PRESENCE,
  /**
   * The statuses an account defines for its users can be listed: presence definitions (Vonage
   * Contact Center) or custom statuses (Talkdesk).
   */
  LIST_STATUSES,
  /** Aggregated availability counts can be read. */
  AVAILABILITY_SUMMARY,
  /** Presence can be listed page by page with filters. */
  PAGED_LISTING
}
