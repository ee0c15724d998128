package io.github.presencesdk;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception presence-sdk throws for a failed call.
 *
 * <p>It is unchecked. Subtypes say what failed: {@link PresenceServiceException} (the vendor
 * answered with an error status), {@link PresenceIoException} (the network failed or the time
 * budget ran out), {@link UndecodableResponseException} (the vendor's answer could not be read) and
 * {@link PartialFailureException} (part of a bulk read failed). Mistakes of the caller are reported
 * as {@link IllegalArgumentException} or {@link IllegalStateException} before anything is sent. No
 * message of this tree ever contains an access token or a client secret.
 */
public class PresenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public PresenceException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public PresenceException(String message) {
    super(message);
  }
}
