package io.github.presencesdk.benchmarks.harness;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.benchmarks.Payloads;
import io.github.presencesdk.benchmarks.wire.RawVcc;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The child side of the start-up run, in a fresh JVM: builds a client and makes the first call (a
 * VCC read of 50 users), either with the SDK or with raw OkHttp and a hand-written Moshi decode,
 * and prints one JSON line with the times.
 *
 * <p>Arguments: {@code sdk} or {@code raw}, and the server URL.
 */
public final class StartupRun {
  private static final String TOKEN = "benchmark-token";

  private StartupRun() {}

  /** Runs one start-up; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String url = args[1];
    List<String> ids = Payloads.vccUserIds(50);
    long start = System.nanoTime();
    long built;
    int read;
    if (mode.equals("sdk")) {
      try (VonageClient client = VonageClient.builder().baseUrl(url).accessToken(TOKEN).build()) {
        built = System.nanoTime();
        PresenceBatch<VonagePresence> batch = client.presences(ids);
        read = batch.presences().size();
      }
    } else if (mode.equals("raw")) {
      OkHttpClient http = new OkHttpClient();
      built = System.nanoTime();
      HttpUrl target =
          HttpUrl.get(url)
              .newBuilder()
              .addPathSegments("agents/presences/users")
              .addEncodedQueryParameter("userId", String.join(",", ids))
              .build();
      Request request =
          new Request.Builder()
              .url(target)
              .header("Accept", "application/vnd.newvoicemedia.v1+json")
              .header("Authorization", "Bearer " + TOKEN)
              .build();
      try (Response response = http.newCall(request).execute()) {
        read = RawVcc.decode(response.body().source()).size();
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    } else {
      throw new IllegalArgumentException("mode must be sdk or raw, was " + mode);
    }
    long end = System.nanoTime();
    if (read != ids.size()) {
      throw new IllegalStateException("read " + read + " presences, expected " + ids.size());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", mode);
    out.put("buildMillis", Stats.round((built - start) / 1e6, 2));
    out.put("firstCallMillis", Stats.round((end - built) / 1e6, 2));
    out.put("totalMillis", Stats.round((end - start) / 1e6, 2));
    System.out.println(JsonFiles.line(out));
  }
}
