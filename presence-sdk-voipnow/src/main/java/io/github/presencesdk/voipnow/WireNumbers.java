package io.github.presencesdk.voipnow;

/** Normalizes the small integers VoipNow sends as numbers or as strings. */
final class WireNumbers {
  private WireNumbers() {}

  /**
   * Returns the canonical decimal form of an integer such as {@code "1"}, {@code " 01"} or {@code
   * "+1"}, or the trimmed text if it is not an integer (which then matches no known value).
   */
  static String canonical(String value) {
    String trimmed = value.trim();
    try {
      return Integer.toString(Integer.parseInt(trimmed));
    } catch (NumberFormatException e) {
      return trimmed;
    }
  }
}
