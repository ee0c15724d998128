package io.github.presencesdk.internal;

/** Small text helpers shared by the modules: shortening a value for a message, checking tokens. */
public final class Text {
  private Text() {}

  /**
   * {@code value} itself if it has at most {@code max} characters, else its first {@code max}
   * characters followed by {@code ...}.
   */
  public static String abbreviate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "...";
  }

  /**
   * The index of the first character of {@code token} that is not visible ASCII ({@code 0x21} to
   * {@code 0x7e}, what a bearer token may hold, RFC 6750), or -1 if there is none.
   */
  public static int indexOfNonVisibleAscii(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return i;
      }
    }
    return -1;
  }
}
