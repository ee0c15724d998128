package io.github.presencesdk.voipnow;

import io.github.presencesdk.VendorError;
import io.github.presencesdk.internal.ErrorBodies;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Decodes VoipNow error bodies, {@code {"error":{"code":"...","message":"..."}}}. */
final class VoipNowErrors {
  private VoipNowErrors() {}

  static VendorError decode(VendorError base, String body) {
    Map<String, Object> json = ErrorBodies.parseObject(body);
    Map<String, Object> error = ErrorBodies.object(json, "error");
    String code;
    String message;
    if (error != null) {
      code = ErrorBodies.string(error, "code");
      message = ErrorBodies.string(error, "message");
    } else {
      // OAuth-style answers ({"error":"...","error_description":"..."}) and bare messages.
      code = ErrorBodies.string(json, "error");
      message = ErrorBodies.string(json, "error_description");
      if (message == null) {
        message = ErrorBodies.string(json, "message");
      }
    }
    VendorError decoded = ErrorBodies.with(base, code, null, message, List.of());
    String hint = hint(VoipNowErrorCode.fromWire(code));
    return hint == null ? decoded : decoded.withHint(hint);
  }

  private static @Nullable String hint(VoipNowErrorCode code) {
    return switch (code) {
      case ACCESS_DENIED ->
          "The token was refused or gives no access to these extensions; check the credentials"
              + " and the user in the URL";
      case USER_INVALID ->
          "The user must be an existing user's id, or VoipNowUser.ME, VIEWER or OWNER";
      case EXTENSION_INVALID ->
          "The extension must be the extended number of an existing phone terminal extension"
              + " (such as 0003*210) of that user, or VoipNowExtension.SELF";
      case FIELDS_INVALID -> "fields must name presence fields: extension, status, registration";
      case COUNT_INVALID ->
          "This server accepts a smaller page; lower maxCount on the client builder (4PSA's own"
              + " tools use 4999)";
      case STARTINDEX_INVALID ->
          "This server accepts a smaller startIndex; lower maxStartIndex on the client builder"
              + " (4PSA's own tools use 4999)";
      case FILTERBY_INVALID -> "Presence can be filtered by the extension only";
      case FILTEROP_INVALID ->
          "This server does not accept the filter operation; UAPI v5 servers accept equals,"
              + " contains, startsWith and inArray";
      case FILTERVALUE_INVALID ->
          "filterValue must be part of an extended number, or a comma-separated list of them for"
              + " inArray";
      case SORTORDER_INVALID ->
          "This server does not accept the sort order; leave sortOrder out to use the server's"
              + " order";
      case INTERNAL_SERVER_ERROR, REQUEST_NOT_IMPLEMENTED, UNKNOWN -> null;
    };
  }
}
