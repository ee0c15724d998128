package io.github.presencesdk;

import org.jspecify.annotations.Nullable;

/**
 * The vendor answered with a success status but a body this SDK cannot read: empty, truncated, not
 * JSON, or of the wrong shape. The message names the vendor, the status and where in the document
 * reading failed; {@link #bodyExcerpt()} holds the start of the body.
 */
public final class UndecodableResponseException extends PresenceException {
  private static final long serialVersionUID = 1L;

  private final String vendor;
  private final int statusCode;
  private final String bodyExcerpt;

  /** Creates an exception for a body that could not be decoded. */
  public UndecodableResponseException(
      String vendor,
      int statusCode,
      String message,
      String bodyExcerpt,
      @Nullable Throwable cause) {
    super(message, cause);
    this.vendor = vendor;
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** The vendor that sent the body. */
  public String vendor() {
    return vendor;
  }

  /** The HTTP status of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The first characters of the body, or empty if it was not kept. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
