package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered 400 Bad Request: the vendor rejected the request as malformed or invalid. The
 * details usually name the field.
 */
public final class BadRequestException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public BadRequestException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
