package io.github.presencesdk.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps vendor wire values to enum constants, with a fallback for values this SDK does not know yet,
 * so that a new vendor value never breaks decoding. Built once per enum; thread-safe.
 *
 * @param <E> the enum type
 */
public final class EnumLookup<E extends Enum<E>> {
  private final Map<String, E> byWire = new HashMap<>();
  private final E unknown;

  private EnumLookup(Class<E> type, Function<E, String> wireValue, E unknown, boolean ignoreCase) {
    this.unknown = unknown;
    for (E constant : type.getEnumConstants()) {
      if (constant != unknown) {
        String wire = wireValue.apply(constant);
        byWire.put(ignoreCase ? wire.toLowerCase(java.util.Locale.ROOT) : wire, constant);
      }
    }
    this.ignoreCase = ignoreCase;
  }

  private final boolean ignoreCase;

  /** A lookup matching wire values exactly. */
  public static <E extends Enum<E>> EnumLookup<E> of(
      Class<E> type, Function<E, String> wireValue, E unknown) {
    return new EnumLookup<>(type, wireValue, unknown, false);
  }

  /** A lookup matching wire values without regard to case. */
  public static <E extends Enum<E>> EnumLookup<E> ignoringCase(
      Class<E> type, Function<E, String> wireValue, E unknown) {
    return new EnumLookup<>(type, wireValue, unknown, true);
  }

  /** The constant for {@code wire}, or the unknown constant. */
  public E lookup(String wire) {
    E found = byWire.get(ignoreCase ? wire.toLowerCase(java.util.Locale.ROOT) : wire);
    return found != null ? found : unknown;
  }
}
