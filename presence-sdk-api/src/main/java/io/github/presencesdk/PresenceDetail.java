package io.github.presencesdk;

/**
 * Vendor-specific detail attached to a {@link Presence}.
 *
 * <p>Each vendor module has its own detail type (for example the Vonage presence definition or the
 * Talkdesk channels and interactions). Code that holds a vendor client gets that type directly
 * through the client's type parameter; vendor-neutral code can ignore it.
 */
public interface PresenceDetail {}
