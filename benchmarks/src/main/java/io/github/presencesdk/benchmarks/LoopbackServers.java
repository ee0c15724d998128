package io.github.presencesdk.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Loopback servers that play the vendors for the benchmarks. Each serves every connection on its
 * own thread, so it answers as many requests at once as the client opens connections, and counts
 * the requests it answered.
 */
public final class LoopbackServers {
  private LoopbackServers() {}

  /** Starts a server on the loopback interface with {@code dispatcher}. */
  public static MockWebServer start(Dispatcher dispatcher) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(dispatcher);
    server.start();
    return server;
  }

  /**
   * Accepts connections with Nagle's algorithm off. The server writes a response's headers and body
   * separately; with Nagle on, the body waits for the client's delayed acknowledgement of the
   * headers (40 ms on Linux), which would measure the kernel's timers instead of the clients.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** Drops the requests the server recorded, so that a long run does not hold them all. */
  public static void forgetRequests(MockWebServer server) {
    try {
      while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // drained
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static MockResponse error(int code, String errorCode) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"" + errorCode + "\"}}")
        .build();
  }

  private static void pause(long delayMillis) {
    if (delayMillis <= 0) {
      return;
    }
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Answers every request with the same prebuilt body. */
  public static final class Fixed extends Dispatcher {
    private final MockResponse response;
    private final AtomicInteger requests = new AtomicInteger();

    /** Serves {@code body} as {@code application/json} with status 200. */
    public Fixed(String body) {
      this.response = json(body);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      return response;
    }

    /** The number of requests answered. */
    public int requests() {
      return requests.get();
    }
  }

  /**
   * Plays VCC's {@code GET /agents/presences/users?userId=a,b,...}: answers after {@code delay}
   * with one presence per requested id.
   */
  public static final class Vcc extends Dispatcher {
    private volatile long delayMillis;
    private final AtomicInteger requests = new AtomicInteger();

    /** Answers each request after {@code delayMillis}. */
    public Vcc(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      pause(delayMillis);
      HttpUrl url = request.getUrl();
      String ids = url.queryParameter("userId");
      if (!url.encodedPath().equals("/agents/presences/users") || ids == null) {
        return new MockResponse.Builder().code(404).build();
      }
      List<String> userIds = Arrays.asList(ids.split(","));
      if (userIds.size() > 50) {
        return new MockResponse.Builder()
            .code(400)
            .body("{\"status\":400,\"title\":\"Query limit\"}")
            .build();
      }
      return json(Payloads.vccPresences(userIds));
    }

    /** The number of requests answered. */
    public int requests() {
      return requests.get();
    }

    /** Starts counting from zero. */
    public void resetCount() {
      requests.set(0);
    }

    /** Changes the delay, for example to 0 while warming up. */
    public void delayMillis(long delayMillis) {
      this.delayMillis = delayMillis;
    }
  }

  /** Plays Talkdesk's {@code GET /users/{id}/presence}: answers after {@code delay}. */
  public static final class Talkdesk extends Dispatcher {
    private volatile long delayMillis;
    private final AtomicInteger requests = new AtomicInteger();

    /** Answers each request after {@code delayMillis}. */
    public Talkdesk(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      pause(delayMillis);
      List<String> segments = request.getUrl().pathSegments();
      if (segments.size() != 3
          || !segments.get(0).equals("users")
          || !segments.get(2).equals("presence")) {
        return new MockResponse.Builder().code(404).build();
      }
      return json(Payloads.talkdeskPresence(segments.get(1)));
    }

    /** The number of requests answered. */
    public int requests() {
      return requests.get();
    }

    /** Starts counting from zero. */
    public void resetCount() {
      requests.set(0);
    }

    /** Changes the delay, for example to 0 while warming up. */
    public void delayMillis(long delayMillis) {
      this.delayMillis = delayMillis;
    }
  }

  /**
   * Plays the VoipNow presence listing of one user with {@code total} extensions {@code
   * 0003*000000} on (see {@link Payloads#voipNowExtension(int)}). Pages are generated per request,
   * so a listing of a million entries never exists as a whole. It honours {@code count}, {@code
   * startIndex} and the {@code extension} filters {@code startsWith} and {@code equals}, refuses a
   * {@code count} above {@code maxCount} and a {@code startIndex} above {@code maxStartIndex} as
   * VoipNow does, and answers an empty result with 204.
   */
  public static final class VoipNow extends Dispatcher {
    private static final String PREFIX = "0003*";
    private static final int DIGITS = 6;

    private final int total;
    private final int maxCount;
    private final int maxStartIndex;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger entriesServed = new AtomicInteger();

    /** A listing of {@code total} extensions (at most 1,000,000) with the given bounds. */
    public VoipNow(int total, int maxCount, int maxStartIndex) {
      if (total < 0 || total > 1_000_000) {
        throw new IllegalArgumentException("total must be between 0 and 1000000, was " + total);
      }
      this.total = total;
      this.maxCount = maxCount;
      this.maxStartIndex = maxStartIndex;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      HttpUrl url = request.getUrl();
      if (!url.encodedPath().startsWith("/uapi/extensions/")
          || !url.encodedPath().endsWith("/presence")) {
        return error(404, "request_not_implemented");
      }
      int count = intParam(url, "count", 20);
      int startIndex = intParam(url, "startIndex", 0);
      if (count < 1 || count > maxCount) {
        return error(400, "count_invalid");
      }
      if (startIndex < 0 || startIndex > maxStartIndex) {
        return error(400, "startindex_invalid");
      }
      int[] range = range(url.queryParameter("filterOp"), url.queryParameter("filterValue"));
      if (range == null) {
        return error(400, "filterop_invalid");
      }
      int matching = range[1] - range[0];
      if (matching == 0) {
        return new MockResponse.Builder().code(204).build();
      }
      String sortOrder = url.queryParameter("sortOrder");
      if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
        return error(400, "sortorder_invalid");
      }
      int size = Math.max(0, Math.min(count, matching - startIndex));
      entriesServed.addAndGet(size);
      StringBuilder body = new StringBuilder(64 + size * 150);
      // Unsorted, the extensions come in their numbering, which is also ascending order.
      if ("desc".equals(sortOrder)) {
        Payloads.appendVoipNowPage(
            body, startIndex, matching, count, range[1] - 1 - startIndex, -1, size);
      } else {
        Payloads.appendVoipNowPage(body, startIndex, matching, count, range[0] + startIndex, size);
      }
      return json(body.toString());
    }

    /** The extensions {@code [from, to)} a filter selects, or null for an unsupported filter. */
    private int @Nullable [] range(@Nullable String op, @Nullable String value) {
      if (op == null) {
        return new int[] {0, total};
      }
      if (value == null) {
        return null;
      }
      if (op.equals("startsWith")) {
        if (PREFIX.startsWith(value)) {
          return new int[] {0, total};
        }
        String digits = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : "";
        if (digits.isEmpty()
            || digits.length() > DIGITS
            || !digits.chars().allMatch(Character::isDigit)) {
          return new int[] {0, 0};
        }
        int scale = (int) Math.pow(10, DIGITS - digits.length());
        int from = Integer.parseInt(digits) * scale;
        return new int[] {Math.min(from, total), Math.min(from + scale, total)};
      }
      if (op.equals("equals")) {
        String digits = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : "";
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
          return new int[] {0, 0};
        }
        int i = Integer.parseInt(digits);
        return i < total ? new int[] {i, i + 1} : new int[] {0, 0};
      }
      return null;
    }

    private static int intParam(HttpUrl url, String name, int fallback) {
      String value = url.queryParameter(name);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** The number of requests answered. */
    public int requests() {
      return requests.get();
    }

    /** The number of entries served in all pages. */
    public int entriesServed() {
      return entriesServed.get();
    }

    /** Starts counting from zero. */
    public void resetCount() {
      requests.set(0);
      entriesServed.set(0);
    }
  }
}
