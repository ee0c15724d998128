package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered 5xx: the vendor failed to handle the request. Safe operations were retried
 * before this was thrown.
 */
public final class ServerException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public ServerException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
