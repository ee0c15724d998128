package io.github.presencesdk.reliability;

import io.github.presencesdk.testsupport.NoDelayServerSocketFactory;
import mockwebserver3.MockWebServer;

/** Loopback servers for the matrices. */
final class Loopback {
  private Loopback() {}

  /**
   * A MockWebServer whose connections send without Nagle's delay, so that the thousands of requests
   * of the bulk and concurrency cases do not each wait about 40 ms for a delayed acknowledgement.
   */
  static MockWebServer server() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    return server;
  }
}
