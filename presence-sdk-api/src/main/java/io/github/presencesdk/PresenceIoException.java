package io.github.presencesdk;

import org.jspecify.annotations.Nullable;

/**
 * The call failed in transport: the connection was refused or dropped, a timeout or the total time
 * budget ran out, or the client was closed while the call was in flight. The original {@link
 * java.io.IOException} (if any) is the cause.
 */
public final class PresenceIoException extends PresenceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and the transport cause. */
  public PresenceIoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
