package io.github.presencesdk.internal;

import io.github.presencesdk.ClientAuthentication;
import java.util.List;
import java.util.Map;

/**
 * What the core needs to know of a vendor.
 *
 * @param id short stable name used in the User-Agent and in messages, such as {@code "vonage"}
 * @param defaultHeaders headers sent on every API request (for example a versioned Accept)
 * @param errorDecoder turns the vendor's error bodies into a {@link
 *     io.github.presencesdk.VendorError}
 * @param requestIdHeaders response headers that may carry the vendor's request id, in order of
 *     preference
 * @param defaultMaxConcurrency requests a bulk read runs at once unless the caller says otherwise
 * @param defaultClientAuthentication how client credentials are sent unless the caller says
 *     otherwise
 */
public record VendorProfile(
    String id,
    Map<String, String> defaultHeaders,
    ErrorDecoder errorDecoder,
    List<String> requestIdHeaders,
    int defaultMaxConcurrency,
    ClientAuthentication defaultClientAuthentication) {

  /** The request id headers most vendors use. */
  public static final List<String> COMMON_REQUEST_ID_HEADERS =
      List.of("X-Request-Id", "X-Correlation-Id", "Request-Id", "X-Amzn-RequestId", "X-Trace-Id");

  /** Copies the collections. */
  public VendorProfile {
    defaultHeaders = Map.copyOf(defaultHeaders);
    requestIdHeaders = List.copyOf(requestIdHeaders);
    if (defaultMaxConcurrency < 1) {
      throw new IllegalArgumentException("defaultMaxConcurrency must be at least 1");
    }
  }
}
