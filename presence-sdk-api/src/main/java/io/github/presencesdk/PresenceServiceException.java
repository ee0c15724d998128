package io.github.presencesdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered with an error status. It keeps everything the vendor said: the status, the
 * vendor's error code, message and details, the request id when the vendor sends one, the response
 * headers and the start of the body.
 *
 * <p>Subclasses name the common statuses: {@link BadRequestException} (400), {@link
 * AuthenticationException} (401 and token failures), {@link PermissionDeniedException} (403),
 * {@link NotFoundException} (404), {@link NotAcceptableException} (406), {@link
 * RateLimitedException} (429), {@link ServerException} (5xx) and {@link UnexpectedStatusException}
 * (anything else).
 */
public class PresenceServiceException extends PresenceException {
  private static final long serialVersionUID = 1L;

  /** At most this many characters of an error body are kept. */
  public static final int MAX_BODY_CHARS = 4096;

  private final VendorError error;
  private final transient Map<String, List<String>> headers;

  /** Creates an exception for an error response; the message is built from {@code error}. */
  public PresenceServiceException(VendorError error, Map<String, List<String>> headers) {
    this(error, headers, null);
  }

  /** Creates an exception for an error response with a cause. */
  public PresenceServiceException(
      VendorError error, Map<String, List<String>> headers, @Nullable Throwable cause) {
    super(error.describe(), cause);
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  /** Everything the vendor said about the error. */
  public VendorError error() {
    return error;
  }

  /**
   * Creates an exception for an error response with a message of its own rather than one built from
   * {@code error}; for subclasses whose message must say more than the vendor did (such as which
   * endpoint answered). The message must not contain a secret.
   */
  protected PresenceServiceException(
      String message,
      VendorError error,
      Map<String, List<String>> headers,
      @Nullable Throwable cause) {
    super(message, cause);
    this.error = error;
    this.headers = Map.copyOf(headers);
  }

  /** The vendor that answered, such as {@code "vonage"}. */
  public String vendor() {
    return error.vendor();
  }

  /** The HTTP status code. */
  public int statusCode() {
    return error.statusCode();
  }

  /** The vendor's error code, such as {@code "ApiVersionUnspecified"}. */
  public Optional<String> errorCode() {
    return error.code();
  }

  /** The vendor's error message. */
  public Optional<String> vendorMessage() {
    return error.message();
  }

  /** The vendor's per-field or per-item details. */
  public List<ErrorDetail> details() {
    return error.details();
  }

  /** The request id the vendor sent back, for support tickets. */
  public Optional<String> requestId() {
    return error.requestId();
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The start of the response body, at most {@link #MAX_BODY_CHARS} characters. */
  public String body() {
    return error.body();
  }
}
