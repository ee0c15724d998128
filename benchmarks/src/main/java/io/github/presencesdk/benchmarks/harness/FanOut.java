package io.github.presencesdk.benchmarks.harness;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.benchmarks.LoopbackServers;
import io.github.presencesdk.benchmarks.Payloads;
import io.github.presencesdk.benchmarks.wire.RawTalkdesk;
import io.github.presencesdk.benchmarks.wire.RawVcc;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.vonage.VonageClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Bulk reads against a server that answers each request after 20 ms, at concurrency 1, 4, 8 and 16:
 * the SDK's wall time against the ideal {@code ceil(requests / c) × 20 ms} and against raw OkHttp
 * sending the same requests from {@code c} threads, and the number of requests the server saw.
 *
 * <p>Before each measurement the server answers without delay for two passes, which opens the
 * connections and lets the JIT compile both the client's and the server's code: at 20 ms per
 * request a cold JVM would otherwise spend the measurement in the interpreter.
 */
final class FanOut {
  static final int[] CONCURRENCY = {1, 4, 8, 16};
  static final long DELAY_MILLIS = 20;
  private static final int WARM_UP_PASSES = 2;
  private static final String TOKEN = "benchmark-token";

  private FanOut() {}

  /** Sends one chunk with raw OkHttp, decodes it, and returns the number of presences read. */
  @FunctionalInterface
  private interface RawChunk {
    int read(OkHttpClient http, List<String> chunk) throws IOException;
  }

  /** One vendor's bulk read. */
  private record Scenario(
      String vendor,
      List<String> ids,
      int chunkSize,
      IntFunction<PresenceClient<?>> client,
      RawChunk raw,
      IntSupplier requests,
      Runnable resetCount,
      LongConsumer delay) {

    int expectedRequests() {
      return ceilDiv(ids.size(), chunkSize);
    }
  }

