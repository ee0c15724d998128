package io.github.presencesdk;

/**
 * The vendor-neutral state of an agent, derived from the vendor's own status.
 *
 * <p>The set is the smallest one that maps all supported vendors without inventing information:
 *
 * <table>
 *   <caption>Mapping of vendor states</caption>
 *   <tr><th>state</th><th>Vonage Contact Center</th><th>Talkdesk</th><th>VoipNow</th></tr>
 *   <tr><td>{@link #AVAILABLE}</td><td>{@code Ready}</td><td>{@code available}, no ongoing
 *       interaction</td><td>online</td></tr>
 *   <tr><td>{@link #BUSY}</td><td>(none)</td><td>{@code available} with ongoing
 *       interactions</td><td>ringing, busy</td></tr>
 *   <tr><td>{@link #AWAY}</td><td>{@code Away}, {@code ExtendedAway}</td><td>{@code away}</td>
 *       <td>(none)</td></tr>
 *   <tr><td>{@link #OFFLINE}</td><td>{@code LoggedOut}</td><td>{@code offline}, {@code
 *       hidden}</td><td>no live registration</td></tr>
 *   <tr><td>{@link #UNKNOWN}</td><td>any other category, or a user the vendor does not
 *       report</td><td>any other status</td><td>unknown status with a live registration</td></tr>
 * </table>
 *
 * <p>The vendor's own status is always kept verbatim in {@link Presence#vendorStatus()}, so that
 * callers who need finer distinctions never lose them.
 */
public enum PresenceState {
  /** The agent can take new work. */
  AVAILABLE,
  /** The agent is signed in and working, but occupied (on a call, ringing). */
  BUSY,
  /** The agent is signed in but has stepped away (break, lunch, training). */
  AWAY,
  /** The agent is signed out, unreachable, or chose to appear offline. */
  OFFLINE,
  /** The vendor reported a status this SDK cannot map, or nothing at all. */
  UNKNOWN
}
