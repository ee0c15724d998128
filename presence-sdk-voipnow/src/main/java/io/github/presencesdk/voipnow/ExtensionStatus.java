package io.github.presencesdk.voipnow;

import io.github.presencesdk.internal.EnumLookup;

/**
 * The status of an extension as VoipNow reports it in the {@code status} field. A value this SDK
 * does not know decodes as {@link #UNRECOGNIZED}; {@link ExtensionPresence#rawStatus()} keeps it.
 */
public enum ExtensionStatus {
  /** {@code 0}: VoipNow does not know the status. */
  UNKNOWN(0),
  /** {@code 1}: online, free to take a call. */
  ONLINE(1),
  /** {@code 2}: a call is ringing. */
  RINGING(2),
  /** {@code 3}: busy in a call. */
  BUSY(3),
  /** A value VoipNow did not document when this SDK was built. */
  UNRECOGNIZED(Integer.MIN_VALUE);

  private static final EnumLookup<ExtensionStatus> LOOKUP =
      EnumLookup.of(ExtensionStatus.class, s -> Integer.toString(s.code), UNRECOGNIZED);

  private final int code;

  ExtensionStatus(int code) {
    this.code = code;
  }

  /**
   * The numeric value VoipNow sends; {@link #UNRECOGNIZED} has none and returns {@link
   * Integer#MIN_VALUE}.
   */
  public int code() {
    return code;
  }

  /**
   * The status for a wire value such as {@code 1} or {@code "1"}; anything else is {@link
   * #UNRECOGNIZED}.
   */
  public static ExtensionStatus fromWire(String value) {
    return LOOKUP.lookup(WireNumbers.canonical(value));
  }
}
