package io.github.presencesdk;

import java.util.List;
import java.util.Map;

/**
 * The vendor refused the credentials: a 401 from the API after a fresh token was tried, or an error
 * from the token endpoint (for example {@code invalid_client}). Neither the client secret nor any
 * token is part of the message.
 */
public class AuthenticationException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for an error response. */
  public AuthenticationException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
  }
}
