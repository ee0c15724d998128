package io.github.presencesdk.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the fan-out, paging and start-up measurements and writes {@code fanout.json}, {@code
 * fanout.csv}, {@code paging.json} and {@code startup.json} into the output directory.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.presencesdk.benchmarks.harness.Harness [--quick] [--out DIR]
 *     [--only fanout,paging,startup]
 * </pre>
 *
 * <p>{@code --quick} runs each configuration once, pages through 200,000 entries instead of
 * 1,000,000, and starts 2 JVMs per start-up mode instead of 5.
 */
public final class Harness {
  private Harness() {}

  /** Runs the harness; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Path out = Path.of("results");
    List<String> only = List.of("fanout", "paging", "startup");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        default -> {
          System.err.println("usage: Harness [--quick] [--out DIR] [--only fanout,paging,startup]");
          System.exit(2);
        }
      }
    }
    if (only.contains("fanout")) {
      List<Map<String, Object>> rows = FanOut.run(quick ? 1 : 3);
      JsonFiles.write(out.resolve("fanout.json"), withMachine(Map.of("runs", rows)));
      writeCsv(out.resolve("fanout.csv"), rows);
    }
    if (only.contains("paging")) {
      List<Map<String, Object>> rows = Paging.run(quick ? 200_000 : 1_000_000);
      JsonFiles.write(out.resolve("paging.json"), withMachine(Map.of("runs", rows)));
    }
    if (only.contains("startup")) {
      Map<String, Object> result = Startup.run(quick ? 2 : 5);
      JsonFiles.write(out.resolve("startup.json"), withMachine(result));
    }
  }

  private static Map<String, Object> withMachine(Map<String, Object> result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("javaVersion", System.getProperty("java.version"));
    out.put("javaVm", System.getProperty("java.vm.name"));
    out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    out.putAll(result);
    return out;
  }

  private static void writeCsv(Path file, List<Map<String, Object>> rows) throws Exception {
    List<String> columns =
        List.of(
            "vendor",
            "ids",
            "concurrency",
            "wallMillisMedian",
            "wallMillisMin",
            "wallMillisMax",
            "idealMillis",
            "ratioToIdeal",
            "expectedRequests",
            "requestsExact");
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", columns));
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(String.valueOf(row.get(column)));
      }
      lines.add(String.join(",", cells));
    }
    java.nio.file.Files.write(file, lines);
  }
}
