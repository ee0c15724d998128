package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link Json#parseInstant} must agree with java.time's ISO formatters. */
final class InstantParsingTest {

  private static Instant viaFormatters(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException withoutOffset) {
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-10-22T13:16:26.730Z",
        "2021-10-22T13:16:26Z",
        "2021-10-22T13:16Z",
        "2011-02-10T15:10:55Z",
        "2021-10-22T13:16:26.123456789Z",
        "2021-10-22T13:16:26.7+02:00",
        "2021-10-22T23:59:59-05:30",
        "2020-02-29T00:00:00Z",
        "2021-10-22T13:16:26",
        "2021-10-22T13:16:26.5",
        "2021-10-22T13:16:26+18:00",
        "2021-10-22T13:16:26-00:00",
        "2021-10-22T13:16:26+05:30:15",
        "2021-10-22t13:16:26z",
        "+12021-10-22T13:16:26Z",
        "0000-01-01T00:00:00Z",
        "2021-10-22T13:16:26.Z"
      })
  void agreesWithTheFormatters(String text) {
    assertThat(Json.parseInstant(text)).isEqualTo(viaFormatters(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-02-29T00:00:00Z",
        "2021-13-01T00:00:00Z",
        "2021-10-22T24:00:00Z",
        "2021-10-22T13:60:00Z",
        "2021-10-22T13:16:26+18:30",
        "2021-10-22T13:16:26.1234567890Z",
        "2021-04-31T00:00:00Z",
        "2021-10-22 13:16:26Z",
        "yesterday",
        "0000-00-00 00:00:00"
      })
  void rejectsWhatTheFormattersReject(String text) {
    assertThatThrownBy(() -> Json.parseInstant(text)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void agreesOnManyGeneratedTimestamps() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-2_000_000_000L, 4_000_000_000L);
      int nanos = random.nextInt(1_000_000_000);
      int offsetMinutes = (random.nextInt(37) - 18) * 30;
      OffsetDateTime time =
          Instant.ofEpochSecond(seconds, nanos)
              .atOffset(ZoneOffset.ofTotalSeconds(Math.max(-64_800, offsetMinutes * 60)));
      String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      assertThat(Json.parseInstant(text)).as(text).isEqualTo(viaFormatters(text));
    }
  }
}