  static List<Map<String, Object>> run(int repetitions) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    LoopbackServers.Vcc vcc = new LoopbackServers.Vcc(DELAY_MILLIS);
    LoopbackServers.Talkdesk talkdesk = new LoopbackServers.Talkdesk(DELAY_MILLIS);
    try (MockWebServer vccServer = LoopbackServers.start(vcc);
        MockWebServer talkdeskServer = LoopbackServers.start(talkdesk)) {
      HttpUrl vccPresences = vccServer.url("/agents/presences/users");
      HttpUrl talkdeskBase = talkdeskServer.url("/");
      List<Scenario> scenarios =
          List.of(
              new Scenario(
                  "vonage",
                  Payloads.vccUserIds(10_000),
                  50,
                  c ->
                      VonageClient.builder()
                          .baseUrl(vccServer.url("/"))
                          .accessToken(TOKEN)
                          .maxConcurrency(c)
                          .build(),
                  (http, chunk) -> {
                    HttpUrl url =
                        vccPresences
                            .newBuilder()
                            .addEncodedQueryParameter("userId", String.join(",", chunk))
                            .build();
                    Request request =
                        new Request.Builder()
                            .url(url)
                            .header("Accept", "application/vnd.newvoicemedia.v1+json")
                            .header("Authorization", "Bearer " + TOKEN)
                            .build();
                    try (Response response = http.newCall(request).execute()) {
                      return RawVcc.decode(response.body().source()).size();
                    }
                  },
                  vcc::requests,
                  vcc::resetCount,
                  vcc::delayMillis),
              new Scenario(
                  "talkdesk",
                  Payloads.talkdeskUserIds(500),
                  1,
                  c ->
                      TalkdeskClient.builder()
                          .baseUrl(talkdeskServer.url("/"))
                          .accessToken(TOKEN)
                          .maxConcurrency(c)
                          .build(),
                  (http, chunk) -> {
                    HttpUrl url =
                        talkdeskBase
                            .newBuilder()
                            .addPathSegment("users")
                            .addPathSegment(chunk.get(0))
                            .addPathSegment("presence")
                            .build();
                    Request request =
                        new Request.Builder()
                            .url(url)
                            .header("Accept", "application/json")
                            .header("Authorization", "Bearer " + TOKEN)
                            .build();
                    try (Response response = http.newCall(request).execute()) {
                      RawTalkdesk.decode(response.body().source());
                      return 1;
                    }
                  },
                  talkdesk::requests,
                  talkdesk::resetCount,
                  talkdesk::delayMillis));
      for (Scenario scenario : scenarios) {
        for (int c : CONCURRENCY) {
          rows.add(measure(scenario, c, repetitions));
          LoopbackServers.forgetRequests(vccServer);
          LoopbackServers.forgetRequests(talkdeskServer);
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> measure(Scenario scenario, int c, int repetitions) {
    List<Double> sdkMillis = new ArrayList<>();
    List<Integer> sdkRequests = new ArrayList<>();
    List<Double> rawMillis = new ArrayList<>();
    List<Integer> rawRequests = new ArrayList<>();
    try (PresenceClient<?> client = scenario.client().apply(c)) {
      scenario.delay().accept(0);
      for (int i = 0; i < WARM_UP_PASSES; i++) {
        client.presences(scenario.ids());
      }
      scenario.delay().accept(DELAY_MILLIS);
      for (int r = 0; r < repetitions; r++) {
        scenario.resetCount().run();
        long start = System.nanoTime();
        PresenceBatch<?> batch = client.presences(scenario.ids());
        long end = System.nanoTime();
        check(scenario, batch.presences().size(), batch.unknownIds().size());
        sdkMillis.add((end - start) / 1e6);
        sdkRequests.add(scenario.requests().getAsInt());
      }
    } catch (Exception e) {
      throw new IllegalStateException("fan-out " + scenario.vendor() + " c=" + c + " failed", e);
    }

    OkHttpClient http = new OkHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(c);
    try {
      List<List<String>> chunks = chunks(scenario.ids(), scenario.chunkSize());
      scenario.delay().accept(0);
      for (int i = 0; i < WARM_UP_PASSES; i++) {
        raw(scenario, http, pool, c, chunks);
      }
      scenario.delay().accept(DELAY_MILLIS);
      for (int r = 0; r < repetitions; r++) {
        scenario.resetCount().run();
        long start = System.nanoTime();
        int read = raw(scenario, http, pool, c, chunks);
        long end = System.nanoTime();
        check(scenario, read, 0);
        rawMillis.add((end - start) / 1e6);
        rawRequests.add(scenario.requests().getAsInt());
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "raw fan-out " + scenario.vendor() + " c=" + c + " failed", e);
    } finally {
      pool.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }

    int expected = scenario.expectedRequests();
    int ideal = ceilDiv(expected, c) * (int) DELAY_MILLIS;
    double median = Stats.median(sdkMillis);
    double rawMedian = Stats.median(rawMillis);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("vendor", scenario.vendor());
    row.put("ids", scenario.ids().size());
    row.put("concurrency", c);
    row.put("delayMillis", DELAY_MILLIS);
    row.put("repetitions", repetitions);
    row.put("wallMillisMedian", Stats.round(median, 1));
    row.put("wallMillisMin", Stats.round(Stats.min(sdkMillis), 1));
    row.put("wallMillisMax", Stats.round(Stats.max(sdkMillis), 1));
    row.put("rawWallMillisMedian", Stats.round(rawMedian, 1));
    row.put("idealMillis", ideal);
    row.put("ratioToIdeal", Stats.round(median / ideal, 3));
    row.put("rawRatioToIdeal", Stats.round(rawMedian / ideal, 3));
    row.put("ratioToRaw", Stats.round(median / rawMedian, 3));
    row.put("expectedRequests", expected);
    row.put("requests", sdkRequests);
    row.put("rawRequests", rawRequests);
    row.put("requestsExact", sdkRequests.stream().allMatch(n -> n == expected));
    System.out.printf(
        "fan-out %-8s c=%-2d sdk %7.1f ms, raw %7.1f ms, ideal %5d ms: sdk/ideal %.3f,"
            + " sdk/raw %.3f, requests %s%n",
        scenario.vendor(),
        c,
        median,
        rawMedian,
        ideal,
        median / ideal,
        median / rawMedian,
        sdkRequests);
    return row;
  }

  /** Reads every chunk with raw OkHttp from {@code c} threads; returns the presences read. */
  private static int raw(
      Scenario scenario, OkHttpClient http, ExecutorService pool, int c, List<List<String>> chunks)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(c, chunks.size()); w++) {
      workers.add(
          pool.submit(
              () -> {
                int read = 0;
                for (int i = next.getAndIncrement();
                    i < chunks.size();
                    i = next.getAndIncrement()) {
                  read += scenario.raw().read(http, chunks.get(i));
                }
                return read;
              }));
    }
    int read = 0;
    for (Future<Integer> worker : workers) {
      read += worker.get();
    }
    return read;
  }

  private static void check(Scenario scenario, int read, int unknown) {
    if (read != scenario.ids().size() || unknown != 0) {
      throw new IllegalStateException(
          scenario.vendor()
              + " read "
              + read
              + " presences and "
              + unknown
              + " unknown ids of "
              + scenario.ids().size());
    }
  }

  private static List<List<String>> chunks(List<String> ids, int size) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
    }
    return chunks;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
