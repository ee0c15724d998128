/**
 * The presence-sdk contract: {@link io.github.presencesdk.PresenceClient}, the immutable presence
 * model, configuration and the unchecked exception tree rooted at {@link
 * io.github.presencesdk.PresenceException}.
 */
@NullMarked
package io.github.presencesdk;

import org.jspecify.annotations.NullMarked;
