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
   * Returns {@code id} if it is a GUID.
   *
   * @throws IllegalArgumentException naming {@code parameter} otherwise; VCC would answer 400
   */
  static String require(String id, String parameter) {
    if (!GUID.matcher(id).matches()) {
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
