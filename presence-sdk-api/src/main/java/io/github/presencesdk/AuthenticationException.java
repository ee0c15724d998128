package io.github.presencesdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vendor refused the credentials, or no access token could be had: a 401 from the API after a
 * fresh token was tried, or any failure of a request to the OAuth2 token endpoint.
 *
 * <p>A failure of the token endpoint is reported as this exception whatever it was, so that it is
 * never mistaken for an error of the API: a refusal of the client credentials (such as {@code
 * invalid_client}), any other error status (a 404 from a wrong {@code tokenUrl}, a 5xx or 429 after
 * the retries the policy allows), a redirect (never followed), an answer without a usable access
 * token, and a transport failure (the host cannot be reached, the attempt timed out). Its message
 * starts with the token URL (without its query) and then says what happened; {@link
 * #tokenEndpoint()} holds that URL, and the cause is the exception the request ended in (such as a
 * {@link NotFoundException}, a {@link ServerException} or a {@link PresenceIoException}). {@link
 * #statusCode()}, {@link #errorCode()} and {@link #vendorMessage()} are what the token endpoint
 * answered; {@link #statusCode()} is 0 when it gave no HTTP answer at all.
 *
 * <p>Neither the client secret nor any token is part of the message.
 */
public final class AuthenticationException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String tokenEndpoint;

  /** Creates an exception for an error response of the API. */
  public AuthenticationException(VendorError error, Map<String, List<String>> headers) {
    super(error, headers);
    this.tokenEndpoint = null;
  }

  /**
   * Creates an exception for a failed request to the token endpoint.
   *
   * @param message the message, naming the token endpoint; it must not contain a secret
   * @param tokenEndpoint the token URL without its query
   * @param error what the token endpoint answered; status 0 if it did not answer
   * @param headers the headers of its answer, names in lower case; empty if it did not answer
   * @param cause the exception the token request ended in
   */
  public AuthenticationException(
      String message,
      String tokenEndpoint,
      VendorError error,
      Map<String, List<String>> headers,
      @Nullable Throwable cause) {
    super(message, error, headers, cause);
    this.tokenEndpoint = tokenEndpoint;
  }

  /**
   * The token URL (without its query) whose request failed, or empty if the API itself refused the
   * token.
   */
  public Optional<String> tokenEndpoint() {
    return Optional.ofNullable(tokenEndpoint);
  }
}
