package io.github.presencesdk;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of a vendor's error details, such as a validation error on a field.
 *
 * @param field the field or path the detail is about, when the vendor says
 * @param message the vendor's text for this detail
 */
public record ErrorDetail(Optional<String> field, String message) {

  /** Checks that no component is null. */
  public ErrorDetail {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** Creates a detail from a nullable field name. */
  public static ErrorDetail of(@Nullable String field, String message) {
    return new ErrorDetail(Optional.ofNullable(field), message);
  }

  @Override
  public String toString() {
    return field.map(f -> f + ": " + message).orElse(message);
  }
}
