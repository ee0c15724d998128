package io.github.presencesdk.talkdesk;

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
 * Property tests of every Talkdesk decoder: arbitrary JSON built from the vendor's field names and
 * values, and the documented payloads damaged in every way {@link JsonFuzz.Mutation} knows, each
 * give a value or an {@link UndecodableResponseException}, never a NullPointerException,
 * ClassCastException or Moshi exception. The same bodies sent by a server give every operation of
 * the client a result or a {@link PresenceException}; error bodies never break the error decoder.
 */
final class TalkdeskDecodingPropertiesTest
    extends DecodingProperties<UndecodableResponseException, PresenceException> {
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

  private static FixedBodyServer server;
  private static TalkdeskClient client;

  TalkdeskDecodingPropertiesTest() {
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
        TalkdeskClient.builder()
            .baseUrl(server.url())
            .accessToken("tok-fuzz-talkdesk")
            .retryPolicy(RetryPolicy.none())
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
    return List.of(TalkdeskJson.PRESENCE, TalkdeskJson.CUSTOM_STATUSES).stream()
        .map(TalkdeskDecodingPropertiesTest::decoder)
        .toList();
  }

  private static DecodingChecks.Decoder decoder(JsonAdapter<?> adapter) {
    return bytes -> Json.decode(adapter, new Buffer().write(bytes), "talkdesk", 200);
  }

  @Override
  protected void checkRefusal(UndecodableResponseException e) {
    assertThat(e.vendor()).isEqualTo("talkdesk");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).startsWith("talkdesk answered HTTP 200 but");
  }

  @Override
  protected void serve(String body) {
    server.body(body);
  }

  @Override
  protected void checkFailure(PresenceException e) {
    assertThat(e.getMessage()).contains("talkdesk");
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

  @Override
  protected List<Supplier<Object>> operations() {
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
        assertThat(decoder(adapter).decode(fixture(name).getBytes(StandardCharsets.UTF_8)))
            .as(name)
            .isNotNull();
      }
    }
  }
}
