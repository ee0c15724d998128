package io.github.presencesdk.benchmarks;

import io.github.presencesdk.benchmarks.wire.RawVcc;
import io.github.presencesdk.vonage.VonageDecoding;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where the SDK's per-call time goes: the raw call of {@link PerCallBenchmark} with one SDK step
 * added at a time: its decoder, its per-attempt call timeout, and its hand-off to a worker thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBreakdownBenchmark {
  private static final String TOKEN = "benchmark-token";

  @SuppressWarnings("NullAway.Init")
  private MockWebServer server;

  @SuppressWarnings("NullAway.Init")
  private OkHttpClient http;

  @SuppressWarnings("NullAway.Init")
  private HttpUrl presencesUrl;

  @SuppressWarnings("NullAway.Init")
  private List<String> ids;

  @SuppressWarnings("NullAway.Init")
  private ExecutorService executor;

  /** Starts the server, the client and a worker pool like the SDK's. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    ids = Payloads.vccUserIds(50);
    server = LoopbackServers.start(new LoopbackServers.Fixed(Payloads.vccPresences(ids)));
    http = new OkHttpClient();
    presencesUrl = server.url("/agents/presences/users");
    // The same pool the SDK's core runs bulk reads on: no core threads, a hand-off queue.
    executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "breakdown-worker");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The raw side's request, built on every call from the ids as any caller whose ids change must:
   * VCC takes them comma-separated in one {@code userId} parameter.
   */
  private Request rawRequest() {
    HttpUrl url =
        presencesUrl.newBuilder().addEncodedQueryParameter("userId", String.join(",", ids)).build();
    return new Request.Builder()
        .url(url)
        .header("Accept", "application/vnd.newvoicemedia.v1+json")
        .header("Authorization", "Bearer " + TOKEN)
        .build();
  }

  /** Keeps the server's record of requests from growing through the run. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    LoopbackServers.forgetRequests(server);
  }

  /** Closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    executor.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
  }

  private Object call(boolean sdkDecoder, boolean callTimeout) {
    Call call = http.newCall(rawRequest());
    if (callTimeout) {
      call.timeout().timeout(30, TimeUnit.SECONDS);
    }
    try (Response response = call.execute()) {
      return sdkDecoder
          ? VonageDecoding.presences(response.body().source())
          : RawVcc.decode(response.body().source());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Raw OkHttp and the hand-written Moshi decode (as {@link PerCallBenchmark#raw()}). */
  @Benchmark
  public Object raw() {
    return call(false, false);
  }

  /** Raw OkHttp decoded by the SDK's adapter. */
  @Benchmark
  public Object rawSdkDecoder() {
    return call(true, false);
  }

  /** Raw OkHttp with a per-call timeout, as the SDK sets on every attempt. */
  @Benchmark
  public Object rawCallTimeout() {
    return call(false, true);
  }

  /** Raw OkHttp run on a worker thread and joined, as the SDK's bulk read does. */
  @Benchmark
  public Object rawOnWorker() {
    return CompletableFuture.supplyAsync(() -> call(false, false), executor).join();
  }
}
