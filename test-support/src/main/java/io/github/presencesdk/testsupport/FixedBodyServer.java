package io.github.presencesdk.testsupport;

import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A started {@link MockWebServer} that answers every request with HTTP 200 and the JSON body last
 * given to {@link #body(String)} (empty at first). Needs mockwebserver3 on the class path.
 */
public final class FixedBodyServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private volatile String body = "";

  private FixedBodyServer() {}

  /** A new server, started, with no-delay sockets. */
  public static FixedBodyServer start() throws IOException {
    FixedBodyServer fixed = new FixedBodyServer();
    fixed.server.setServerSocketFactory(new NoDelayServerSocketFactory());
    fixed.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(fixed.body)
                .build();
          }
        });
    fixed.server.start();
    return fixed;
  }

  /** The body of every answer from now on. */
  public void body(String body) {
    this.body = body;
  }

  /** The root URL of the server. */
  public HttpUrl url() {
    return server.url("/");
  }

  @Override
  public void close() {
    server.close();
  }
}
