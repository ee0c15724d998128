package io.github.presencesdk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks of ids handed in by callers, before anything is sent. */
public final class Ids {
  /** The longest id accepted. Real ids are GUIDs, hex ids or extension numbers, far shorter. */
  public static final int MAX_LENGTH = 256;

  private Ids() {}

  /**
   * Checks one id and returns it.
   *
   * @throws IllegalArgumentException naming {@code parameter} if the id is null, blank, longer than
   *     {@link #MAX_LENGTH}, holds control characters, or is {@code .} or {@code ..} (which a URL
   *     path would resolve instead of sending)
   */
  public static String require(@Nullable String id, String parameter) {
    if (id == null) {
      throw new IllegalArgumentException(parameter + " must not be null");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          parameter + " must be at most " + MAX_LENGTH + " characters, was " + id.length());
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(parameter + " must not be \".\" or \"..\"");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(
            parameter + " must not contain control characters (found one at index " + i + ")");
      }
    }
    return id;
  }

  /**
   * Checks every id of a bulk read and returns them deduplicated, in the order of first appearance.
   *
   * @throws IllegalArgumentException if the collection is null or any id fails {@link
   *     #require(String, String)}; the message gives the index
   */
  public static List<String> requireDistinct(@Nullable Collection<String> ids, String parameter) {
    if (ids == null) {
      throw new IllegalArgumentException(parameter + " must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    int index = 0;
    for (String id : ids) {
      require(id, parameter + "[" + index + "]");
      distinct.add(id);
      index++;
    }
    return new ArrayList<>(distinct);
  }
}
