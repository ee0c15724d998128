package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered 406 Not Acceptable: the vendor refused the media type this SDK asked for in
 * its Accept header.
 */
public final class NotAcceptableException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public NotAcceptableException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
