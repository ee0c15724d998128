package io.github.presencesdk.vonage;

import java.util.regex.Pattern;

/** Checks of the GUIDs VCC identifies users and presence definitions by. */
final class Guids {
  /** Eight, four, four, four and twelve hexadecimal digits, in either letter case. */
  static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Guids() {}

  /**
   * Whether {@code id} matches {@link #GUID}, checked by hand: a bulk read checks every id, and the
   * regular expression cost more than the rest of the argument checks together.
   */
  static boolean isGuid(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code id} if it is a GUID.
   *
   * @throws IllegalArgumentException naming {@code parameter} otherwise; VCC would answer 400
   */
  static String require(String id, String parameter) {
    if (!isGuid(id)) {
      throw new IllegalArgumentException(
          parameter
              + " must be a GUID such as daab05ec-ba50-45af-a6fd-3b01cdc6f39b (VCC answers 400 to"
              + " anything else), was \""
              + (id.length() <= 60 ? id : id.substring(0, 60) + "...")
              + "\"");
    }
    return id;
  }
}
