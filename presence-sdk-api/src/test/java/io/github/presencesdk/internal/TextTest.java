package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TextTest {
  @Test
  void abbreviateKeepsShortTextAndCutsLongText() {
    assertThat(Text.abbreviate("", 3)).isEmpty();
    assertThat(Text.abbreviate("abc", 3)).isEqualTo("abc");
    assertThat(Text.abbreviate("abcd", 3)).isEqualTo("abc...");
    assertThat(Text.abbreviate("x".repeat(250), 200)).isEqualTo("x".repeat(200) + "...");
  }

  @Test
  void indexOfNonVisibleAsciiFindsTheFirstCharacterABearerTokenCannotHold() {
    assertThat(Text.indexOfNonVisibleAscii("")).isEqualTo(-1);
    assertThat(Text.indexOfNonVisibleAscii("!abc~XYZ019-._+/=")).isEqualTo(-1);
    assertThat(Text.indexOfNonVisibleAscii("ab c")).isEqualTo(2);
    assertThat(Text.indexOfNonVisibleAscii("abc\n")).isEqualTo(3);
    assertThat(Text.indexOfNonVisibleAscii("\u007fa")).isEqualTo(0);
    assertThat(Text.indexOfNonVisibleAscii("t\u00e9\u0001")).isEqualTo(1);
  }
}
