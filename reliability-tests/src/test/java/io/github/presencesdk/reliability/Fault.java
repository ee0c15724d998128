package io.github.presencesdk.reliability;

import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RateLimitedException;
import io.github.presencesdk.ServerException;
import io.github.presencesdk.UndecodableResponseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** One way a server on loopback can misbehave, and what the client must make of it. */
enum Fault {
  DROP_BEFORE_REQUEST_READ(Kind.TRANSPORT, "connection closed before the request is read"),
  DROP_BEFORE_RESPONSE(Kind.TRANSPORT, "connection closed after the request, before the response"),
  DROP_MID_BODY(Kind.TRANSPORT, "connection closed in the middle of a 200 body"),
  STALLED_BODY(Kind.TRANSPORT, "200 headers and half the body, then no more bytes"),
  NO_RESPONSE(Kind.TRANSPORT, "request read, no response at all"),
  RATE_LIMITED_SECONDS(Kind.RATE_LIMITED, "429 with Retry-After: 1 (seconds)"),
  RATE_LIMITED_HTTP_DATE(
      Kind.RATE_LIMITED,
      "429 with Retry-After as an HTTP date 1 to 2 s ahead of the client's clock"),
  RATE_LIMITED_ABSURD(Kind.RATE_LIMITED, "429 with Retry-After: 99999999999999"),
  STATUS_500(Kind.SERVER_NOT_RETRYABLE, "500 Internal Server Error"),
  STATUS_502(Kind.SERVER_RETRYABLE, "502 Bad Gateway"),
  STATUS_503(Kind.SERVER_RETRYABLE, "503 Service Unavailable"),
  STATUS_504(Kind.SERVER_RETRYABLE, "504 Gateway Timeout"),
  EMPTY_BODY(Kind.BAD_BODY, "200 with an empty body"),
  TRUNCATED_BODY(Kind.BAD_BODY, "200 with the body cut in half (Content-Length matches)"),
  HTML_BODY(Kind.BAD_BODY, "200 with an HTML page"),
  WRONG_TYPE_BODY(Kind.BAD_BODY, "200 with an array where an object belongs, or the reverse"),
  UNKNOWN_ENUM_VALUES(Kind.DATA, "200 with enum values this SDK does not know"),
  EXTRA_FIELDS(Kind.DATA, "200 with unknown fields in every object"),
  MISSING_OPTIONAL_FIELDS(Kind.DATA, "200 without the optional fields"),
  MISSING_REQUIRED_FIELDS(
      Kind.MISSING_REQUIRED, "200 without a field the answer cannot do without"),
  BODY_10_MB(Kind.DATA, "200 with a 10 MB body (a 10 MB unknown field)");

  /** How the client must treat a fault. */
  enum Kind {
    /** A transport failure: retried only where the operation is safe to repeat. */
    TRANSPORT(PresenceIoException.class),
    /** 429: retried for every operation, waiting as asked (at most the policy's maximum). */
    RATE_LIMITED(RateLimitedException.class),
    /** 500: never retried. */
    SERVER_NOT_RETRYABLE(ServerException.class),
    /** 502, 503, 504: retried where the operation is safe to repeat. */
    SERVER_RETRYABLE(ServerException.class),
    /** A 2xx body that cannot be read: never retried. */
    BAD_BODY(UndecodableResponseException.class),
    /** A 2xx body this SDK must read correctly. */
    DATA(null),
    /** A 2xx body lacking what the answer needs. */
    MISSING_REQUIRED(UndecodableResponseException.class);

    final Class<? extends RuntimeException> exception;

    Kind(Class<? extends RuntimeException> exception) {
      this.exception = exception;
    }
  }

  final Kind kind;
  final String description;

