package io.github.presencesdk.voipnow;

import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.internal.EnumLookup;
import org.jspecify.annotations.Nullable;

/**
 * The error codes VoipNow documents for the presence listing, sent as {@code
 * {"error":{"code":"...","message":"..."}}}. The exception keeps the code exactly as sent in {@link
 * PresenceServiceException#errorCode()}; {@link #of(PresenceServiceException)} gives the typed
 * code.
 *
 * <pre>{@code
 * try {
 *   ExtensionPresencePage page = client.listPage(request);
 * } catch (BadRequestException e) {
 *   if (VoipNowErrorCode.of(e) == VoipNowErrorCode.EXTENSION_INVALID) {
 *     // ask for another extension
 *   }
 * }
 * }</pre>
 */
public enum VoipNowErrorCode {
  /** 401: the token was refused or does not give access. */
  ACCESS_DENIED("access_denied"),
  /** 400: the user in the URL is not valid. */
  USER_INVALID("user_invalid"),
  /** 400: the extension in the URL is not an existing phone terminal extension or {@code @self}. */
  EXTENSION_INVALID("extension_invalid"),
  /** 400: {@code fields} names something that is not a presence field. */
  FIELDS_INVALID("fields_invalid"),
  /** 400: {@code count} is missing, not a number, or too large. */
  COUNT_INVALID("count_invalid"),
  /** 400: {@code filterBy} is not a field the listing can be filtered by. */
  FILTERBY_INVALID("filterby_invalid"),
  /** 400: {@code filterOp} is not an operation the server supports. */
  FILTEROP_INVALID("filterop_invalid"),
  /** 400: {@code filterValue} is missing or not valid. */
  FILTERVALUE_INVALID("filtervalue_invalid"),
  /** 400: {@code sortOrder} is not a value the server supports. */
  SORTORDER_INVALID("sortorder_invalid"),
  /** 400: {@code startIndex} is missing, negative, or too large. */
  STARTINDEX_INVALID("startindex_invalid"),
  /** 500: the server failed. */
  INTERNAL_SERVER_ERROR("internal_server_error"),
  /** 501: the server does not implement the request. */
  REQUEST_NOT_IMPLEMENTED("request_not_implemented"),
  /** No code, a code VoipNow did not document, or an error from another vendor. */
  UNKNOWN("");

  private static final EnumLookup<VoipNowErrorCode> LOOKUP =
      EnumLookup.ignoringCase(VoipNowErrorCode.class, VoipNowErrorCode::wireValue, UNKNOWN);

  private final String wireValue;

  VoipNowErrorCode(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The code as VoipNow sends it, such as {@code count_invalid}; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wireValue;
  }

  /**
   * The typed code for a code as sent. Case and whitespace inside the code are ignored, so that the
   * spellings with a stray space in VoipNow's reference ({@code fields_inv alid}) match too.
   */
  public static VoipNowErrorCode fromWire(@Nullable String code) {
    if (code == null) {
      return UNKNOWN;
    }
    String compact = code.replaceAll("\\s+", "");
    return compact.isEmpty() ? UNKNOWN : LOOKUP.lookup(compact);
  }

  /**
   * The typed code of an exception thrown by a {@link VoipNowClient}; {@link #UNKNOWN} if it has
   * none or comes from another vendor.
   */
  public static VoipNowErrorCode of(PresenceServiceException exception) {
    if (!VoipNowClient.VENDOR.equals(exception.vendor())) {
      return UNKNOWN;
    }
    return fromWire(exception.errorCode().orElse(null));
  }
}
