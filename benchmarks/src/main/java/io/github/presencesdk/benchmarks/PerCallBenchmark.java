package io.github.presencesdk.benchmarks;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.benchmarks.wire.RawVcc;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
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
 * One VCC read of 50 users against a loopback server, through the SDK and as the same request made
 * with raw OkHttp and a hand-written Moshi decode. Both sides send to the same server, which
 * answers with the same prebuilt body, over keep-alive connections of equivalent OkHttp clients
 * (the SDK derives its client from the one given to it, sharing its pool), and both start from the
 * list of ids: the raw side builds its URL on every call, as the SDK does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBenchmark {
  private static final String TOKEN = "benchmark-token";

  @SuppressWarnings("NullAway.Init")
  private MockWebServer server;

  @SuppressWarnings("NullAway.Init")
  private OkHttpClient http;

  @SuppressWarnings("NullAway.Init")
  private VonageClient sdk;

  @SuppressWarnings("NullAway.Init")
  private List<String> ids;

  @SuppressWarnings("NullAway.Init")
  private HttpUrl presencesUrl;

  /** Starts the server and builds both clients. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    ids = Payloads.vccUserIds(50);
    server = LoopbackServers.start(new LoopbackServers.Fixed(Payloads.vccPresences(ids)));
    http = new OkHttpClient();
    sdk =
        VonageClient.builder()
            .baseUrl(server.url("/"))
            .accessToken(TOKEN)
            .okHttpClient(http)
            .build();
    presencesUrl = server.url("/agents/presences/users");
    // Both sides must see the same answer.
    if (sdk().presences().size() != 50 || raw().size() != 50) {
      throw new IllegalStateException("the loopback server did not answer 50 presences");
    }
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

  /** Closes the clients and the server. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
  }

  /** The SDK: {@code VonageClient.presences} of 50 ids. */
  @Benchmark
  public PresenceBatch<VonagePresence> sdk() {
    return sdk.presences(ids);
  }

  /** Raw OkHttp with a hand-written Moshi decode of the same request. */
  @Benchmark
  public List<RawVcc.UserPresence> raw() {
    try (Response response = http.newCall(rawRequest()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      return RawVcc.decode(response.body().source());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
