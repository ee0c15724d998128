package io.github.presencesdk.internal;

import com.squareup.moshi.JsonReader;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.VendorError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for reading error bodies, which are small and come in many shapes: they are read into a
 * tree of maps and lists, never failing.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /**
   * Parses {@code body} as one JSON object, or returns null if it is anything else (including an
   * object followed by more content).
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> parseObject(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      reader.setLenient(false);
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return null;
      }
      return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The value at {@code key} if it is a non-blank string or a number, else null. */
  public static @Nullable String string(@Nullable Map<String, Object> object, String key) {
    if (object == null) {
      return null;
    }
    Object value = object.get(key);
    if (value instanceof String s) {
      return s.isBlank() ? null : s;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? Long.toString((long) d) : n.toString();
    }
    return null;
  }

  /** The value at {@code key} if it is an object, else null. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> object(
      @Nullable Map<String, Object> object, String key) {
    if (object == null) {
      return null;
    }
    Object value = object.get(key);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /**
   * Reads a list of objects at {@code key} into details, taking the field name from {@code
   * fieldKey} and the text from {@code messageKey}.
   */
  @SuppressWarnings("unchecked")
  public static List<ErrorDetail> details(
      @Nullable Map<String, Object> object, String key, String fieldKey, String messageKey) {
    List<ErrorDetail> out = new ArrayList<>();
    if (object != null && object.get(key) instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          Map<String, Object> m = (Map<String, Object>) map;
          String field = string(m, fieldKey);
          String message = string(m, messageKey);
          if (message != null || field != null) {
            out.add(ErrorDetail.of(field, message != null ? message : "(no message)"));
          }
        } else if (item instanceof String s) {
          out.add(ErrorDetail.of(null, s));
        }
      }
    }
    return out;
  }

  /** Returns a copy of {@code base} with what was decoded. */
  public static VendorError with(
      VendorError base,
      @Nullable String code,
      @Nullable String title,
      @Nullable String message,
      List<ErrorDetail> details) {
    return new VendorError(
        base.vendor(),
        base.statusCode(),
        Optional.ofNullable(code),
        Optional.ofNullable(title),
        Optional.ofNullable(message),
        details,
        base.hint(),
        base.requestId(),
        base.body());
  }

  /**
   * Decodes the OAuth2 token endpoint error shape {@code {"error","error_description"}} (RFC 6749
   * section 5.2), falling back to a {@code message} field.
   */
  public static VendorError decodeOAuthError(VendorError base, String body) {
    Map<String, Object> json = parseObject(body);
    String message = string(json, "error_description");
    if (message == null) {
      message = string(json, "message");
    }
    return with(base, string(json, "error"), null, message, List.of());
  }
}
