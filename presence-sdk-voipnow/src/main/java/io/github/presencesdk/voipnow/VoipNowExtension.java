package io.github.presencesdk.voipnow;

/**
 * The extension part of a VoipNow presence URL: the extended number of one phone terminal
 * extension, such as {@code 0003*210}, or {@link #SELF} for every extension of the user.
 *
 * <p>Instances are immutable.
 */
public final class VoipNowExtension {
  /** {@code @self}: every extension of the user. The default of a listing. */
  public static final VoipNowExtension SELF = new VoipNowExtension("@self");

  private final String value;

  private VoipNowExtension(String value) {
    this.value = value;
  }

  /**
   * The extension with extended number {@code number}.
   *
   * @throws IllegalArgumentException if {@code number} is not digits with an optional {@code *}
   *     separator, as in {@code 0003*210}
   */
  public static VoipNowExtension number(String number) {
    return new VoipNowExtension(ExtendedNumbers.require(number, "extension"));
  }

  /** The value sent as the URL path segment, such as {@code @self} or {@code 0003*210}. */
  public String value() {
    return value;
  }

  /** Returns true if this is {@link #SELF}. */
  public boolean isSelf() {
    return value.equals(SELF.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoipNowExtension other && value.equals(other.value);
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
