package io.github.presencesdk.vonage;

import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.internal.ErrorBodies;
import io.github.presencesdk.internal.ErrorDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the error bodies of the VCC APIs, which come in several shapes:
 *
 * <ul>
 *   <li>{@code {"error":{"code","message"}}} (a missing or unsupported API version);
 *   <li>{@code {"message"}} (an invalid GUID, and 401);
 *   <li>{@code {"status","title","errors":[{"message","path"}]}} (validation; the ASP.NET form
 *       {@code "errors":{"field":["message"]}} is read as well);
 *   <li>{@code {"status","title","detail"}} (the query limit of the bulk read).
 * </ul>
 *
 * <p>A body that is not JSON (such as an HTML page of a proxy) gives an error with only the status
 * and the body, and a hint saying where it probably came from. Every error of a known operation
 * gets a hint for the statuses whose cause is predictable (401, 403 with the scopes the operation
 * needs, 404). Stateless and thread-safe.
 */
final class VonageErrors {
  private VonageErrors() {}

  /** The VCC operations, with the scopes that grant them, for hints. */
  enum Operation {
    PRESENCES("GET /agents/presences/users", "users:read or users:write"),
    PRESENCE("GET /agents/{userId}/presence", "users:read, users:write, self:read or self:write"),
    SET_PRESENCE("PATCH /agents/{userId}/presence", "users:write (or self:write for oneself)"),
    PRESENCE_DEFINITIONS(
        "GET /agents/presence-definitions", "users:read, self:read or admin:read (or a :write)"),
    AVAILABILITY_SUMMARY("POST /agents-availability", "agents-availability:read");

    private final String endpoint;
    private final String scopes;

    Operation(String endpoint, String scopes) {
      this.endpoint = endpoint;
      this.scopes = scopes;
    }

    /** The decoder for errors of this operation. */
    ErrorDecoder decoder() {
      return (base, body) -> decode(base, body, this);
    }
  }

  /** Decodes an error of an unknown operation. */
  static VendorError decode(VendorError base, String body) {
    return decode(base, body, null);
  }

  static VendorError decode(VendorError base, String body, @Nullable Operation operation) {
    Map<String, Object> json = ErrorBodies.parseObject(body);
    String code = null;
    String message = null;
    List<ErrorDetail> details = new ArrayList<>();
    if (json != null) {
      Map<String, Object> error = ErrorBodies.object(json, "error");
      if (error != null) {
        code = ErrorBodies.string(error, "code");
        message = ErrorBodies.string(error, "message");
        details.addAll(ErrorBodies.details(error, "details", "target", "message"));
      } else {
        code = ErrorBodies.string(json, "error");
      }
      if (code == null) {
        code = ErrorBodies.string(json, "code");
      }
      if (message == null) {
        message = ErrorBodies.string(json, "message");
      }
      if (message == null) {
        message = ErrorBodies.string(json, "detail");
      }
      details.addAll(validationErrors(json));
    }
    String title = ErrorBodies.string(json, "title");
    VendorError decoded = ErrorBodies.with(base, code, title, message, details);
    String traceId = ErrorBodies.string(json, "traceId");
    if (decoded.requestId().isEmpty() && traceId != null) {
      decoded =
          new VendorError(
              decoded.vendor(),
              decoded.statusCode(),
              decoded.code(),
              decoded.title(),
              decoded.message(),
              decoded.details(),
              decoded.hint(),
              Optional.of(traceId),
              decoded.body());
    }
    return decoded.withHint(hint(decoded, json == null, operation));
  }

  /** Reads {@code errors} as a list of {@code {message, path}} or as a map of field to messages. */
  private static List<ErrorDetail> validationErrors(Map<String, Object> json) {
    Object errors = json.get("errors");
    if (errors instanceof List<?>) {
      return ErrorBodies.details(json, "errors", "path", "message");
    }
    List<ErrorDetail> out = new ArrayList<>();
    if (errors instanceof Map<?, ?> byField) {
      for (Map.Entry<?, ?> entry : byField.entrySet()) {
        String field = String.valueOf(entry.getKey());
        if (entry.getValue() instanceof List<?> messages) {
          for (Object text : messages) {
            if (text instanceof String s) {
              out.add(ErrorDetail.of(field, s));
            }
          }
        } else if (entry.getValue() instanceof String s) {
          out.add(ErrorDetail.of(field, s));
        }
      }
    }
    return out;
  }

  private static @Nullable String hint(
      VendorError error, boolean notJson, @Nullable Operation operation) {
    int status = error.statusCode();
    String code = error.code().orElse("");
    String on = operation != null ? operation.endpoint + ": " : "";
    if (notJson && error.body().stripLeading().startsWith("<")) {
      return "The answer is not a VCC error body; a proxy or gateway between this client and VCC"
          + " probably sent it (check baseUrl and the network)";
    }
    if (code.equals("ApiVersionUnspecified") || code.equals("UnsupportedApiVersion")) {
      return "This client sends Accept: "
          + VonageClient.ACCEPT
          + "; something between it and VCC (a proxy) may have removed or changed the header";
    }
    if (status == 400 && isQueryLimit(error)) {
      return "This client sends at most "
          + VonageClient.MAX_IDS_PER_REQUEST
          + " user ids per request; VCC's limit may have changed";
    }
    if (status == 400
        && error.message().orElse("").toLowerCase(Locale.ROOT).contains("request is invalid")) {
      return on
          + "VCC answers this when an id is not a GUID (such as"
          + " daab05ec-ba50-45af-a6fd-3b01cdc6f39b)";
    }
    if (status == 401) {
      return on
          + "VCC refused the access token; check the credentials, and that the token comes from"
          + " the token endpoint of the account's region";
    }
    if (status == 403 && operation != null) {
      return on + "the token needs one of the scopes " + operation.scopes;
    }
    if (status == 404 && operation != null) {
      return switch (operation) {
        case PRESENCE, SET_PRESENCE -> on + "VCC knows no user with this id";
        default -> on + "VCC does not know this path; check baseUrl";
      };
    }
    return null;
  }

  private static boolean isQueryLimit(VendorError error) {
    String title = error.title().orElse("").toLowerCase(Locale.ROOT);
    String message = error.message().orElse("").toLowerCase(Locale.ROOT);
    return title.contains("query limit") || message.contains("maximum number");
  }
}
