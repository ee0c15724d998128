package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor answered 403 Forbidden: the credentials are valid but lack the permission or scope for
 * the operation.
 */
public final class PermissionDeniedException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public PermissionDeniedException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