  Fault(Kind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** Whether the server stops sending, so that the client must give up on the attempt. */
  boolean stalls() {
    return this == STALLED_BODY || this == NO_RESPONSE;
  }

  /** Whether the fault is in the body of a 2xx answer (the rest replace the answer). */
  boolean isBodyFault() {
    return kind == Kind.BAD_BODY || kind == Kind.DATA || kind == Kind.MISSING_REQUIRED;
  }

  /** Whether a retry of an operation that is safe to repeat can get past the fault. */
  boolean retryableWhenSafe() {
    return kind == Kind.TRANSPORT || kind == Kind.SERVER_RETRYABLE || kind == Kind.RATE_LIMITED;
  }

  /** Whether a retry of any operation can get past the fault (the server did not act). */
  boolean retryableAlways() {
    return kind == Kind.RATE_LIMITED;
  }

  private static final String PADDING = "x".repeat(10 * 1024 * 1024);

  /**
   * The response the server sends instead of {@code good}, the 200 body a well-behaved server would
   * send; {@code operation} derives the data faults.
   *
   * @param clientNow the client's clock when it sent the request, for an HTTP-date {@code
   *     Retry-After}: the client measures the date against its own clock, which runs ahead of the
   *     server thread's once the client has skipped a wait
   */
  MockResponse response(String good, Operation operation, Instant clientNow) {
    MockResponse.Builder ok = json(200);
    return switch (this) {
      case DROP_BEFORE_REQUEST_READ ->
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
      case DROP_BEFORE_RESPONSE ->
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      case DROP_MID_BODY -> ok.body(good).onResponseBody(new SocketEffect.CloseSocket()).build();
      case STALLED_BODY -> ok.body(good).onResponseBody(SocketEffect.Stall.INSTANCE).build();
      case NO_RESPONSE ->
          new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
      case RATE_LIMITED_SECONDS -> error(429).setHeader("Retry-After", "1").build();
      case RATE_LIMITED_HTTP_DATE ->
          error(429)
              .setHeader(
                  "Retry-After",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      httpDateAhead(clientNow).atOffset(ZoneOffset.UTC)))
              .build();
      case RATE_LIMITED_ABSURD -> error(429).setHeader("Retry-After", "99999999999999").build();
      case STATUS_500 -> error(500).build();
      case STATUS_502 -> error(502).build();
      case STATUS_503 -> error(503).build();
      case STATUS_504 -> error(504).build();
      case EMPTY_BODY -> ok.body("").build();
      case TRUNCATED_BODY -> ok.body(good.substring(0, good.length() / 2)).build();
      case HTML_BODY ->
          ok.setHeader("Content-Type", "text/html")
              .body("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")
              .build();
      case WRONG_TYPE_BODY -> ok.body(wrongType(good)).build();
      case UNKNOWN_ENUM_VALUES ->
          ok.body(
                  JsonTree.write(
                      JsonTree.replace(JsonTree.parse(good), operation.unknownEnumValues())))
              .build();
      case EXTRA_FIELDS ->
          ok.body(JsonTree.write(JsonTree.addUnknownFields(JsonTree.parse(good)))).build();
      case MISSING_OPTIONAL_FIELDS ->
          ok.body(JsonTree.write(JsonTree.remove(JsonTree.parse(good), operation.optionalFields())))
              .build();
      case MISSING_REQUIRED_FIELDS ->
          ok.body(JsonTree.write(JsonTree.remove(JsonTree.parse(good), operation.requiredFields())))
              .build();
      case BODY_10_MB -> ok.body(padded(good)).build();
    };
  }

  /**
   * The whole second at least one second after {@code now}: an HTTP date has no fraction, so the
   * wait the client computes from it is between 1 and 2 s, less the time the answer took.
   */
  static Instant httpDateAhead(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
  }

  private static MockResponse.Builder json(int code) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json");
  }

  private static MockResponse.Builder error(int code) {
    return json(code).body("{\"message\":\"injected fault " + code + "\"}");
  }

  /** An object becomes an array holding it; an array becomes an object holding it. */
  private static String wrongType(String good) {
    String trimmed = good.trim();
    return trimmed.startsWith("[") ? "{\"items\":" + trimmed + "}" : "[" + trimmed + "]";
  }

  /** The good body with a 10 MB field this SDK does not know at the start of its first object. */
  private static String padded(String good) {
    int brace = good.indexOf('{');
    return good.substring(0, brace + 1)
        + "\"padding\":\""
        + PADDING
        + "\""
        + (good.charAt(brace + 1) == '}' ? "" : ",")
        + good.substring(brace + 1);
  }
}
