package io.github.presencesdk;

import java.util.Objects;

/**
 * A value a call returned together with the metadata of the response it came from.
 *
 * @param value what the call returned
 * @param metadata the status, request id and headers of the vendor's response
 * @param <T> the value type
 */
public record WithMetadata<T>(T value, ResponseMetadata metadata) {
  /** Checks that neither component is null. */
  public WithMetadata {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(metadata, "metadata");
  }
}
