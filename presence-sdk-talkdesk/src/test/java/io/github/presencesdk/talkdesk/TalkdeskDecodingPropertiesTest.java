package io.github.presencesdk.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.internal.Json;
import io.github.presencesdk.testsupport.JsonFuzz;
import io.github.presencesdk.testsupport.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import okio.Buffer;

/**
 * Property tests of every Talkdesk decoder: arbitrary JSON built from the vendor's field names and
 * values, and the documented payloads damaged in every way {@link JsonFuzz.Mutation} knows, each
 * give a value or an {@link UndecodableResponseException}, never a NullPointerException,
 * ClassCastException or Moshi exception. The same bodies sent by a server give every operation of
 * the client a result or a {@link PresenceException}; error bodies never break the error decoder.
 */
final class TalkdeskDecodingPropertiesTest {
  private static final List<String> FIXTURES =
      List.of("presence.json", "presence-available.json", "custom-status.json");

  private static final List<String> NAMES =
      List.of(
          "id",
          "user_id",
          "account_id",
          "status",
          "custom_status",
          "custom_status_id",
          "occupancy",
          "channels",
          "devices",
          "interactions",
          "updated_by",
          "updated_at",
          "_links",
          "self",
          "href",
          "name",
          "channel_name",
          "device_id",
          "cost");

  private static final List<String> VALUES =
      List.of(
          "available",
          "away",
          "offline",
          "hidden",
          "AVAILABLE",
          "voice",
          "chat",
          "Lunch",
          "2024-01-01T10:00:00Z",
          "100");

  private static MockWebServer server;
  private static TalkdeskClient client;
  private static volatile String body = "";

  @BeforeContainer
  static void startServer() throws IOException {
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    server.start();
    client =
        TalkdeskClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-fuzz-talkdesk")
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterContainer
  static void stopServer() {
    client.close();
    server.close();
  }

  private static String fixture(String name) {
    try (InputStream in =
        TalkdeskDecodingPropertiesTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> documents() {
    return JsonFuzz.documents(NAMES, VALUES);
  }

  @Provide
  Arbitrary<String> mutations() {
    return JsonFuzz.mutations(
        FIXTURES.stream().map(TalkdeskDecodingPropertiesTest::fixture).toList());
  }

  @Property(tries = 300)
  void bytesThatAreNotUtf8DecodeOrAreRefused(@ForAll("damagedBytes") byte[] bytes) {
    decodesOrRefuses(bytes);
  }

  /** A documented payload with some of its bytes replaced by arbitrary ones (often not UTF-8). */
  @Provide
  Arbitrary<byte[]> damagedBytes() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(FIXTURES),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.bytes().list().ofMinSize(8).ofMaxSize(8))
        .as(
            (name, positions, values) -> {
              byte[] bytes = fixture(name).getBytes(StandardCharsets.UTF_8);
              for (int i = 0; i < positions.size(); i++) {
                bytes[positions.get(i) % bytes.length] = values.get(i);
              }
              return bytes;
            });
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(documents(), mutations());
  }

  /** The decoders the client uses, each as the client calls it. */
  private static List<JsonAdapter<?>> decoders() {
    return List.of(TalkdeskJson.PRESENCE, TalkdeskJson.CUSTOM_STATUSES);
  }

  private static void decodesOrRefuses(String text) {
    decodesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void decodesOrRefuses(byte[] bytes) {
    for (JsonAdapter<?> adapter : decoders()) {
      try {
        Object value = Json.decode(adapter, new Buffer().write(bytes), "talkdesk", 200);
        assertThat(value).isNotNull();
        Statistics.label("outcome").collect("decoded");
      } catch (UndecodableResponseException e) {
        assertThat(e.vendor()).isEqualTo("talkdesk");
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).startsWith("talkdesk answered HTTP 200 but");
        Statistics.label("outcome").collect("refused");
      }
    }
  }

  @Property(tries = 400)
  void arbitraryJsonDecodesOrIsRefused(@ForAll("documents") String text) {
    decodesOrRefuses(text);
    Statistics.label("outcome").coverage(c -> c.check("refused").count(n -> n > 0));
  }

  @Property(tries = 500)
  void damagedPayloadsDecodeOrAreRefused(@ForAll("mutations") String text) {
    decodesOrRefuses(text);
    // Both must happen often: damage that a tolerant decoder reads, and damage it refuses.
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("decoded").percentage(p -> p > 5);
              c.check("refused").percentage(p -> p > 5);
            });
  }

  /** Every operation of the client ends in a result or in a PresenceException. */
  @Property(tries = 120)
  void everyOperationEndsInAResultOrAPresenceException(@ForAll("bodies") String text) {
    body = text;
    for (Supplier<Object> operation : operations()) {
      try {
        assertThat(operation.get()).isNotNull();
      } catch (PresenceException e) {
        assertThat(e.getMessage()).contains("talkdesk");
      }
    }
  }

  @Property(tries = 400)
  void errorBodiesNeverBreakTheErrorDecoder(@ForAll("bodies") String text) {
    VendorError base =
        new VendorError(
            "talkdesk",
            400,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            text);
    assertThat(TalkdeskErrors.decode(base, text).vendor()).isEqualTo("talkdesk");
    VendorError decoded =
        TalkdeskErrors.forOperation(TalkdeskClient.SCOPE_PRESENCE_USER_READ, "user-1")
            .decode(base, text);
    assertThat(decoded.describe()).startsWith("talkdesk answered HTTP 400");
  }

  private static List<Supplier<Object>> operations() {
    return List.of(
        () -> client.presence("5f1e3c2a9b00000000000001"),
        () -> client.presences(List.of("5f1e3c2a9b00000000000001", "5f1e3c2a9b00000000000002")),
        () -> client.updateStatus("5f1e3c2a9b00000000000001", TalkdeskStatus.AWAY),
        () -> client.updateStatus("5f1e3c2a9b00000000000001", TalkdeskStatus.AWAY, "cs-1"),
        () -> client.customStatuses());
  }

  private static List<JsonAdapter<?>> decodersFor(String fixture) {
    return fixture.equals("custom-status.json")
        ? List.of(TalkdeskJson.CUSTOM_STATUSES)
        : List.of(TalkdeskJson.PRESENCE);
  }

  @Example
  void theDocumentedPayloadsStillDecode() {
    for (String name : FIXTURES) {
      for (JsonAdapter<?> adapter : decodersFor(name)) {
        assertThat(Json.decode(adapter, new Buffer().writeUtf8(fixture(name)), "talkdesk", 200))
            .as(name)
            .isNotNull();
      }
    }
  }
}
