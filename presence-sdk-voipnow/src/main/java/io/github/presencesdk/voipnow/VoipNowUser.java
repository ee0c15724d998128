package io.github.presencesdk.voipnow;

import io.github.presencesdk.internal.Ids;

/**
 * The user part of a VoipNow presence URL: a user's id, or one of the aliases {@link #ME}, {@link
 * #VIEWER} and {@link #OWNER}.
 *
 * <p>Users and extensions have their own types, {@code VoipNowUser} and {@link VoipNowExtension},
 * so that one cannot be passed where the other is meant. Instances are immutable.
 */
public final class VoipNowUser {
  /** {@code @me}: the user the token belongs to. The default. */
  public static final VoipNowUser ME = new VoipNowUser("@me");

  /** {@code @viewer}: also the user the token belongs to. */
  public static final VoipNowUser VIEWER = new VoipNowUser("@viewer");

  /** {@code @owner}: the user that owns the extension used to make the phone call. */
  public static final VoipNowUser OWNER = new VoipNowUser("@owner");

  private final String value;

  private VoipNowUser(String value) {
    this.value = value;
  }

  /**
   * The user with id {@code userId}.
   *
   * @throws IllegalArgumentException if the id is null, blank, too long, holds control characters,
   *     or starts with {@code @} (use the constants for the aliases)
   */
  public static VoipNowUser id(String userId) {
    String checked = Ids.require(userId, "userId");
    if (checked.startsWith("@")) {
      throw new IllegalArgumentException(
          "userId must be a user's id; for @me, @viewer or @owner use VoipNowUser.ME, VIEWER or"
              + " OWNER, was \""
              + checked
              + "\"");
    }
    return new VoipNowUser(checked);
  }

  /** The value sent as the URL path segment, such as {@code @me} or {@code 12}. */
  public String value() {
    return value;
  }

  /** Returns true if this is one of the aliases rather than a user id. */
  public boolean isAlias() {
    return value.startsWith("@");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoipNowUser other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns {@link #value()}. */
  @Override
  public String toString() {
    return value;
  }
}
