package io.github.presencesdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * The machinery the three fakes share: a MockWebServer on loopback whose dispatcher routes token
 * calls to the {@link TokenIssuer} and API calls to the vendor's {@link Api}, applies queued {@link
 * Faults} and records every call in the {@link RequestLog}.
 */
final class FakeServer implements AutoCloseable {
  /** A vendor's API behind the fake. Implementations are thread-safe. */
  interface Api {
    /** Answers one API request (authentication included). */
    Answer answer(RecordedRequest request);

    /** The ids one API request is about, for the request log. */
    List<String> ids(RecordedRequest request);

    /** The vendor's answer to an injected 429 or 5xx. */
    Answer failure(int status);
  }

  private static final Logger LOG = Logger.getLogger(FakeServer.class.getName());

  private final MockWebServer server = new MockWebServer();
  private final String tokenPath;
  private final TokenIssuer tokens;
  private final Api api;
  private final RequestLog log = new RequestLog();
  private final Faults faults = new Faults();

  FakeServer(String tokenPath, TokenIssuer tokens, Api api) {
    this.tokenPath = tokenPath;
    this.tokens = tokens;
    this.api = api;
    server.setDispatcher(new FakeDispatcher());
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the fake server", e);
    }
  }

  HttpUrl url(String path) {
    return server.url(path);
  }

  HttpUrl tokenUrl() {
    return server.url(tokenPath);
  }

  RequestLog log() {
    return log;
  }

  Faults faults() {
    return faults;
  }

  TokenIssuer tokens() {
    return tokens;
  }

  @Override
  public void close() {
    server.close();
  }

  private final class FakeDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      HttpUrl url = request.getUrl();
      String path = url.encodedPath();
      boolean tokenCall = path.equals(tokenPath);
      Faults.Fault fault = faults.take(path, tokenCall);
      Faults.Kind kind = fault.kind();
      long delayNanos = kind == Faults.Kind.SLOW ? fault.duration().toNanos() : 0;
      RequestLog.Flight flight = tokenCall ? null : log.begin(delayNanos);
      List<String> ids = tokenCall ? List.of() : api.ids(request);
      boolean authorization = request.getHeaders().get("Authorization") != null;

      if (kind == Faults.Kind.DISCONNECT) {
        record(request, ids, 0, authorization, tokenCall);
        if (flight != null) {
          flight.finish();
        }
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      }
      Answer answer;
      if (kind == Faults.Kind.RATE_LIMITED || kind == Faults.Kind.SERVER_ERROR) {
        answer = tokenCall ? tokens.failure(fault.status()) : api.failure(fault.status());
        if (kind == Faults.Kind.RATE_LIMITED) {
          long seconds = fault.duration().plusNanos(999_999_999L).toSeconds();
          answer = answer.withHeader("Retry-After", Long.toString(seconds));
        }
      } else {
        answer = process(request, tokenCall);
        if (kind == Faults.Kind.MALFORMED_BODY) {
          answer = truncated(answer);
        }
      }
      record(request, ids, answer.status(), authorization, tokenCall);

      MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
      answer.headers().forEach(response::setHeader);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      response.body(new TrackedBody(bytes, flight));
      if (delayNanos > 0) {
        response.headersDelay(delayNanos, TimeUnit.NANOSECONDS);
      }
      return response.build();
    }

    /** The normal answer; a bug in a fake becomes a 500 instead of a dropped connection. */
    private Answer process(RecordedRequest request, boolean tokenCall) {
      try {
        return tokenCall ? tokens.answer(request) : api.answer(request);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The fake failed to answer " + request.getRequestLine(), e);
        return tokenCall ? tokens.failure(500) : api.failure(500);
      }
    }

    private void record(
        RecordedRequest request,
        List<String> ids,
        int status,
        boolean authorization,
        boolean tokenCall) {
      HttpUrl url = request.getUrl();
      Map<String, List<String>> query = new LinkedHashMap<>();
      for (String name : url.queryParameterNames()) {
        List<String> values = new ArrayList<>();
        for (String value : url.queryParameterValues(name)) {
          values.add(value == null ? "" : value);
        }
        query.put(name, values);
      }
      log.add(
          new RecordedCall(
              request.getMethod(),
              url.encodedPath(),
              query,
              ids,
              status,
              authorization,
              tokenCall));
    }
  }

  /** The first half of a body: never valid JSON, because the closing bracket is cut off. */
  private static Answer truncated(Answer answer) {
    String body = answer.body();
    String cut = body.length() < 2 ? "{\"" : body.substring(0, body.length() / 2);
    return Answer.json(200, cut);
  }

  /** A fixed body that marks its request as no longer in flight once it has been written. */
  private static final class TrackedBody implements MockResponseBody {
    private final byte[] bytes;
    private final RequestLog.@Nullable Flight flight;

    TrackedBody(byte[] bytes, RequestLog.@Nullable Flight flight) {
      this.bytes = bytes;
      this.flight = flight;
    }

    @Override
    public long getContentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.write(bytes);
        // Custom bodies must flush themselves: the server does not flush after writeTo().
        sink.flush();
      } finally {
        if (flight != null) {
          flight.finish();
        }
      }
    }
  }
}
