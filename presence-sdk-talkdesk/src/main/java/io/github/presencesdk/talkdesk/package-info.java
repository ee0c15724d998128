/**
 * The presence-sdk client for the Talkdesk Presence API. {@link
 * io.github.presencesdk.talkdesk.TalkdeskClient} is the entry point; the other public types are the
 * values it returns.
 *
 * <p>Talkdesk reports a {@code status} per user together with its ongoing interactions and an
 * occupancy level. The normalized {@link io.github.presencesdk.PresenceState} is derived as
 * follows:
 *
 * <table>
 *   <caption>Talkdesk status to normalized state</caption>
 *   <tr><th>Talkdesk {@code status}</th><th>interactions / occupancy</th><th>state</th></tr>
 *   <tr><td>{@code available}</td><td>no interaction and occupancy 0</td>
 *       <td>{@link io.github.presencesdk.PresenceState#AVAILABLE}</td></tr>
 *   <tr><td>{@code available}</td><td>at least one interaction, or occupancy above 0</td>
 *       <td>{@link io.github.presencesdk.PresenceState#BUSY}</td></tr>
 *   <tr><td>{@code available}</td><td>neither occupancy nor interactions sent</td>
 *       <td>{@link io.github.presencesdk.PresenceState#UNKNOWN}</td></tr>
 *   <tr><td>{@code away}</td><td>any</td>
 *       <td>{@link io.github.presencesdk.PresenceState#AWAY}</td></tr>
 *   <tr><td>{@code offline}</td><td>any</td>
 *       <td>{@link io.github.presencesdk.PresenceState#OFFLINE}</td></tr>
 *   <tr><td>{@code hidden}</td><td>any</td>
 *       <td>{@link io.github.presencesdk.PresenceState#OFFLINE}: the agent chose to appear
 *       offline, so the SDK never reports a hidden agent as available</td></tr>
 *   <tr><td>any other value</td><td>any</td>
 *       <td>{@link io.github.presencesdk.PresenceState#UNKNOWN}</td></tr>
 * </table>
 *
 * <p>{@link io.github.presencesdk.Presence#vendorStatus()} always holds Talkdesk's status verbatim
 * and {@link io.github.presencesdk.Presence#label()} holds the custom status when Talkdesk sends
 * one.
 */
@NullMarked
package io.github.presencesdk.talkdesk;

import org.jspecify.annotations.NullMarked;
