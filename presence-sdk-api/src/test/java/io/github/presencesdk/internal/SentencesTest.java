package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.VendorError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SentencesTest {
  @ParameterizedTest(name = "\"{0}\" + \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Invalid page size   | Lower maxCount   | Invalid page size. Lower maxCount",
        "Invalid page size.  | Lower maxCount   | Invalid page size. Lower maxCount",
        "Invalid page size.  | '  Lower maxCount '| Invalid page size. Lower maxCount",
        "'Is it valid? '     | Lower maxCount   | Is it valid? Lower maxCount",
        "Stop!               | Lower maxCount   | Stop! Lower maxCount",
        "and so on\u2026     | Lower maxCount   | and so on\u2026 Lower maxCount",
        "''                  | Lower maxCount   | Lower maxCount",
        "Invalid page size.  | '  '             | Invalid page size.",
      })
  void joinNeverDoublesTheEndOfASentence(String first, String next, String joined) {
    assertThat(Sentences.join(first, next)).isEqualTo(joined).doesNotContain("..");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"The user was not found.", "The user was not found", "The user was not found.  "})
  void aVendorMessageAndTheHintMakeOneSentenceEach(String vendorMessage) {
    VendorError error =
        new VendorError(
            "vonage",
            404,
            Optional.empty(),
            Optional.empty(),
            Optional.of(vendorMessage),
            List.of(),
            Optional.of("GET /agents/{userId}/presence: VCC knows no user with this id"),
            Optional.of("req-1"),
            "");

    assertThat(error.describe())
        .isEqualTo(
            "vonage answered HTTP 404: The user was not found. GET /agents/{userId}/presence: VCC"
                + " knows no user with this id (request id req-1)");
  }
}
