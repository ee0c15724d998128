package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call interrupted while its connection is being set up (by the caller, or by close() stopping
 * the client's threads) ends with a {@link PresenceIoException}, never with the raw
 * InterruptedException OkHttp lets through from its connection race.
 */
final class InterruptTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final BlockingConnects connects = new BlockingConnects();
  private final OkHttpClient http = new OkHttpClient.Builder().socketFactory(connects).build();
  private HttpCore core;

  @AfterEach
  void tearDown() {
    connects.release.countDown();
    if (core != null) {
      core.close();
    }
    http.connectionPool().evictAll();
  }

  private HttpCore newCore() {
    return TestClient.builder()
        .baseUrl(server.url("/"))
        .accessToken("tok-interrupt")
        .okHttpClient(http)
        .retryPolicy(RetryPolicy.none())
        .buildCore();
  }

  private String get() {
    return core.execute(ApiRequest.get(server.url("/x")), (status, body) -> body.readUtf8());
  }

  @Test
  void anInterruptedCallerGetsAPresenceIoExceptionAndKeepsItsInterrupt() throws Exception {
    core = newCore();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                get();
              } catch (Throwable e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    assertThat(connects.connecting.await(30, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();
    caller.join(30_000);

    assertThat(thrown.get())
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("testvendor GET /x");
    assertThat(interruptKept).isTrue();
  }

  @Test
  void closeWhileAnAsyncCallConnectsEndsItWithPresenceIoException() throws Exception {
    core = newCore();
    CompletableFuture<String> call = core.async(this::get);
    assertThat(connects.connecting.await(30, TimeUnit.SECONDS)).isTrue();

    core.close();

    Throwable failure = null;
    try {
      call.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      failure = e.getCause();
    }
    assertThat(failure)
        .isInstanceOf(PresenceIoException.class)
        .hasMessageContaining("was cancelled because the client was closed");
  }

  /** Sockets whose connect waits until released, so that a call stays in its connect phase. */
  static final class BlockingConnects extends SocketFactory {
    final CountDownLatch connecting = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          connecting.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while connecting");
          }
          super.connect(endpoint, timeout);
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) {
      throw new UnsupportedOperationException();
    }
  }
}
