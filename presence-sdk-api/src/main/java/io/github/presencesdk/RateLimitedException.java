package io.github.presencesdk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered 429 Too Many Requests, and the retries the {@link RetryPolicy} allows did not
 * get through. {@link #retryAfter()} is how long the vendor asked the caller to wait.
 */
public final class RateLimitedException extends PresenceServiceException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /** Creates an exception for a 429 response. */
  public RateLimitedException(
      VendorError error, Map<String, List<String>> headers, @Nullable Duration retryAfter) {
    super(error, headers);
    this.retryAfter = retryAfter;
  }

  /** The wait the vendor asked for in {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
