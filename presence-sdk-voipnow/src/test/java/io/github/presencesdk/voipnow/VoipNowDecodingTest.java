package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How listing responses decode, and how entries map to the vendor-neutral state. */
final class VoipNowDecodingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private VoipNowClient client;

  @BeforeEach
  void setUp() {
    client =
        VoipNowClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-test")
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private ExtensionPresencePage page(String fixture) {
    server.enqueue(Fixtures.fixture(200, fixture));
    return client.listPage(ListPresenceRequest.builder().build());
  }

  @Test
  void documentedExampleDecodesEveryField() {
    ExtensionPresencePage page = page("list-presence.json");

    assertThat(page.entries()).hasSize(1);
    ExtensionPresence entry = page.entries().get(0);
    assertThat(entry.extension()).isEqualTo("0003*210");
    assertThat(entry.status()).isEqualTo(ExtensionStatus.UNKNOWN);
    assertThat(entry.rawStatus()).isEqualTo("0");
    assertThat(entry.registrations())
        .containsExactly(
            new Registration(
                Optional.of("3CXPhone 5.0.14439.0"),
                RegistrationState.NOT_REGISTERED,
                "-1",
                Optional.empty(),
                Optional.of(Instant.parse("2011-02-10T15:10:55Z"))));
    assertThat(entry.hasLiveRegistration()).isFalse();
    assertThat(entry.normalizedState()).isEqualTo(PresenceState.OFFLINE);
  }

  @Test
  void numbersSentAsStringsDecodeLikeNumbers() {
    ExtensionPresencePage page = page("list-presence-strings.json");

    assertThat(page.startIndex()).isZero();
    assertThat(page.totalResults()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(5000);
    assertThat(page.filtered()).isFalse();
    assertThat(page.sorted()).isTrue();
    ExtensionPresence online = page.entries().get(0);
    assertThat(online.status()).isEqualTo(ExtensionStatus.ONLINE);
    assertThat(online.rawStatus()).isEqualTo("1");
    Registration registration = online.registrations().get(0);
    assertThat(registration.state()).isEqualTo(RegistrationState.REGISTERED);
    assertThat(registration.status()).hasValue("1");
    assertThat(registration.isLive()).isTrue();
    assertThat(online.normalizedState()).isEqualTo(PresenceState.AVAILABLE);
    ExtensionPresence busy = page.entries().get(1);
    assertThat(busy.status()).isEqualTo(ExtensionStatus.BUSY);
    assertThat(busy.registrations().get(0).state()).isEqualTo(RegistrationState.EXPIRED);
    assertThat(busy.registrations().get(0).expiresAt()).isEmpty();
    assertThat(busy.normalizedState()).isEqualTo(PresenceState.BUSY);
  }

  @Test
  void numbersAndStringsGiveEqualEntries() {
    String asNumbers =
        "{\"startIndex\":0,\"totalResults\":1,\"itemsPerPage\":20,\"entry\":[{\"extension\":\"210\","
            + "\"status\":2,\"registration\":[{\"registration\":-2}]}]}";
    String asStrings =
        "{\"startIndex\":\"0\",\"totalResults\":\"1\",\"itemsPerPage\":\"20\",\"entry\":[{"
            + "\"extension\":\"210\",\"status\":\"2\",\"registration\":[{\"registration\":\"-2\"}]}]}";
    server.enqueue(Fixtures.json(200, asNumbers));
    server.enqueue(Fixtures.json(200, asStrings));

    ExtensionPresencePage first = client.listPage(ListPresenceRequest.builder().build());
    ExtensionPresencePage second = client.listPage(ListPresenceRequest.builder().build());

    assertThat(second.entries()).isEqualTo(first.entries());
    assertThat(second.totalResults()).isEqualTo(first.totalResults());
    assertThat(first.entries().get(0).status()).isEqualTo(ExtensionStatus.RINGING);
  }

  @Test
  void unknownValuesAreKeptAndUnknownFieldsSkipped() {
    ExtensionPresencePage page = page("list-presence-unknown-values.json");

    ExtensionPresence seven = page.entries().get(0);
    assertThat(seven.status()).isEqualTo(ExtensionStatus.UNRECOGNIZED);
    assertThat(seven.rawStatus()).isEqualTo("7");
    assertThat(seven.registrations().get(0).state()).isEqualTo(RegistrationState.UNRECOGNIZED);
    assertThat(seven.registrations().get(0).rawState()).isEqualTo("5");
    assertThat(seven.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(seven.toPresence().vendorStatus()).isEqualTo("7");

    ExtensionPresence away = page.entries().get(1);
    assertThat(away.status()).isEqualTo(ExtensionStatus.UNRECOGNIZED);
    assertThat(away.rawStatus()).isEqualTo("away");
    // A single registration object instead of an array.
    assertThat(away.registrations())
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(RegistrationState.NO_REGISTRATION_NEEDED));

    // "registration": null carries no value: like a missing field it says nothing, so status 0
    // stays unknown rather than offline.
    ExtensionPresence none = page.entries().get(2);
    assertThat(none.registrations()).isEmpty();
    assertThat(none.registrationsSent()).isFalse();
    assertThat(none.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
  }

  @Test
  void entriesWithoutStatusBecauseFieldsLeftItOutAreUnknownNotOffline() throws Exception {
    // The documented example with only the fields a fields=extension selection returns.
    server.enqueue(Fixtures.fixture(200, "list-presence-fields-extension.json"));

    List<ExtensionPresence> entries =
        client.list(ListPresenceRequest.builder().fields("extension").build()).stream().toList();

    assertThat(entries)
        .extracting(ExtensionPresence::extension)
        .containsExactly("0003*210", "0003*211");
    assertThat(entries)
        .allSatisfy(
            entry -> {
              assertThat(entry.status()).isEqualTo(ExtensionStatus.UNKNOWN);
              assertThat(entry.rawStatus()).isEmpty();
              assertThat(entry.registrations()).isEmpty();
              assertThat(entry.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
              assertThat(entry.toPresence().state()).isEqualTo(PresenceState.UNKNOWN);
              assertThat(entry.toPresence().vendorStatus()).isEmpty();
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("count=5000&startIndex=0&sortOrder=asc&fields=extension");
  }

  @Test
  void entryWithRegistrationsButNoStatusIsUnknownEvenWithoutALiveRegistration() throws Exception {
    server.enqueue(Fixtures.fixture(200, "list-presence-fields-registration.json"));

    ExtensionPresencePage page =
        client.listPage(ListPresenceRequest.builder().fields("registration").build());

    ExtensionPresence entry = page.entries().get(0);
    assertThat(entry.rawStatus()).isEmpty();
    assertThat(entry.hasLiveRegistration()).isFalse();
    assertThat(entry.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(server.takeRequest().getUrl().queryParameter("fields"))
        .isEqualTo("extension,registration");
  }

  /**
   * Answers the listing with one extension, status 0 and a live registration, sending only the
   * fields asked for, as VoipNow does.
   */
  private static Dispatcher unknownStatusWithALiveRegistration() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String fields = request.getUrl().queryParameter("fields");
        List<String> asked =
            fields == null
                ? List.of("extension", "status", "registration")
                : List.of(fields.split(","));
        List<String> parts = new ArrayList<>();
        if (asked.contains("extension")) {
          parts.add("\"extension\":\"0003*210\"");
        }
        if (asked.contains("status")) {
          parts.add("\"status\":0");
        }
        if (asked.contains("registration")) {
          parts.add(
              "\"registration\":[{\"agent\":\"3CXPhone 5.0.14439.0\",\"registration\":\"1\","
                  + "\"expire\":\"2011-02-10T15:10:55Z\"}]");
        }
        return Fixtures.json(
            200,
            "{\"startIndex\":0,\"totalResults\":1,\"itemsPerPage\":5000,\"filtered\":false,"
                + "\"sorted\":false,\"entry\":[{"
                + String.join(",", parts)
                + "}]}");
      }
    };
  }

  @Test
  void unknownStatusWithALiveRegistrationStaysUnknownWhenFieldsLeaveTheRegistrationsOut()
      throws Exception {
    server.setDispatcher(unknownStatusWithALiveRegistration());

    ExtensionPresence full = client.list().stream().toList().get(0);
    ExtensionPresence selected =
        client.list(ListPresenceRequest.builder().fields("extension", "status").build()).stream()
            .toList()
            .get(0);

    assertThat(full.registrationsSent()).isTrue();
    assertThat(full.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(selected.status()).isEqualTo(ExtensionStatus.UNKNOWN);
    assertThat(selected.rawStatus()).isEqualTo("0");
    assertThat(selected.registrations()).isEmpty();
    assertThat(selected.registrationsSent()).isFalse();
    // The registrations were not asked for: that says nothing, so the state stays unknown.
    assertThat(selected.normalizedState()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(selected.toPresence().state()).isEqualTo(PresenceState.UNKNOWN);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(first.getUrl().queryParameter("fields")).isNull();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getMethod()).isEqualTo("GET");
    assertThat(second.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(second.getUrl().queryParameter("fields")).isEqualTo("extension,status");
  }

  @Test
  void anEmptyRegistrationListSaysNoneAndANullOneSaysNothing() throws Exception {
    server.enqueue(
        Fixtures.json(
            200,
            "{\"startIndex\":0,\"totalResults\":2,\"itemsPerPage\":5000,\"filtered\":false,"
                + "\"sorted\":false,\"entry\":["
                + "{\"extension\":\"0003*210\",\"status\":0,\"registration\":[]},"
                + "{\"extension\":\"0003*211\",\"status\":0,\"registration\":null}]}"));

    List<ExtensionPresence> entries =
        client.listPage(ListPresenceRequest.builder().build()).entries();

    assertThat(entries.get(0).registrationsSent()).isTrue();
    assertThat(entries.get(0).normalizedState()).isEqualTo(PresenceState.OFFLINE);
    assertThat(entries.get(1).registrationsSent()).isFalse();
    assertThat(entries.get(1).normalizedState()).isEqualTo(PresenceState.UNKNOWN);
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("count=5000&startIndex=0");
  }

  @ParameterizedTest(name = "status {0} with registrations [{1}] is {2}")
  @CsvSource({
    "1, '', AVAILABLE",
    "1, -1, AVAILABLE",
    "2, 1, BUSY",
    "3, 1, BUSY",
    "3, '', BUSY",
    "0, '', OFFLINE",
    "0, -1;-2;0, OFFLINE",
    "0, -1;1, UNKNOWN",
    "0, 2, UNKNOWN",
    "9, 1, UNKNOWN",
    "9, '', UNKNOWN",
  })
  void stateMapping(String status, String registrations, PresenceState expected) {
    List<Registration> list = new ArrayList<>();
    for (String state : registrations.isEmpty() ? new String[0] : registrations.split(";")) {
      list.add(
          new Registration(
              Optional.empty(),
              RegistrationState.fromWire(state),
              state,
              Optional.empty(),
              Optional.empty()));
    }
    ExtensionPresence entry =
        new ExtensionPresence("0003*210", ExtensionStatus.fromWire(status), status, list);

    assertThat(entry.normalizedState()).isEqualTo(expected);
    assertThat(entry.toPresence().state()).isEqualTo(expected);
    assertThat(entry.toPresence().vendorStatus()).isEqualTo(status);
    assertThat(entry.toPresence().userId()).isEqualTo("0003*210");
    assertThat(entry.toPresence().label()).isEmpty();
    assertThat(entry.toPresence().updatedAt()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "0, UNKNOWN",
    "1, ONLINE",
    "' 2 ', RINGING",
    "03, BUSY",
    "4, UNRECOGNIZED",
    "x, UNRECOGNIZED"
  })
  void statusWireValues(String wire, ExtensionStatus expected) {
    assertThat(ExtensionStatus.fromWire(wire)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1, REGISTERED",
    "2, NO_REGISTRATION_NEEDED",
    "-1, NOT_REGISTERED",
    "-2, EXPIRED",
    "0, UNKNOWN",
    "-3, UNRECOGNIZED"
  })
  void registrationWireValues(String wire, RegistrationState expected) {
    assertThat(RegistrationState.fromWire(wire)).isEqualTo(expected);
    assertThat(expected.code())
        .isEqualTo(
            expected == RegistrationState.UNRECOGNIZED
                ? Integer.MIN_VALUE
                : Integer.parseInt(wire));
  }

  @ParameterizedTest
  @CsvSource({
    "2011-02-10T15:10:55Z, 2011-02-10T15:10:55Z",
    "2011-02-10T17:10:55+02:00, 2011-02-10T15:10:55Z",
    "2011-02-10T15:10:55, 2011-02-10T15:10:55Z",
    "2011-02-10 15:10:55, 2011-02-10T15:10:55Z"
  })
  void expiryFormats(String wire, String expected) {
    assertThat(PresenceJson.parseExpiry(wire)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void expiryThatIsNotADateIsAbsent() {
    assertThat(PresenceJson.parseExpiry("0000-00-00 00:00:00")).isNull();
    assertThat(PresenceJson.parseExpiry("")).isNull();
  }

  @Test
  void bodyWithoutTotalResultsIsUndecodable() {
    server.enqueue(Fixtures.json(200, "{\"startIndex\":0,\"entry\":[]}"));

    assertThatThrownBy(() -> client.listPage(ListPresenceRequest.builder().build()))
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("voipnow answered HTTP 200")
        .hasMessageContaining("totalResults");
  }

  @Test
  void entryWithoutExtensionIsUndecodable() {
    server.enqueue(
        Fixtures.json(200, "{\"startIndex\":0,\"totalResults\":1,\"entry\":[{\"status\":1}]}"));

    assertThatThrownBy(() -> client.listPage(ListPresenceRequest.builder().build()))
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("extension")
        .hasMessageContaining("$.entry[0]");
  }

  @Test
  void htmlInsteadOfJsonIsUndecodable() {
    server.enqueue(Fixtures.json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> client.list().stream().toList())
        .isInstanceOf(UndecodableResponseException.class)
        .satisfies(
            e ->
                assertThat(((UndecodableResponseException) e).bodyExcerpt())
                    .contains("maintenance"));
  }

  @Test
  void missingStartIndexIsTheOneRequested() {
    server.enqueue(
        Fixtures.json(
            200, "{\"totalResults\":30,\"entry\":[" + FakeVoipNow.entry("0003*210") + "]}"));

    ExtensionPresencePage page =
        client.listPage(ListPresenceRequest.builder().count(10).startIndex(20).build());

    assertThat(page.startIndex()).isEqualTo(20);
    assertThat(page.nextStartIndex()).isEqualTo(21);
  }
}
