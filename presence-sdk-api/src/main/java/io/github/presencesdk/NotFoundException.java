package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered 404 Not Found: the user, extension or resource does not exist at the vendor.
 */
public final class NotFoundException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public NotFoundException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
