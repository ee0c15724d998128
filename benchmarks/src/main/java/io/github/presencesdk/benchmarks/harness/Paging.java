package io.github.presencesdk.benchmarks.harness;

import io.github.presencesdk.benchmarks.LoopbackServers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * Streams a VoipNow listing of {@code n} entries through the client's lazy listing in a JVM limited
 * to 64 MB of heap, against a server in this JVM that generates each page when asked.
 *
 * <p>Two servers are measured: one with VoipNow's documented bounds ({@code count} and {@code
 * startIndex} at most 5000), where the client must split the listing by extension prefix, and one
 * without a {@code startIndex} bound, where plain paging reaches every entry.
 */
final class Paging {
  static final int PAGE = 5000;
  static final String HEAP = "-Xmx64m";

  private Paging() {}

  static List<Map<String, Object>> run(int entries) throws IOException, InterruptedException {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(measure("vendor bounds (startIndex <= 5000)", entries, 5000));
    rows.add(measure("no startIndex bound", entries, entries));
    return rows;
  }

  private static Map<String, Object> measure(String label, int entries, int maxStartIndex)
      throws IOException, InterruptedException {
    LoopbackServers.VoipNow voipNow = new LoopbackServers.VoipNow(entries, PAGE, maxStartIndex);
    Forks.Outcome outcome;
    try (MockWebServer server = LoopbackServers.start(voipNow)) {
      outcome =
          Forks.run(
              List.of(HEAP),
              PagingRun.class,
              List.of(
                  server.url("/").toString(),
                  Integer.toString(entries),
                  Integer.toString(maxStartIndex),
                  Integer.toString(PAGE)));
    }
    int floor = FanOut.ceilDiv(entries, PAGE);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("server", label);
    row.put("entries", entries);
    row.put("page", PAGE);
    row.put("maxStartIndex", maxStartIndex);
    row.put("heap", HEAP);
    row.putAll(outcome.result());
    row.put("requests", voipNow.requests());
    row.put("floorRequests", floor);
    row.put("requestsOverFloor", voipNow.requests() - floor);
    row.put("entriesServed", voipNow.entriesServed());
    System.out.printf(
        "paging %-36s %s entries in %s ms (%s entries/s), heap peak %s MiB (live half way %s MiB),"
            + " %d requests (floor %d)%n",
        label,
        outcome.result().get("entries"),
        outcome.result().get("wallMillis"),
        outcome.result().get("entriesPerSecond"),
        outcome.result().get("sampledPeakHeapMiB"),
        outcome.result().get("liveHeapMidwayMiB"),
        voipNow.requests(),
        floor);
    return row;
  }
}
