package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.UndecodableResponseException;
import java.io.IOException;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body is one JSON document: anything after it makes the answer undecodable. */
final class StrictDecodingTest {
  private static final JsonAdapter<Object> ANY =
      new JsonAdapter<>() {
        @Override
        public Object fromJson(JsonReader reader) throws IOException {
          return reader.readJsonValue();
        }

        @Override
        public void toJson(JsonWriter writer, @Nullable Object value) {
          throw new UnsupportedOperationException();
        }
      };

  private static Object decode(String body) {
    return Json.decode(ANY, new Buffer().writeUtf8(body), "testvendor", 200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1}{\"a\":2}",
        "{\"a\":1} <html>proxy error</html>",
        "[1][2]",
        "{\"a\":1}garbage",
        "\"x\" \"y\""
      })
  void contentAfterTheDocumentIsRefused(String body) {
    assertThatThrownBy(() -> decode(body))
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageStartingWith("testvendor answered HTTP 200 but");
    assertThat(ErrorBodies.parseObject(body)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1}", "{\"a\":1}\n", "  {\"a\":1}\r\n\t "})
  void whitespaceAfterTheDocumentIsFine(String body) {
    assertThat(decode(body)).isEqualTo(Map.of("a", 1.0));
    assertThat(ErrorBodies.parseObject(body)).isEqualTo(Map.of("a", 1.0));
  }
}
