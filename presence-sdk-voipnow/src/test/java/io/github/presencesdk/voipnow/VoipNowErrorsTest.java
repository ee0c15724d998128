package io.github.presencesdk.voipnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.VendorError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented error code, decoded from VoipNow's error body into the exception tree. */
final class VoipNowErrorsTest {
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

  private PresenceServiceException failWith(int status, String fixture) {
    server.enqueue(Fixtures.fixture(status, "errors/" + fixture));
    try {
      client.listPage(ListPresenceRequest.builder().build());
    } catch (PresenceServiceException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void aVendorMessageEndingInAPeriodIsFollowedByTheHintWithoutASecondOne() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("Content-Type", "application/json")
            .body("{\"error\":{\"code\":\"count_invalid\",\"message\":\"Invalid page size.\"}}")
            .build());

    PresenceServiceException e =
        failWith(() -> client.listPage(ListPresenceRequest.builder().build()));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.getMessage())
        .contains("Invalid page size. This server accepts a smaller page")
        .doesNotContain("..");
    assertThat(server.takeRequest().getUrl().queryParameter("count")).isEqualTo("5000");
  }

  private static PresenceServiceException failWith(Runnable call) {
    try {
      call.run();
    } catch (PresenceServiceException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "access_denied, 401",
    "user_invalid, 400",
    "extension_invalid, 400",
    "fields_invalid, 400",
    "count_invalid, 400",
    "startindex_invalid, 400",
    "filterby_invalid, 400",
    "filterop_invalid, 400",
    "filtervalue_invalid, 400",
    "sortorder_invalid, 400",
  })
  void everyHintFollowsAVendorSentenceWithOnePeriod(String code, int status) throws Exception {
    server.enqueue(
        Fixtures.json(
            status,
            "{\"error\":{\"code\":\"" + code + "\",\"message\":\"The request was refused.\"}}"));

    PresenceServiceException e =
        failWith(() -> client.listPage(ListPresenceRequest.builder().build()));

    assertThat(e.error().hint()).isPresent();
    assertThat(e.getMessage())
        .contains("The request was refused. " + e.error().hint().orElseThrow())
        .doesNotContain("..");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/uapi/extensions/@me/@self/presence");
    assertThat(request.getUrl().query()).isEqualTo("count=5000&startIndex=0");
  }

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
    "access_denied, 401, ACCESS_DENIED, AuthenticationException, true",
    "user_invalid, 400, USER_INVALID, BadRequestException, true",
    "extension_invalid, 400, EXTENSION_INVALID, BadRequestException, true",
    "fields_invalid, 400, FIELDS_INVALID, BadRequestException, true",
    "count_invalid, 400, COUNT_INVALID, BadRequestException, true",
    "filterby_invalid, 400, FILTERBY_INVALID, BadRequestException, true",
    "filterop_invalid, 400, FILTEROP_INVALID, BadRequestException, true",
    "filtervalue_invalid, 400, FILTERVALUE_INVALID, BadRequestException, true",
    "sortorder_invalid, 400, SORTORDER_INVALID, BadRequestException, true",
    "startindex_invalid, 400, STARTINDEX_INVALID, BadRequestException, true",
    "internal_server_error, 500, INTERNAL_SERVER_ERROR, ServerException, false",
    "request_not_implemented, 501, REQUEST_NOT_IMPLEMENTED, ServerException, false"
  })
  void documentedErrorCodeDecodesIntoTheExceptionTree(
      String code, int status, VoipNowErrorCode typed, String exceptionType, boolean hinted) {
    PresenceServiceException e = failWith(status, code + ".json");

    assertThat(e.getClass().getSimpleName()).isEqualTo(exceptionType);
    assertThat(e.vendor()).isEqualTo("voipnow");
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.errorCode()).hasValue(code);
    assertThat(VoipNowErrorCode.of(e)).isEqualTo(typed);
    assertThat(typed.wireValue()).isEqualTo(code);
    assertThat(e.vendorMessage()).hasValue("The request failed: " + code.replace('_', ' ') + ".");
    assertThat(e.getMessage())
        .startsWith("voipnow answered HTTP " + status + " [" + code + "]: The request failed")
        .doesNotContain("tok-test");
    assertThat(e.error().hint().isPresent()).isEqualTo(hinted);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void countInvalidHintNamesTheBuilderSetting() {
    PresenceServiceException e = failWith(400, "count_invalid.json");

    assertThat(e.getMessage()).contains("lower maxCount on the client builder");
  }

  @Test
  void startIndexInvalidHintNamesTheBuilderSetting() {
    PresenceServiceException e = failWith(400, "startindex_invalid.json");

    assertThat(e.getMessage()).contains("lower maxStartIndex on the client builder");
  }

  @Test
  void codeSpelledWithAStraySpaceIsKeptRawAndTypedAsTheRealCode() {
    PresenceServiceException e = failWith(400, "fields_invalid-stray-space.json");

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorCode()).hasValue("fields_inv alid");
    assertThat(VoipNowErrorCode.of(e)).isEqualTo(VoipNowErrorCode.FIELDS_INVALID);
  }

  @Test
  void unknownCodeKeepsItsRawValue() {
    PresenceServiceException e = failWith(400, "unknown_code.json");

    assertThat(e.errorCode()).hasValue("quota_exceeded");
    assertThat(VoipNowErrorCode.of(e)).isEqualTo(VoipNowErrorCode.UNKNOWN);
    assertThat(e.vendorMessage()).hasValue("Too many extensions requested.");
    assertThat(e.error().hint()).isEmpty();
  }

  @Test
  void bodyThatIsNotJsonKeepsStatusAndBody() {
    server.enqueue(Fixtures.json(500, "<html>Internal error</html>"));

    assertThatThrownBy(() -> client.listPage(ListPresenceRequest.builder().build()))
        .isInstanceOf(ServerException.class)
        .satisfies(
            e -> {
              ServerException se = (ServerException) e;
              assertThat(se.errorCode()).isEmpty();
              assertThat(VoipNowErrorCode.of(se)).isEqualTo(VoipNowErrorCode.UNKNOWN);
              assertThat(se.body()).contains("Internal error");
            });
  }

  @Test
  void oauthStyleErrorIsDecodedToo() {
    server.enqueue(
        Fixtures.json(
            401, "{\"error\":\"access_denied\",\"error_description\":\"The token expired.\"}"));

    assertThatThrownBy(() -> client.listPage(ListPresenceRequest.builder().build()))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(
            e -> {
              PresenceServiceException pse = (PresenceServiceException) e;
              assertThat(VoipNowErrorCode.of(pse)).isEqualTo(VoipNowErrorCode.ACCESS_DENIED);
              assertThat(pse.vendorMessage()).hasValue("The token expired.");
            });
  }

  @Test
  void errorOnALaterPageEndsTheListingAfterTheEntriesRead() {
    FakeVoipNow fake = new FakeVoipNow(FakeVoipNow.numbers("0003*", 1000, 6001));
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            if ("5000".equals(request.getUrl().queryParameter("startIndex"))) {
              return Fixtures.fixture(500, "errors/internal_server_error.json");
            }
            return fake.dispatch(request);
          }
        });
    Iterator<ExtensionPresence> it = client.list().iterator();
    List<String> read = new ArrayList<>();

    assertThatThrownBy(
            () -> {
              while (it.hasNext()) {
                read.add(it.next().extension());
              }
            })
        .isInstanceOf(ServerException.class);
    assertThat(read).hasSize(5000);
  }

  @Test
  void codeOfAnotherVendorsExceptionIsUnknown() {
    PresenceServiceException other =
        new BadRequestException(
            new VendorError(
                "vonage",
                400,
                Optional.of("count_invalid"),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                ""),
            Map.of());

    assertThat(VoipNowErrorCode.of(other)).isEqualTo(VoipNowErrorCode.UNKNOWN);
  }

  @Test
  void fromWireIgnoresCaseAndWhitespace() {
    assertThat(VoipNowErrorCode.fromWire("StartIndex _Invalid"))
        .isEqualTo(VoipNowErrorCode.STARTINDEX_INVALID);
    assertThat(VoipNowErrorCode.fromWire(null)).isEqualTo(VoipNowErrorCode.UNKNOWN);
    assertThat(VoipNowErrorCode.fromWire(" ")).isEqualTo(VoipNowErrorCode.UNKNOWN);
  }
}
