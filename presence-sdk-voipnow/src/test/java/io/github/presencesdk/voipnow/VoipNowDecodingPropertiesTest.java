package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.internal.Json;
import io.github.presencesdk.testsupport.DecodingChecks;
import io.github.presencesdk.testsupport.DecodingProperties;
import io.github.presencesdk.testsupport.FixedBodyServer;
import io.github.presencesdk.testsupport.JsonFuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okio.Buffer;

/**
 * Property tests of every VoipNow decoder: arbitrary JSON built from the vendor's field names and
 * values, and the documented payloads damaged in every way {@link JsonFuzz.Mutation} knows, each
 * give a value or an {@link UndecodableResponseException}, never a NullPointerException,
 * ClassCastException or Moshi exception. The same bodies sent by a server give every operation of
 * the client a result or a {@link PresenceException}; error bodies never break the error decoder.
 */
final class VoipNowDecodingPropertiesTest
    extends DecodingProperties<UndecodableResponseException, PresenceException> {
  private static final List<String> FIXTURES =
      List.of(
          "list-presence.json",
          "list-presence-single.json",
          "list-presence-strings.json",
          "list-presence-unknown-values.json");

  private static final List<String> NAMES =
      List.of(
          "startIndex",
          "totalResults",
          "itemsPerPage",
          "filtered",
          "sorted",
          "entry",
          "extension",
          "status",
          "registration",
          "agent",
          "expire");

  private static final List<String> VALUES =
      List.of(
          "0003*210",
          "0003*211",
          "0",
          "1",
          "2",
          "3",
          "-1",
          "-2",
          "2011-02-10T15:10:55Z",
          "0000-00-00 00:00:00");

  private static FixedBodyServer server;
  private static VoipNowClient client;

  VoipNowDecodingPropertiesTest() {
    super(UndecodableResponseException.class, PresenceException.class);
  }

  @Override
  protected List<String> fixtureNames() {
    return FIXTURES;
  }

  @Override
  protected List<String> fieldNames() {
    return NAMES;
  }

  @Override
  protected List<String> fieldValues() {
    return VALUES;
  }

  @BeforeContainer
  static void startServer() throws IOException {
    server = FixedBodyServer.start();
    client =
        VoipNowClient.builder()
            .baseUrl(server.url())
            .accessToken("tok-fuzz-voipnow")
            .retryPolicy(RetryPolicy.none())
            // Small pages and window, so that a listing of arbitrary answers stays short.
            .maxCount(2)
            .maxStartIndex(4)
            .bulkChunkSize(2)
            .build();
  }

  @AfterContainer
  static void stopServer() {
    client.close();
    server.close();
  }

  /** The decoders the client uses, each as the client calls it. */
  @Override
  protected List<DecodingChecks.Decoder> decoders() {
    return List.of(PresenceJson.pageAdapter(200)).stream()
        .map(VoipNowDecodingPropertiesTest::decoder)
        .toList();
  }

  private static DecodingChecks.Decoder decoder(JsonAdapter<?> adapter) {
    return bytes -> Json.decode(adapter, new Buffer().write(bytes), "voipnow", 200);
  }

  @Override
  protected void checkRefusal(UndecodableResponseException e) {
    assertThat(e.vendor()).isEqualTo("voipnow");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).startsWith("voipnow answered HTTP 200 but");
  }

  @Override
  protected void serve(String body) {
    server.body(body);
  }

  @Override
  protected void checkFailure(PresenceException e) {
    assertThat(e.getMessage()).contains("voipnow");
  }

  @Property(tries = 400)
  void errorBodiesNeverBreakTheErrorDecoder(@ForAll("bodies") String text) {
    VendorError base =
        new VendorError(
            "voipnow",
            400,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            text);
    VendorError decoded = VoipNowErrors.decode(base, text);
    assertThat(decoded.describe()).startsWith("voipnow answered HTTP 400");
  }

  @Override
  protected List<Supplier<Object>> operations() {
    return List.of(
        () -> client.presence("0003*210"),
        () -> client.presences(List.of("0003*210", "0003*211", "0003*212")),
        () -> client.listPage(ListPresenceRequest.builder().build()),
        () -> {
          List<ExtensionPresence> all = new java.util.ArrayList<>();
          client.list().forEach(all::add);
          return all;
        });
  }

  private static List<JsonAdapter<?>> decodersFor(String fixture) {
    return List.of(PresenceJson.pageAdapter(200));
  }

  @Example
  void theDocumentedPayloadsStillDecode() {
    for (String name : FIXTURES) {
      for (JsonAdapter<?> adapter : decodersFor(name)) {
        assertThat(decoder(adapter).decode(fixture(name).getBytes(StandardCharsets.UTF_8)))
            .as(name)
            .isNotNull();
      }
    }
  }
}
