package io.github.presencesdk.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Small parsers for the parts of an HTTP request the fakes look at. */
final class HttpParts {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private HttpParts() {}

  static boolean isGuid(String value) {
    return GUID.matcher(value).matches();
  }

  /** The decoded path segments, without the empty segment a trailing slash leaves. */
  static List<String> segments(HttpUrl url) {
    List<String> segments = new ArrayList<>(url.pathSegments());
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  /** The request body as UTF-8 text (empty when there is none). */
  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** The media type of a Content-Type or Accept element, lower case, without parameters. */
  static String mediaType(String value) {
    int semicolon = value.indexOf(';');
    String type = semicolon < 0 ? value : value.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  static boolean isJson(@Nullable String contentType) {
    return contentType != null && mediaType(contentType).equals("application/json");
  }

  static boolean isForm(@Nullable String contentType) {
    return contentType != null
        && mediaType(contentType).equals("application/x-www-form-urlencoded");
  }

  /** The media types an Accept header lists (empty when there is no header). */
  static List<String> acceptedTypes(RecordedRequest request) {
    List<String> types = new ArrayList<>();
    for (String header : request.getHeaders().values("Accept")) {
      for (String element : header.split(",", -1)) {
        String type = mediaType(element);
        if (!type.isEmpty()) {
          types.add(type);
        }
      }
    }
    return types;
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body; the first value of a name wins. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        fields.putIfAbsent(decode(name), decode(value));
      } catch (IllegalArgumentException e) {
        // A broken percent escape: treat the field as absent, as a lenient server would.
      }
    }
    return fields;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** Client id and secret from an HTTP Basic header, or {@code null} when there is none. */
  static String @Nullable [] basic(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    try {
      // RFC 6749 section 2.3.1: both parts are form-encoded before they are joined.
      return new String[] {
        decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))
      };
    } catch (IllegalArgumentException e) {
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
  }

  /** The token of a Bearer Authorization header, or {@code null}. */
  static @Nullable String bearer(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  static String requireText(@Nullable String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
