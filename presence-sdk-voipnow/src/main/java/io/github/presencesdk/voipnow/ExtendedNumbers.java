package io.github.presencesdk.voipnow;

import io.github.presencesdk.internal.Ids;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of VoipNow extended numbers and of the fragments that filters match against them. */
final class ExtendedNumbers {
  /** Digits with an optional {@code *} separator, as in {@code 0003*210}. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\*[0-9]+)?");

  /** What a filter on the extension can usefully hold: digits and {@code *}. */
  private static final Pattern FRAGMENT = Pattern.compile("[0-9*]+");

  static final String NUMBER_RULE =
      "an extended number: digits with an optional '*' separator, such as 0003*210";

  private ExtendedNumbers() {}

  /** Returns true if {@code value} is an extended number. */
  static boolean isNumber(String value) {
    return NUMBER.matcher(value).matches();
  }

  /** Returns true if {@code value} holds only digits and {@code *}. */
  static boolean isFragment(String value) {
    return FRAGMENT.matcher(value).matches();
  }

  /**
   * Checks that {@code number} is an extended number and returns it.
   *
   * @throws IllegalArgumentException naming {@code parameter} otherwise
   */
  static String require(@Nullable String number, String parameter) {
    String checked = Ids.require(number, parameter);
    if (!isNumber(checked)) {
      throw new IllegalArgumentException(
          parameter + " must be " + NUMBER_RULE + ", was \"" + checked + "\"");
    }
    return checked;
  }
}
