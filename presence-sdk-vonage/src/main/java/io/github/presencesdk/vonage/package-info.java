/**
 * The presence-sdk client for Vonage Contact Center (VCC, formerly NewVoiceMedia).
 *
 * <p>{@link io.github.presencesdk.vonage.VonageClient} implements the vendor-neutral {@link
 * io.github.presencesdk.PresenceClient} over the VCC Agents API and adds the VCC operations:
 * setting a presence, listing presence definitions and reading availability summaries (Agent
 * Availability API).
 *
 * <h2>State mapping</h2>
 *
 * <p>A VCC presence belongs to a category whose {@code categoryType} decides the normalized state:
 *
 * <table>
 *   <caption>VCC categoryType to PresenceState</caption>
 *   <tr><th>{@code categoryType}</th><th>{@link io.github.presencesdk.vonage.CategoryType}</th>
 *       <th>{@link io.github.presencesdk.PresenceState}</th></tr>
 *   <tr><td>{@code Ready}</td><td>{@code READY}</td><td>{@code AVAILABLE}</td></tr>
 *   <tr><td>{@code Away}</td><td>{@code AWAY}</td><td>{@code AWAY}</td></tr>
 *   <tr><td>{@code ExtendedAway}</td><td>{@code EXTENDED_AWAY}</td><td>{@code AWAY}</td></tr>
 *   <tr><td>{@code LoggedOut}</td><td>{@code LOGGED_OUT}</td><td>{@code OFFLINE}</td></tr>
 *   <tr><td>anything else, or none</td><td>{@code UNKNOWN}</td><td>{@code UNKNOWN}</td></tr>
 * </table>
 *
 * <p>{@link io.github.presencesdk.Presence#vendorStatus()} is the raw {@code categoryType} as VCC
 * sent it (also for values this SDK does not know), {@link io.github.presencesdk.Presence#label()}
 * is the presence description (such as {@code "Break"}), {@link
 * io.github.presencesdk.Presence#updatedAt()} is {@code updated}, and {@link
 * io.github.presencesdk.Presence#detail()} is the full {@link
 * io.github.presencesdk.vonage.VonagePresence}. VCC has no busy category: an agent on a call keeps
 * the presence they chose.
 */
@NullMarked
package io.github.presencesdk.vonage;

import org.jspecify.annotations.NullMarked;
