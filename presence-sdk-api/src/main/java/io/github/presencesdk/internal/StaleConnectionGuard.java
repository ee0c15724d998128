package io.github.presencesdk.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks, before a request that is not safe to repeat is written, that the pooled HTTP/1 connection
 * it is about to use is still open, and refuses the connection if the server has closed it.
 *
 * <p>Servers may close an idle keep-alive connection without saying so. OkHttp only probes a pooled
 * connection for that when it has been idle for ten seconds or more, so a request sent sooner is
 * written into a connection the server has already closed, and fails with "unexpected end of
 * stream". For a request that is safe to repeat the core simply retries; one that is not safe could
 * not be retried, since the same failure also follows a request the server read and acted on. This
 * guard tells the two apart: it probes the socket before anything of the request is written (a
 * non-blocking read that sees the server's close), closes a connection found closed, and fails with
 * {@link StaleConnectionException}, which the core retries at once on another connection because
 * the server cannot have seen the request.
 *
 * <p>What remains is the race of a server closing the connection in the instant between the probe
 * and the write; such a failure is reported, not repeated. HTTP/2 connections are not probed:
 * OkHttp tracks their health itself.
 */
final class StaleConnectionGuard implements Interceptor {
  /** The tag that marks a request the guard checks. */
  enum Check {
    /** Probe the connection before writing. */
    PROBE
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection != null
        && request.tag(Check.class) == Check.PROBE
        && (connection.protocol() == Protocol.HTTP_1_1
            || connection.protocol() == Protocol.HTTP_1_0)) {
      Socket socket = connection.socket();
      if (isClosedByPeer(socket)) {
        socket.close();
        throw new StaleConnectionException(connection.route().socketAddress().toString());
      }
    }
    return chain.proceed(request);
  }

  /**
   * Reads from an idle connection with a 1 ms limit: a timeout means it is open and quiet; an end
   * of stream, an error or an unexpected byte means it cannot carry a request.
   */
  static boolean isClosedByPeer(Socket socket) {
    if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
      return true;
    }
    int timeout;
    try {
      timeout = socket.getSoTimeout();
    } catch (IOException e) {
      return true;
    }
    try {
      socket.setSoTimeout(1);
      // An idle HTTP/1 connection has nothing to read: -1 is the server's close, and a byte would
      // be stray data that leaves the connection unusable either way.
      socket.getInputStream().read();
      return true;
    } catch (SocketTimeoutException quiet) {
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      try {
        socket.setSoTimeout(timeout);
      } catch (IOException e) {
        // The socket failed; the request will fail on it and be reported.
      }
    }
  }

  /** The pooled connection was found closed by the server before the request was written. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(String address) {
      super("the pooled connection to " + address + " had been closed by the server");
    }
  }
}
