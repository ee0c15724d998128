package io.github.presencesdk.voipnow;

import io.github.presencesdk.internal.EnumLookup;

/**
 * The state of one registration of an extension, from the {@code registration} field. A value this
 * SDK does not know decodes as {@link #UNRECOGNIZED}; {@link Registration#rawState()} keeps it.
 */
public enum RegistrationState {
  /** {@code 1}: the phone is registered. */
  REGISTERED(1),
  /** {@code 2}: the extension needs no registration. */
  NO_REGISTRATION_NEEDED(2),
  /** {@code -1}: the phone is not registered. */
  NOT_REGISTERED(-1),
  /** {@code -2}: the registration has expired. */
  EXPIRED(-2),
  /** {@code 0}: VoipNow does not know the state. */
  UNKNOWN(0),
  /** A value VoipNow did not document when this SDK was built. */
  UNRECOGNIZED(Integer.MIN_VALUE);

  private static final EnumLookup<RegistrationState> LOOKUP =
      EnumLookup.of(RegistrationState.class, s -> Integer.toString(s.code), UNRECOGNIZED);

  private final int code;

  RegistrationState(int code) {
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
   * Returns true for {@link #REGISTERED} and {@link #NO_REGISTRATION_NEEDED}: the extension can be
   * reached through this registration.
   */
  public boolean isLive() {
    return this == REGISTERED || this == NO_REGISTRATION_NEEDED;
  }

  /**
   * The state for a wire value such as {@code -1} or {@code "-1"}; anything else is {@link
   * #UNRECOGNIZED}.
   */
  public static RegistrationState fromWire(String value) {
    return LOOKUP.lookup(WireNumbers.canonical(value));
  }
}
