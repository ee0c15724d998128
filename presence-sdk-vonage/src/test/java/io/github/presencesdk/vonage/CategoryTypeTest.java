package io.github.presencesdk.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.PresenceState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CategoryTypeTest {

  @ParameterizedTest
  @CsvSource({
    "Ready, READY, AVAILABLE",
    "Away, AWAY, AWAY",
    "ExtendedAway, EXTENDED_AWAY, AWAY",
    "LoggedOut, LOGGED_OUT, OFFLINE",
    "Extended Away, EXTENDED_AWAY, AWAY",
    "Logged Out, LOGGED_OUT, OFFLINE",
    "ready, READY, AVAILABLE",
    "Busy, UNKNOWN, UNKNOWN",
    "'', UNKNOWN, UNKNOWN"
  })
  void mapsVccValuesToTypesAndStates(String wire, CategoryType type, PresenceState state) {
    assertThat(CategoryType.fromWire(wire)).isEqualTo(type);
    assertThat(type.state()).isEqualTo(state);
  }

  @ParameterizedTest
  @CsvSource({"READY, Ready", "AWAY, Away", "EXTENDED_AWAY, ExtendedAway", "LOGGED_OUT, LoggedOut"})
  void knownTypesRoundTrip(CategoryType type, String wire) {
    assertThat(type.wireValue()).isEqualTo(wire);
    assertThat(CategoryType.fromWire(type.wireValue())).isEqualTo(type);
  }
}
