package io.github.presencesdk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rows of a matrix run, written as Markdown under {@code target/reliability/} when the run
 * ends, for {@code docs/RELIABILITY.md}.
 */
final class MatrixReport {
  /** One case of the fault matrix; {@code order} is its place in the matrix. */
  record Row(
      int order,
      String vendor,
      String operation,
      Fault fault,
      Mode mode,
      String expected,
      String outcome,
      int requests,
      int idsRequested,
      int idsLost,
      int idsDuplicated,
      int inUseBeforeClose,
      int inUseAfterClose,
      int leakWarnings,
      long elapsedMillis,
      boolean rerun,
      boolean passed) {
    /** Whether the call neither returned nor threw within the hang guard. */
    boolean lost() {
      return outcome.equals(FaultMatrixTest.LOST);
    }

    /**
     * Connections of the pool in use once the call had ended, before and after the client was
     * closed, plus OkHttp's warnings about leaked connections.
     */
    int leaks() {
      return inUseBeforeClose + inUseAfterClose + leakWarnings;
    }
  }

  private final String title;
  private final String producedBy;
  private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();

  MatrixReport(String title, String producedBy) {
    this.title = title;
    this.producedBy = producedBy;
  }

  void add(Row row) {
    rows.add(row);
  }

  List<Row> rows() {
    return new ArrayList<>(rows);
  }

  /** Writes the summary and every row to {@code target/reliability/<file>}. */
  Path write(String file) {
    List<Row> all = rows();
    // Cases run concurrently: the order of the matrix, not of completion.
    all.sort(Comparator.comparing(Row::order));
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title).append("\n\nProduced by `").append(producedBy).append("`.\n\n");
    out.append(summaryByFault(all)).append('\n');
    out.append(summaryByOperation(all)).append('\n');
    out.append(reruns(all)).append("\n\n");
    out.append("## Every case\n\n");
    out.append(
        "| vendor | operation | fault | mode | expected | outcome | requests | ids lost |"
            + " ids duplicated | in use before close | in use after close | elapsed ms |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : all) {
      out.append("| ")
          .append(r.vendor())
          .append(" | ")
          .append(r.operation())
          .append(" | ")
          .append(r.fault())
          .append(" | ")
          .append(r.mode())
          .append(" | ")
          .append(r.expected())
          .append(" | ")
          .append(r.outcome())
          .append(" | ")
          .append(r.requests())
          .append(" | ")
          .append(r.idsLost())
          .append(" | ")
          .append(r.idsDuplicated())
          .append(" | ")
          .append(r.inUseBeforeClose())
          .append(" | ")
          .append(r.inUseAfterClose())
          .append(" | ")
          .append(r.elapsedMillis())
          .append(" |\n");
    }
    Path dir = Path.of("target", "reliability");
    try {
      Files.createDirectories(dir);
      Path path = dir.resolve(file);
      Files.writeString(path, out.toString(), StandardCharsets.UTF_8);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cases, outcomes, calls lost and leaks per fault. A call is lost when it neither returned nor
   * threw within the hang guard of {@link FaultMatrixTest}; it counts in no other outcome.
   */
  static String summaryByFault(List<Row> rows) {
    Map<Fault, List<Row>> byFault = new TreeMap<>();
    for (Row r : rows) {
      byFault.computeIfAbsent(r.fault(), f -> new ArrayList<>()).add(r);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| fault | cases | correct result | typed exception | partial failure | as expected |"
            + " calls lost | ids lost | ids duplicated | leaks |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Fault, List<Row>> e : byFault.entrySet()) {
      out.append(line(e.getKey().name() + " (" + e.getKey().description + ")", e.getValue()));
    }
    out.append(line("**all**", rows));
    return out.toString();
  }

  /** How many cases of a stall fault failed once and ran a second time, which counts. */
  static String reruns(List<Row> rows) {
    long reruns = rows.stream().filter(Row::rerun).count();
    long passed = rows.stream().filter(r -> r.rerun() && r.passed()).count();
    return "Cases run a second time after their first run failed (stall faults only, for a retry"
        + " that missed its 200 ms on a busy machine): "
        + reruns
        + ", of which passed: "
        + passed
        + ".";
  }

  /** The same per operation. */
  static String summaryByOperation(List<Row> rows) {
    Map<String, List<Row>> byOp = new LinkedHashMap<>();
    for (Row r : rows) {
      byOp.computeIfAbsent(r.vendor() + " " + r.operation(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| operation | cases | correct result | typed exception | partial failure | as expected |"
            + " calls lost | ids lost | ids duplicated | leaks |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Row>> e : byOp.entrySet()) {
      out.append(line(e.getKey(), e.getValue()));
    }
    out.append(line("**all**", rows));
    return out.toString();
  }

  private static String line(String label, List<Row> rows) {
    String cell = label.equals("**all**") ? "**" : "";
    long results = rows.stream().filter(r -> r.outcome().equals("result")).count();
    long partial = rows.stream().filter(r -> r.outcome().startsWith("PartialFailure")).count();
    long callsLost = rows.stream().filter(Row::lost).count();
    long typed = rows.size() - results - partial - callsLost;
    long passed = rows.stream().filter(Row::passed).count();
    long idsLost = rows.stream().mapToLong(Row::idsLost).sum();
    long duplicated = rows.stream().mapToLong(Row::idsDuplicated).sum();
    long leaks = rows.stream().mapToLong(Row::leaks).sum();
    return "| "
        + label
        + Stream.of(
                rows.size(), results, typed, partial, passed, callsLost, idsLost, duplicated, leaks)
            .map(n -> " | " + cell + String.format(Locale.ROOT, "%,d", n) + cell)
            .collect(Collectors.joining())
        + " |\n";
  }
}
