/**
 * The VoipNow Unified API client: {@link io.github.presencesdk.voipnow.VoipNowClient}.
 *
 * <p>It reads {@code GET /uapi/extensions/{user}/{extension}/presence} on the customer's VoipNow
 * host. Users ({@link io.github.presencesdk.voipnow.VoipNowUser}) and extensions ({@link
 * io.github.presencesdk.voipnow.VoipNowExtension}) have their own types; listings take a {@link
 * io.github.presencesdk.voipnow.ListPresenceRequest} and return {@link
 * io.github.presencesdk.voipnow.ExtensionPresence} entries.
 *
 * <p>The vendor-neutral state of an entry ({@link
 * io.github.presencesdk.voipnow.ExtensionPresence#normalizedState()}, and {@link
 * io.github.presencesdk.Presence#state()} of the reads) follows this table; a registration is live
 * when its state is 1 (registered) or 2 (no registration needed):
 *
 * <table>
 *   <caption>VoipNow status to presence state</caption>
 *   <tr><th>{@code status}</th><th>registrations</th><th>state</th></tr>
 *   <tr><td>absent (not sent, such as with a {@code fields} selection without it)</td><td>any</td>
 *       <td>{@code UNKNOWN}</td></tr>
 *   <tr><td>1 online</td><td>any</td><td>{@code AVAILABLE}</td></tr>
 *   <tr><td>2 ringing</td><td>any</td><td>{@code BUSY}</td></tr>
 *   <tr><td>3 busy</td><td>any</td><td>{@code BUSY}</td></tr>
 *   <tr><td>0 unknown</td><td>none live</td><td>{@code OFFLINE}</td></tr>
 *   <tr><td>0 unknown</td><td>at least one live</td><td>{@code UNKNOWN}</td></tr>
 *   <tr><td>any other value</td><td>any</td><td>{@code UNKNOWN}</td></tr>
 * </table>
 *
 * <p>The status is kept as sent in {@link io.github.presencesdk.Presence#vendorStatus()}; VoipNow
 * sends no label and no time of the last change, so both are empty.
 */
@NullMarked
package io.github.presencesdk.voipnow;

import org.jspecify.annotations.NullMarked;
