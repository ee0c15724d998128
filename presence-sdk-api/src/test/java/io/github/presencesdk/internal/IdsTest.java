package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class IdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", ".", "..", "a\nb", "a\u0000b"})
  void rejectsIdsThatCannotBeSent(String id) {
    assertThatThrownBy(() -> Ids.require(id, "userId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userId ");
  }

  @Test
  void rejectsNullAndOverlongIds() {
    assertThatThrownBy(() -> Ids.require(null, "userId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId must not be null");
    assertThatThrownBy(() -> Ids.require("x".repeat(10_000), "userId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userId must be at most 256 characters, was 10000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "../x", "a?b", "a#b", "100%", "with space", "ünï", "0003*210"})
  void acceptsIdsThatPathEncodingMakesSafe(String id) {
    assertThat(Ids.require(id, "userId")).isEqualTo(id);
  }

  @Test
  void namesTheIndexOfABadIdInACollection() {
    assertThatThrownBy(() -> Ids.requireDistinct(Arrays.asList("a", null), "userIds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userIds[1] must not be null");
    assertThatThrownBy(() -> Ids.requireDistinct(null, "userIds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userIds must not be null");
  }

  @Test
  void deduplicatesKeepingFirstAppearance() {
    assertThat(Ids.requireDistinct(List.of("b", "a", "b", "c", "a"), "ids"))
        .containsExactly("b", "a", "c");
  }
}
