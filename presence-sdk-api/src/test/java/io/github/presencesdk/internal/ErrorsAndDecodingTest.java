package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.NotAcceptableException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.UnexpectedStatusException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ErrorsAndDecodingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private HttpCore core;

  record Item(String id, int count, @Nullable Instant at) {}

  static final JsonReader.Options NAMES = JsonReader.Options.of("id", "count", "at");

  static final JsonAdapter<Item> ITEM =
      new JsonAdapter<>() {
        @Override
        public Item fromJson(JsonReader reader) throws IOException {
          String id = null;
          int count = 0;
          Instant at = null;
          reader.beginObject();
          while (reader.hasNext()) {
            switch (reader.selectName(NAMES)) {
              case 0 -> id = Json.nextStringOrNull(reader);
              case 1 -> count = Json.nextIntLenient(reader, 0);
              case 2 -> at = Json.nextInstantOrNull(reader);
              default -> {
                reader.skipName();
                reader.skipValue();
              }
            }
          }
          reader.endObject();
          if (id == null) {
            throw Json.missing("id", reader);
          }
          return new Item(id, count, at);
        }

        @Override
        public void toJson(JsonWriter writer, @Nullable Item value) {
          throw new UnsupportedOperationException();
        }
      };

  @BeforeEach
  void setUp() {
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-secret-value")
            .retryPolicy(RetryPolicy.none())
            .buildCore();
  }

  @AfterEach
  void tearDown() {
    core.close();
  }

  private Item getItem() {
    return core.execute(
        ApiRequest.get(server.url("/item")),
        (status, body) -> Json.decode(ITEM, body, core.vendor(), status));
  }

  private static MockResponse respond(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  @Test
  void decodesNumbersSentAsStringsAndSkipsUnknownFields() {
    server.enqueue(
        respond(
            200,
            "{\"id\":\"a\",\"extra\":{\"x\":[1,2]},\"count\":\"7\",\"at\":\"2021-10-22T13:16:26.730Z\"}"));

    assertThat(getItem()).isEqualTo(new Item("a", 7, Instant.parse("2021-10-22T13:16:26.730Z")));
  }

  @Test
  void emptyBodyIsUndecodable() {
    server.enqueue(respond(200, ""));

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.getMessage()).contains("testvendor", "empty");
            });
  }

  @Test
  void htmlBodyIsUndecodableWithAnExcerpt() {
    server.enqueue(respond(200, "<html><body>Gateway</body></html>"));

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.getMessage()).contains("not valid JSON");
              assertThat(e.bodyExcerpt()).startsWith("<html>");
            });
  }

  @Test
  void wronglyTypedBodyIsUndecodableWithThePath() {
    server.enqueue(respond(200, "{\"id\":\"a\",\"count\":\"many\"}"));

    assertThatThrownBy(this::getItem)
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("$.count");
  }

  @Test
  void missingRequiredFieldIsUndecodable() {
    server.enqueue(respond(200, "{\"count\":1}"));

    assertThatThrownBy(this::getItem)
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("'id'");
  }

  @Test
  void truncatedBodyIsUndecodable() {
    server.enqueue(respond(200, "{\"id\":\"a\",\"cou"));

    assertThatThrownBy(this::getItem).isInstanceOf(UndecodableResponseException.class);
  }

  @Test
  void invalidDateIsUndecodable() {
    server.enqueue(respond(200, "{\"id\":\"a\",\"at\":\"yesterday\"}"));

    assertThatThrownBy(this::getItem)
        .isInstanceOf(UndecodableResponseException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void errorBodyKeepsCodeTitleMessageDetailsHeadersAndRequestId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("X-Request-Id", "abc-123")
            .setHeader("Set-Cookie", "session=private")
            .body(
                "{\"status\":400,\"title\":\"One or more validation errors occurred.\","
                    + "\"errors\":[{\"message\":\"The PresenceId field is required.\",\"path\":\"presenceId\"}]}")
            .build());

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.vendor()).isEqualTo("testvendor");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.error().title()).contains("One or more validation errors occurred.");
              assertThat(e.details())
                  .containsExactly(
                      ErrorDetail.of("presenceId", "The PresenceId field is required."));
              assertThat(e.requestId()).contains("abc-123");
              assertThat(e.headers()).containsKey("x-request-id").doesNotContainKey("set-cookie");
              assertThat(e.body()).contains("validation errors");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "testvendor answered HTTP 400: One or more validation errors occurred."
                          + " [presenceId: The PresenceId field is required.] (request id abc-123)");
            });
  }

  @Test
  void htmlErrorBodyStillGivesAClearMessage() {
    server.enqueue(respond(406, "<html><h1>406 Not Acceptable</h1></html>"));

    assertThatThrownBy(this::getItem)
        .isInstanceOf(NotAcceptableException.class)
        .hasMessage(
            "testvendor answered HTTP 406 with a non-JSON body (an HTML page, often from a proxy or"
                + " gateway)");
  }

  @Test
  void errorBodyIsCapped() {
    server.enqueue(respond(418, "x".repeat(100_000)));

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class,
            e -> {
              assertThat(e.body()).hasSize(PresenceServiceException.MAX_BODY_CHARS);
              assertThat(e.getMessage()).hasSizeLessThan(400);
            });
  }

  /** Answers with {@code code} and a body and header that quote the request's Authorization. */
  private void echoAuthorization(int code, String before, String after) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String auth = String.valueOf(request.getHeaders().get("Authorization"));
            return new MockResponse.Builder()
                .code(code)
                .setHeader("X-Echo-Authorization", auth)
                .body(before + auth + after)
                .build();
          }
        });
  }

  /** Every message, string form and excerpt of {@code e} and of its causes and suppressed. */
  private static String everything(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t).append('\n').append(t.getMessage()).append('\n');
      if (t instanceof UndecodableResponseException u) {
        out.append(u.bodyExcerpt()).append('\n');
      }
      if (t instanceof PresenceServiceException p) {
        out.append(p.body()).append(p.headers()).append(p.error()).append('\n');
      }
      for (Throwable s : t.getSuppressed()) {
        out.append(everything(s));
      }
    }
    return out.toString();
  }

  @Test
  void tokensNeverAppearInMessages() {
    echoAuthorization(500, "{\"message\":\"failed for ", "\"}");

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            PresenceServiceException.class,
            e -> {
              // The server did echo it: what was removed was there.
              assertThat(e.getMessage()).contains("failed for Bearer <redacted>");
              assertThat(e.headers())
                  .containsEntry("x-echo-authorization", List.of("Bearer <redacted>"));
              assertThat(everything(e)).doesNotContain("tok-secret-value");
            });
  }

  @Test
  void aProxyPageEchoingTheTokenWithStatus200IsRedactedFromTheUndecodableException() {
    echoAuthorization(
        200, "<html><body><h1>Proxy</h1><pre>GET /item\nAuthorization: ", "</pre></body></html>");

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.bodyExcerpt()).contains("Authorization: Bearer <redacted>");
              assertThat(e.getMessage()).contains("testvendor", "not valid JSON");
              assertThat(everything(e)).doesNotContain("tok-secret-value");
            });
  }

  @Test
  void aLenientNumberReaderDoesNotQuoteAValueThatIsNotANumber() {
    server.enqueue(respond(200, "{\"id\":\"a\",\"count\":\"tok-secret-value\"}"));

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains(
                      "Expected an int but was a string of 16 characters (letters, other"
                          + " characters) at path $.count");
              assertThat(everything(e)).doesNotContain("tok-secret-value");
            });
  }

  @Test
  void anUndecodableBodyWithoutCredentialsKeepsItsExceptionAsItIs() {
    server.enqueue(respond(200, "{\"id\":\"a\",\"count\":\"many\"}"));

    assertThatThrownBy(this::getItem)
        .isInstanceOfSatisfying(
            UndecodableResponseException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Expected an int but was a string of 4 characters (letters)");
              assertThat(e.getCause()).isInstanceOf(com.squareup.moshi.JsonDataException.class);
              assertThat(e.bodyExcerpt()).contains("\"count\":\"many\"");
            });
  }

  @Test
  void aStalledBodyEndsWithinTheAttemptTimeout() {
    core.close();
    core =
        TestClient.builder()
            .baseUrl(server.url("/"))
            .accessToken("tok-t")
            .retryPolicy(RetryPolicy.none())
            .attemptTimeout(Duration.ofMillis(300))
            .buildCore();
    server.enqueue(
        new MockResponse.Builder().body("{\"id\":\"a\"}").bodyDelay(5, TimeUnit.SECONDS).build());

    assertThatThrownBy(this::getItem)
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void closingTheClientEndsCallsInFlight() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Item> call = core.async(this::getItem);
    server.takeRequest(5, TimeUnit.SECONDS);

    core.close();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void largeBodiesAreRead() {
    StringBuilder big = new StringBuilder("{\"id\":\"a\",\"pad\":\"");
    big.append("y".repeat(10 * 1024 * 1024));
    big.append("\",\"count\":3}");
    server.enqueue(new MockResponse.Builder().body(new Buffer().writeUtf8(big.toString())).build());

    assertThat(getItem().count()).isEqualTo(3);
  }
}
