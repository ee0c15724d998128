package io.github.presencesdk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testsupport.JsonFuzz.Mutation;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonFuzzTest {
  private static final String DOC = "{\"a\":1,\"b\":[true,{\"c\":\"x,y\"}],\"d\":null}";

  @Test
  void findsEveryValueInside() {
    List<String> values =
        JsonFuzz.valueSpans(DOC).stream().map(s -> DOC.substring(s[0], s[1])).toList();

    assertThat(values)
        .containsExactly(
            "1", "[true,{\"c\":\"x,y\"}]", "true", "{\"c\":\"x,y\"}", "\"x,y\"", "null");
  }

  @Test
  void replacesAValueOrEveryValueOfAKey() {
    assertThat(JsonFuzz.mutate(DOC, Mutation.REPLACE_VALUE, 0, "[]", 'x'))
        .isEqualTo("{\"a\":[],\"b\":[true,{\"c\":\"x,y\"}],\"d\":null}");
    assertThat(
            JsonFuzz.mutate("{\"k\":1,\"o\":{\"k\":2}}", Mutation.REPLACE_KEY_VALUES, 0, "{}", 'x'))
        .isEqualTo("{\"k\":{},\"o\":{\"k\":{}}}");
    assertThat(JsonFuzz.mutate(DOC, Mutation.RENAME_KEY, 0, "", 'x')).contains("\"a_renamed\":1");
  }

  @Test
  void truncatesWrapsAndNests() {
    assertThat(JsonFuzz.mutate(DOC, Mutation.TRUNCATE, 3, "", 'x')).isEqualTo("{\"a");
    assertThat(JsonFuzz.mutate(DOC, Mutation.WRAP_IN_ARRAY, 0, "", 'x')).isEqualTo("[" + DOC + "]");
    assertThat(JsonFuzz.mutate(DOC, Mutation.NEST_DEEPLY, 0, "", 'x'))
        .startsWith("[[[")
        .hasSize(DOC.length() + 600);
  }
}
