package io.github.presencesdk.internal;

import io.github.presencesdk.VendorError;

/**
 * Decodes a vendor's error response body. Implementations never throw; unknown shapes give an error
 * with only the status and body.
 */
@FunctionalInterface
public interface ErrorDecoder {

  /**
   * Decodes {@code body}.
   *
   * @param base an error holding the vendor, status, request id and body, with nothing decoded
   * @param body the response body as text, possibly empty or not JSON
   */
  VendorError decode(VendorError base, String body);
}
