package io.github.presencesdk.benchmarks.harness;

import io.github.presencesdk.benchmarks.LoopbackServers;
import io.github.presencesdk.benchmarks.Payloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * Client start-up: each run is a fresh JVM that builds a client and makes its first call, with the
 * SDK and with raw OkHttp, alternating, against a server in this JVM (so the server's classes do
 * not warm the client's JVM).
 */
final class Startup {
  private Startup() {}

  /** The measurements of one mode, one per JVM. */
  private record Samples(
      List<Double> build, List<Double> firstCall, List<Double> total, List<Double> process) {
    Samples() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    Map<String, Object> summary() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("buildMillisMedian", Stats.round(Stats.median(build), 2));
      row.put("firstCallMillisMedian", Stats.round(Stats.median(firstCall), 2));
      row.put("totalMillisMedian", Stats.round(Stats.median(total), 2));
      row.put("processMillisMedian", Stats.round(Stats.median(process), 1));
      row.put("totalMillis", total);
      return row;
    }
  }

  static Map<String, Object> run(int forksPerMode) throws IOException, InterruptedException {
    Samples sdk = new Samples();
    Samples raw = new Samples();
    try (MockWebServer server =
        LoopbackServers.start(
            new LoopbackServers.Fixed(Payloads.vccPresences(Payloads.vccUserIds(50))))) {
      for (int i = 0; i < forksPerMode; i++) {
        // Alternating the order spreads any drift of the machine over both modes.
        List<String> order = i % 2 == 0 ? List.of("sdk", "raw") : List.of("raw", "sdk");
        for (String mode : order) {
          Forks.Outcome outcome =
              Forks.run(List.of(), StartupRun.class, List.of(mode, server.url("/").toString()));
          Samples samples = mode.equals("sdk") ? sdk : raw;
          samples.build().add(number(outcome.result(), "buildMillis"));
          samples.firstCall().add(number(outcome.result(), "firstCallMillis"));
          samples.total().add(number(outcome.result(), "totalMillis"));
          samples.process().add(outcome.processMillis());
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("forksPerMode", forksPerMode);
    out.put("call", "VCC read of 50 users");
    out.put("sdk", sdk.summary());
    out.put("raw", raw.summary());
    double sdkTotal = Stats.median(sdk.total());
    double rawTotal = Stats.median(raw.total());
    out.put("ratioTotal", Stats.round(sdkTotal / rawTotal, 3));
    out.put(
        "ratioProcess", Stats.round(Stats.median(sdk.process()) / Stats.median(raw.process()), 3));
    System.out.printf(
        "start-up: sdk %.1f ms, raw %.1f ms (build + first call, median of %d JVMs), ratio %.2f%n",
        sdkTotal, rawTotal, forksPerMode, sdkTotal / rawTotal);
    return out;
  }

  private static double number(Map<String, Object> result, String key) {
    Object value = result.get(key);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("no number " + key + " in " + result);
    }
    return n.doubleValue();
  }
}
