package io.github.presencesdk.vonage;

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
 * Property tests of every VCC decoder: arbitrary JSON built from the vendor's field names and
 * values, and the documented payloads damaged in every way {@link JsonFuzz.Mutation} knows, each
 * give a value or an {@link UndecodableResponseException}, never a NullPointerException,
 * ClassCastException or Moshi exception. The same bodies sent by a server give every operation of
 * the client a result or a {@link PresenceException}; error bodies never break the error decoder.
 */
final class VonageDecodingPropertiesTest
    extends DecodingProperties<UndecodableResponseException, PresenceException> {
  private static final List<String> FIXTURES =
      List.of(
          "presence-user.json",
          "presences-users.json",
          "presence-definitions.json",
          "agents-availability.json");

  private static final List<String> NAMES =
      List.of(
          "userId",
          "updated",
          "presence",
          "presenceId",
          "selectable",
          "category",
          "categoryType",
          "description",
          "subCategory",
          "presenceDefinitions",
          "presenceSummary",
          "availabilitySummary",
          "Ready",
          "Away",
          "ExtendedAway",
          "Extended Away",
          "LoggedOut",
          "available",
          "incompatiblePresence",
          "insufficientCapacity");

  private static final List<String> VALUES =
      List.of(
          "Ready",
          "Away",
          "ExtendedAway",
          "LoggedOut",
          "Logged Out",
          "Break",
          "daab05ec-ba50-45af-a6fd-3b01cdc6f39b",
          "c07da2cc-7a64-476e-aa95-be7042332a95",
          "DAAB05EC-BA50-45AF-A6FD-3B01CDC6F39B",
          "2021-10-22T13:16:26.730Z");

  private static FixedBodyServer server;
  private static VonageClient client;

  VonageDecodingPropertiesTest() {
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
        VonageClient.builder()
            .baseUrl(server.url())
            .accessToken("tok-fuzz-vonage")
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
    return List.of(
            VonageJson.USER_PRESENCE,
            VonageJson.USER_PRESENCES,
            VonageJson.PRESENCE_DEFINITIONS,
            VonageJson.AVAILABILITY_SUMMARY,
            VonageJson.PRESENCE,
            VonageJson.CATEGORY)
        .stream()
        .map(VonageDecodingPropertiesTest::decoder)
        .toList();
  }

  private static DecodingChecks.Decoder decoder(JsonAdapter<?> adapter) {
    return bytes -> Json.decode(adapter, new Buffer().write(bytes), "vonage", 200);
  }

  @Override
  protected void checkRefusal(UndecodableResponseException e) {
    assertThat(e.vendor()).isEqualTo("vonage");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).startsWith("vonage answered HTTP 200 but");
  }

  @Override
  protected void serve(String body) {
    server.body(body);
  }

  @Override
  protected void checkFailure(PresenceException e) {
    assertThat(e.getMessage()).contains("vonage");
  }

  @Property(tries = 400)
  void errorBodiesNeverBreakTheErrorDecoder(@ForAll("bodies") String text) {
    VendorError base =
        new VendorError(
            "vonage",
            400,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            text);
    assertThat(VonageErrors.decode(base, text).vendor()).isEqualTo("vonage");
    for (VonageErrors.Operation operation : VonageErrors.Operation.values()) {
      VendorError decoded = VonageErrors.decode(base, text, operation);
      assertThat(decoded.statusCode()).isEqualTo(400);
      assertThat(decoded.describe()).startsWith("vonage answered HTTP 400");
    }
  }

  private static final String USER_A = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b";
  private static final String USER_B = "c07da2cc-7a64-476e-aa95-be7042332a95";
  private static final String PRESENCE = "eaed6862-14fa-4114-be62-b8709b5d4a49";

  @Override
  protected List<Supplier<Object>> operations() {
    return List.of(
        () -> client.presence(USER_A),
        () -> client.presences(List.of(USER_A, USER_B)),
        () -> client.setPresence(USER_A, PRESENCE),
        () -> client.presenceDefinitions(),
        () -> client.availabilitySummary(AvailabilitySummaryRequest.builder().build()));
  }

  private static List<JsonAdapter<?>> decodersFor(String fixture) {
    return switch (fixture) {
      case "presence-user.json" -> List.of(VonageJson.USER_PRESENCE);
      case "presences-users.json" -> List.of(VonageJson.USER_PRESENCES);
      case "presence-definitions.json" -> List.of(VonageJson.PRESENCE_DEFINITIONS);
      default -> List.of(VonageJson.AVAILABILITY_SUMMARY);
    };
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
