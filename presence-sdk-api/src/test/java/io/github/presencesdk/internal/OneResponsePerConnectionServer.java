package io.github.presencesdk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import okhttp3.HttpUrl;

/**
 * A loopback HTTP/1.1 server that behaves like the servers behind the stale-connection failure: it
 * answers keep-alive requests without {@code Connection: close} and then closes the connection
 * anyway. MockWebServer cannot say when its close has happened; this server lets a test wait for
 * it, so that what the test sends next meets a connection that is closed for certain.
 */
final class OneResponsePerConnectionServer implements AutoCloseable {
  /** What the server does after reading a request. */
  enum Mode {
    /** Answer 200, then close the connection without announcing it. */
    ANSWER_THEN_CLOSE,
    /** Answer 200 and keep the connection open. */
    ANSWER_AND_KEEP_OPEN,
    /** Close the connection without answering, after reading the whole request. */
    CLOSE_WITHOUT_ANSWER
  }

  final List<String> requestLines = new CopyOnWriteArrayList<>();
  final List<Mode> script = new CopyOnWriteArrayList<>();
  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Semaphore closes = new Semaphore(0);
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile int connections;
  private volatile CountDownLatch gather = new CountDownLatch(0);

  OneResponsePerConnectionServer() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "one-response-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  HttpUrl url(String path) {
    return new HttpUrl.Builder()
        .scheme("http")
        .host(serverSocket.getInetAddress().getHostAddress())
        .port(serverSocket.getLocalPort())
        .build()
        .resolve(path);
  }

  int connections() {
    return connections;
  }

  /**
   * Holds each answer until {@code count} requests have arrived, so that they use as many
   * connections.
   */
  void gather(int count) {
    gather = new CountDownLatch(count);
  }

  /** Closes every open connection, as a server does to idle keep-alive connections. */
  void closeOpenConnections() throws IOException {
    for (Socket socket : open) {
      socket.close();
      open.remove(socket);
    }
  }

  /** Waits until the server has closed {@code count} connections of its own accord. */
  void awaitCloses(int count) throws InterruptedException {
    closes.acquire(count);
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        connections++;
        open.add(socket);
        Thread handler = new Thread(() -> serve(socket), "one-response-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        readBody(in, head);
        requestLines.add(head.substring(0, head.indexOf('\r')));
        Mode mode = script.isEmpty() ? Mode.ANSWER_THEN_CLOSE : script.remove(0);
        CountDownLatch waitFor = gather;
        waitFor.countDown();
        try {
          waitFor.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (mode == Mode.CLOSE_WITHOUT_ANSWER) {
          open.remove(socket);
          socket.close();
          closes.release();
          return;
        }
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (mode == Mode.ANSWER_THEN_CLOSE) {
          open.remove(socket);
          socket.close();
          closes.release();
          return;
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static void readBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
        in.readNBytes(length);
      }
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
