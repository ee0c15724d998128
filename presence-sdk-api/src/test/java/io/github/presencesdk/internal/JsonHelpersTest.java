package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The shared reading helpers of {@link Json}, on real JSON. */
final class JsonHelpersTest {
  private static final JsonReader.Options N = JsonReader.Options.of("n");

  private static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  /** Reads {@code {"n": ...}} leniently as an int; other fields are skipped. */
  private static Integer readN(JsonReader reader) throws IOException {
    int n = -1;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(N) == 0) {
        n = Json.nextIntLenient(reader, 0);
      } else {
        Json.skipField(reader);
      }
    }
    reader.endObject();
    return n;
  }

  @Test
  void readArraySkipsNullElementsAndAppends() throws IOException {
    List<Integer> out = new ArrayList<>(List.of(0));
    JsonReader reader = reader("[{\"n\":1},null,{\"x\":[1,{}],\"n\":\"2\"}]");
    Json.readArray(reader, out, JsonHelpersTest::readN);
    assertThat(out).containsExactly(0, 1, 2);
    assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
  }

  @Test
  void readArrayRefusesAnObjectAndNull() {
    assertThatThrownBy(
            () -> Json.readArray(reader("{\"n\":1}"), new ArrayList<>(), JsonHelpersTest::readN))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected BEGIN_ARRAY but was BEGIN_OBJECT at path $");
    assertThatThrownBy(
            () -> Json.readArray(reader("null"), new ArrayList<>(), JsonHelpersTest::readN))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected BEGIN_ARRAY but was NULL at path $");
  }

  @Test
  void nextListGivesAnEmptyListForNullAndAMutableOneOtherwise() throws IOException {
    assertThat(Json.nextList(reader("null"), JsonHelpersTest::readN)).isEmpty();
    List<Integer> read = Json.nextList(reader("[null,{\"n\":3}]"), JsonHelpersTest::readN);
    assertThat(read).containsExactly(3);
    read.add(4);
    assertThat(read).containsExactly(3, 4);
  }

  @Test
  void anItemThatCannotBeReadNamesItsPath() {
    assertThatThrownBy(
            () -> Json.nextList(reader("[{\"n\":1},{\"n\":\"x\"}]"), JsonHelpersTest::readN))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an int but was a string of 1 character (letters) at path $[1].n");
  }

  @Test
  void aTruncatedArrayFailsAsTheEndOfTheInput() {
    assertThatThrownBy(() -> Json.nextList(reader("[{\"n\":1},"), JsonHelpersTest::readN))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void malformedJsonFailsAsMoshiReportsIt() {
    assertThatThrownBy(() -> Json.nextList(reader("[{\"n\":1}}"), JsonHelpersTest::readN))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("at path $[1]");
  }

  @Test
  void readArrayOrSingleTakesASingleObjectAsAnArrayOfOne() throws IOException {
    List<Integer> out = new ArrayList<>();
    Json.readArrayOrSingle(reader("{\"n\":5}"), out, JsonHelpersTest::readN);
    Json.readArrayOrSingle(reader("null"), out, JsonHelpersTest::readN);
    Json.readArrayOrSingle(reader("[{\"n\":6},null,{\"n\":7}]"), out, JsonHelpersTest::readN);
    assertThat(out).containsExactly(5, 6, 7);
    assertThatThrownBy(
            () ->
                Json.readArrayOrSingle(reader("\"5\""), new ArrayList<>(), JsonHelpersTest::readN))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected BEGIN_ARRAY but was STRING at path $");
  }

  @Test
  void skipNullConsumesOnlyANull() throws IOException {
    JsonReader reader = reader("[null,1]");
    reader.beginArray();
    assertThat(Json.skipNull(reader)).isTrue();
    assertThat(Json.skipNull(reader)).isFalse();
    assertThat(reader.nextInt()).isEqualTo(1);
    reader.endArray();
  }

  @Test
  void nextScalarOrNullReadsScalarsAsTextAndSkipsContainers() throws IOException {
    JsonReader reader = reader("[\" a \",1.50,true,null,{\"k\":[1]},[2,3],\"last\"]");
    reader.beginArray();
    assertThat(Json.nextScalarOrNull(reader)).isEqualTo(" a ");
    assertThat(Json.nextScalarOrNull(reader)).isEqualTo("1.50");
    assertThat(Json.nextScalarOrNull(reader)).isEqualTo("true");
    assertThat(Json.nextScalarOrNull(reader)).isNull();
    assertThat(Json.nextScalarOrNull(reader)).isNull();
    assertThat(Json.nextScalarOrNull(reader)).isNull();
    assertThat(Json.nextScalarOrNull(reader)).isEqualTo("last");
    reader.endArray();
  }

  @Test
  void lenientNumbersAcceptNumbersNumericStringsAndNull() throws IOException {
    JsonReader reader = reader("[42,\" 7 \",\"\",null,\"3000000000\",-1]");
    reader.beginArray();
    assertThat(Json.nextIntLenient(reader, 9)).isEqualTo(42);
    assertThat(Json.nextIntLenient(reader, 9)).isEqualTo(7);
    assertThat(Json.nextIntLenient(reader, 9)).isEqualTo(9);
    assertThat(Json.nextLongLenient(reader, 8L)).isEqualTo(8L);
    assertThat(Json.nextLongLenient(reader, 8L)).isEqualTo(3_000_000_000L);
    assertThat(Json.nextLongLenient(reader, 8L)).isEqualTo(-1L);
    reader.endArray();
  }

  @Test
  void lenientNumbersNameTheShapeOfWhatTheyRefuse() {
    assertThatThrownBy(() -> Json.nextIntLenient(reader("\"3000000000\""), 0))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an int but was a string of 10 characters (digits) at path $");
    assertThatThrownBy(() -> Json.nextLongLenient(reader("\"12x\""), 0))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a long but was a string of 3 characters (letters, digits) at path $");
    assertThatThrownBy(() -> Json.nextIntLenient(reader("1.5"), 0))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected an int but was 1.5 at path $");
    assertThatThrownBy(() -> Json.nextLongLenient(reader("true"), 0))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a long but was BOOLEAN at path $");
  }

  @Test
  void aReadOnlyAdapterReadsAndRefusesToWrite() throws IOException {
    JsonAdapter<Integer> adapter = Json.readOnly(JsonHelpersTest::readN);
    assertThat(adapter.fromJson("{\"n\":\"12\"}")).isEqualTo(12);
    assertThatThrownBy(() -> adapter.toJson(JsonWriter.of(new Buffer()), 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("read only");
  }

  @Test
  void aReadOnlyAdapterMayCarryItsOwnMessageOrNone() {
    JsonAdapter<Integer> named =
        new Json.ReadOnlyAdapter<>("only decoding is supported") {
          @Override
          public Integer fromJson(JsonReader reader) throws IOException {
            return readN(reader);
          }
        };
    JsonAdapter<Integer> silent =
        new Json.ReadOnlyAdapter<>(null) {
          @Override
          public Integer fromJson(JsonReader reader) throws IOException {
            return readN(reader);
          }
        };
    assertThatThrownBy(() -> named.toJson(JsonWriter.of(new Buffer()), 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("only decoding is supported");
    assertThatThrownBy(() -> silent.toJson(JsonWriter.of(new Buffer()), 1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(null);
  }

  @Test
  void decodingThroughAReadOnlyAdapterKeepsThePathInTheMessage() {
    JsonAdapter<List<Integer>> adapter =
        Json.readOnly(reader -> Json.nextList(reader, JsonHelpersTest::readN));
    assertThatThrownBy(
            () -> Json.decode(adapter, new Buffer().writeUtf8("[{\"n\":true}]"), "vendor", 200))
        .hasMessage(
            "vendor answered HTTP 200 but the body has an unexpected shape: Expected an int but"
                + " was BOOLEAN at path $[0].n");
  }
}
