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
 * <p>The server has VoipNow's documented bounds ({@code count} and {@code startIndex} at most 5000)
 * and its sort orders, so one query reaches at most 10,000 entries. Two ways of listing are
 * measured: one {@code list()} that reads past that window by itself (sorted, from both ends, then
 * by extension prefix), and the baseline of a caller who knows the numbering and lists the
 * 10,000-entry prefixes one after the other, which needs exactly ⌈n/page⌉ requests.
 */
final class Paging {
  static final int PAGE = 5000;
  static final String HEAP = "-Xmx64m";

  private Paging() {}

  static List<Map<String, Object>> run(int entries) throws IOException, InterruptedException {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(measure("one list(), read past the window by the client", entries, "auto"));
    rows.add(measure("caller's startsWith listings of 10,000", entries, "partitioned"));
    return rows;
  }

  private static Map<String, Object> measure(String label, int entries, String mode)
      throws IOException, InterruptedException {
    int maxStartIndex = 5000;
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
                  Integer.toString(PAGE),
                  mode));
    }
    int floor = FanOut.ceilDiv(entries, PAGE);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("server", label);
    row.put("mode", mode);
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
