package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered an error status that none of the other subclasses of PresenceServiceException
 * name (for example 409 or 415).
 */
public final class UnexpectedStatusException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public UnexpectedStatusException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
