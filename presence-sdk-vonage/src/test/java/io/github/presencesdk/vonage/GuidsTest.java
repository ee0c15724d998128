package io.github.presencesdk.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Guids#isGuid} must say what the {@link Guids#GUID} pattern says. */
final class GuidsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39b",
        "DAAB05EC-BA50-45AF-A6FD-3B01CDC6F39B",
        "00000000-0000-0000-0000-000000000000",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39bb",
        "daab05ecxba50-45af-a6fd-3b01cdc6f39b",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f39g",
        "daab05ec-ba50-45af-a6fd-3b01cdc6f3-b",
        "{daab05ec-ba50-45af-a6fd-3b01cdc6f39}",
        "",
        "../x"
      })
  void agreesWithThePattern(String id) {
    assertThat(Guids.isGuid(id)).as(id).isEqualTo(Guids.GUID.matcher(id).matches());
  }

  @Test
  void agreesWithThePatternOnMutatedGuids() {
    Random random = new Random(7);
    String alphabet = "0123456789abcdefABCDEFgG-x ";
    for (int i = 0; i < 20_000; i++) {
      char[] id = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b".toCharArray();
      for (int k = random.nextInt(3); k >= 0; k--) {
        id[random.nextInt(id.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String text = new String(id);
      assertThat(Guids.isGuid(text)).as(text).isEqualTo(Guids.GUID.matcher(text).matches());
    }
  }
}
