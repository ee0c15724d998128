package io.github.presencesdk.talkdesk;

import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.internal.ErrorBodies;
import io.github.presencesdk.internal.ErrorDecoder;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Talkdesk error bodies {@code {code, message, description?, fields:[{name, description}]}}
 * and adds hints for the statuses where the bare answer does not say what to change. Never throws.
 */
final class TalkdeskErrors {
  /** An OAuth scope as Talkdesk names them, such as {@code presence-user:read}. */
  private static final Pattern SCOPE = Pattern.compile("\\b[a-z][a-z0-9-]*:(?:read|write)\\b");

  private TalkdeskErrors() {}

  /**
   * Returns true if {@code body} is Talkdesk's documented error body {@code {code, message,
   * description?, fields}}: a JSON object with a {@code code}, whose {@code message}, {@code
   * description} and {@code fields}, when present, have their documented types (text, text, an
   * array). The code is what tells it apart from the 404 bodies of servers and gateways in front of
   * the API (an HTML page, {@code {"message":"Not Found"}}, {@code {"status":404,"error":...}});
   * the rest is not required, as the published Swagger file marks no field required. A 404 with
   * such a body is Talkdesk saying that it has no such user; any other 404 came from somewhere
   * else, such as a wrong base URL or an account without the Presence API.
   */
  static boolean isTalkdeskErrorBody(String body) {
    Map<String, Object> json = ErrorBodies.parseObject(body);
    return json != null
        && ErrorBodies.string(json, "code") != null
        && isTextOrAbsent(json, "message")
        && isTextOrAbsent(json, "description")
        && (json.get("fields") == null || json.get("fields") instanceof List<?>);
  }

  private static boolean isTextOrAbsent(Map<String, Object> json, String key) {
    Object value = json.get(key);
    return value == null || value instanceof String;
  }

  /** Returns true if {@code e} is Talkdesk's answer that it has no such user. */
  static boolean isUnknownUser(NotFoundException e) {
    return isTalkdeskErrorBody(e.error().body());
  }

  /** The decoder for requests that need no particular hint. */
  static VendorError decode(VendorError base, String body) {
    return decode(base, body, null, null);
  }

  /**
   * A decoder for one operation: a 403 names {@code requiredScope}, a 404 names {@code userId} when
   * there is one.
   */
  static ErrorDecoder forOperation(String requiredScope, @Nullable String userId) {
    return (base, body) -> decode(base, body, requiredScope, userId);
  }

  static VendorError decode(
      VendorError base, String body, @Nullable String requiredScope, @Nullable String userId) {
    Map<String, Object> json = ErrorBodies.parseObject(body);
    String code = ErrorBodies.string(json, "code");
    String message = ErrorBodies.string(json, "message");
    String description = ErrorBodies.string(json, "description");
    List<ErrorDetail> fields = ErrorBodies.details(json, "fields", "name", "description");
    // VendorError has a short title and a longer message: Talkdesk's message is the short one when
    // a description follows, so that message() always holds the most detailed text sent.
    VendorError error =
        description != null
            ? ErrorBodies.with(base, code, message, description, fields)
            : ErrorBodies.with(base, code, null, message, fields);
    return error.withHint(hint(base.statusCode(), body, requiredScope, userId));
  }

  private static @Nullable String hint(
      int status, String body, @Nullable String requiredScope, @Nullable String userId) {
    return switch (status) {
      case 403 -> scopeHint(body, requiredScope);
      case 404 -> notFoundHint(body, userId);
      case 406 -> "Talkdesk refused the Accept header of the request (application/json)";
      case 415 -> "Talkdesk refused the Content-Type of the request body (application/json)";
      default -> null;
    };
  }

  private static @Nullable String notFoundHint(String body, @Nullable String userId) {
    if (!isTalkdeskErrorBody(body)) {
      return "This 404 does not carry Talkdesk's error body {code, message, ...}, so it may not come"
          + " from the Presence API: check the base URL (region), and that the account is enrolled"
          + " in Talkdesk's Presence API Early Access";
    }
    return userId == null
        ? null
        : "Talkdesk has no user with id \"" + userId + "\" in this account";
  }

  private static String scopeHint(String body, @Nullable String requiredScope) {
    String named = null;
    Matcher matcher = SCOPE.matcher(body);
    if (matcher.find()) {
      named = matcher.group();
    }
    if (requiredScope == null) {
      return named != null
          ? "The access token lacks the OAuth scope " + named
          : "The access token lacks a scope or permission this call needs";
    }
    StringBuilder hint =
        new StringBuilder("This call needs the OAuth scope ").append(requiredScope);
    if (named != null && !named.equals(requiredScope)) {
      hint.append(" (Talkdesk named ").append(named).append(')');
    }
    return hint.append("; grant it to the API client and request it with scopes(...)").toString();
  }
}
