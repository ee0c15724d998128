package io.github.presencesdk.vonage;

import io.github.presencesdk.PresenceState;
import io.github.presencesdk.internal.EnumLookup;

/**
 * The type of a VCC presence category ({@code categoryType}), which decides the normalized {@link
 * PresenceState}.
 *
 * <p>Values VCC may add later map to {@link #UNKNOWN}; the raw value is kept next to it in {@link
 * PresenceCategory#rawCategoryType()}.
 */
public enum CategoryType {
  /** {@code LoggedOut}: the agent is signed out; maps to {@link PresenceState#OFFLINE}. */
  LOGGED_OUT("LoggedOut", PresenceState.OFFLINE),
  /**
   * {@code Away}: the agent is signed in but not taking work; maps to {@link PresenceState#AWAY}.
   */
  AWAY("Away", PresenceState.AWAY),
  /**
   * {@code ExtendedAway}: the agent is away for longer (lunch, training); maps to {@link
   * PresenceState#AWAY}.
   */
  EXTENDED_AWAY("ExtendedAway", PresenceState.AWAY),
  /** {@code Ready}: the agent can take work; maps to {@link PresenceState#AVAILABLE}. */
  READY("Ready", PresenceState.AVAILABLE),
  /** A value this SDK does not know, or none; maps to {@link PresenceState#UNKNOWN}. */
  UNKNOWN("", PresenceState.UNKNOWN);

  private static final EnumLookup<CategoryType> LOOKUP =
      EnumLookup.ignoringCase(CategoryType.class, CategoryType::wireValue, UNKNOWN);

  private final String wireValue;
  private final PresenceState state;

  CategoryType(String wireValue, PresenceState state) {
    this.wireValue = wireValue;
    this.state = state;
  }

  /** The value VCC sends, such as {@code "ExtendedAway"}; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wireValue;
  }

  /** The normalized state this category maps to. */
  public PresenceState state() {
    return state;
  }

  /**
   * Returns the type for a VCC value. Case and spaces are ignored, so the older spellings {@code
   * "Extended Away"} and {@code "Logged Out"} are recognized; anything else is {@link #UNKNOWN}.
   */
  public static CategoryType fromWire(String value) {
    return LOOKUP.lookup(normalize(value));
  }

  /** Drops whitespace, so that {@code "Logged Out"} and {@code "LoggedOut"} compare equal. */
  static String normalize(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
