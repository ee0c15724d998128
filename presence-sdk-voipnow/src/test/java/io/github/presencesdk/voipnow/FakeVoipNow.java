package io.github.presencesdk.voipnow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A VoipNow presence listing over an in-memory list of extensions: it applies count, startIndex,
 * the filter and the sort order as the API documents them, answers 204 when a page is empty, and
 * refuses count and startIndex above 5000 as VoipNow does. Entries follow the documented shape.
 */
final class FakeVoipNow extends Dispatcher {
  private final List<String> extensions;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<HttpUrl> urls = new CopyOnWriteArrayList<>();
  private int maxCount = 5000;
  private int maxStartIndex = 5000;
  private QueryDialect dialect = QueryDialect.V5;
  private boolean alwaysAscending;

  FakeVoipNow(List<String> extensions) {
    this.extensions = List.copyOf(extensions);
  }

  /** {@code prefix + n} for n from {@code from} (inclusive) to {@code to} (exclusive). */
  static List<String> numbers(String prefix, int from, int to) {
    List<String> out = new ArrayList<>(to - from);
    for (int n = from; n < to; n++) {
      out.add(prefix + n);
    }
    return out;
  }

  /**
   * Accepts only the filterOp and sortOrder values of {@code dialect} (default V5) and refuses
   * others with {@code filterop_invalid} or {@code sortorder_invalid}.
   */
  FakeVoipNow speaking(QueryDialect dialect) {
    this.dialect = dialect;
    return this;
  }

  /** Accepts both sort orders but answers in ascending order, as a server that ignores it would. */
  FakeVoipNow sortingAlwaysAscending() {
    this.alwaysAscending = true;
    return this;
  }

  FakeVoipNow refusingAbove(int maxCount, int maxStartIndex) {
    this.maxCount = maxCount;
    this.maxStartIndex = maxStartIndex;
    return this;
  }

  /**
   * Each request as {@code "count startIndex"}, followed by {@code " filterOp filterValue"} when
   * filtered.
   */
  List<String> calls() {
    return List.copyOf(calls);
  }

  List<HttpUrl> urls() {
    return List.copyOf(urls);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    urls.add(url);
    int count = intParam(url, "count", 20);
    int startIndex = intParam(url, "startIndex", 0);
    String filterBy = url.queryParameter("filterBy");
    String filterOp = url.queryParameter("filterOp");
    String filterValue = url.queryParameter("filterValue");
    String sortOrder = url.queryParameter("sortOrder");
    calls.add(
        count + " " + startIndex + (filterOp == null ? "" : " " + filterOp + " " + filterValue));
    if (!url.encodedPath().endsWith("/presence")) {
      return error(404, "request_not_implemented");
    }
    if (count < 1 || count > maxCount) {
      return error(400, "count_invalid");
    }
    if (startIndex < 0 || startIndex > maxStartIndex) {
      return error(400, "startindex_invalid");
    }
    Set<String> ops =
        dialect == QueryDialect.V5
            ? Set.of("equals", "contains", "startsWith", "inArray")
            : Set.of("equals", "contains", "starts with", "present");
    if (filterOp != null && !ops.contains(filterOp)) {
      return error(400, "filterop_invalid");
    }
    String ascending = dialect == QueryDialect.V5 ? "asc" : "ascending";
    String descending = dialect == QueryDialect.V5 ? "desc" : "descending";
    if (sortOrder != null && !sortOrder.equals(ascending) && !sortOrder.equals(descending)) {
      return error(400, "sortorder_invalid");
    }
    List<String> matching = new ArrayList<>();
    Set<String> inArray =
        "inArray".equals(filterOp)
            ? new HashSet<>(Arrays.asList(String.valueOf(filterValue).split(",")))
            : Set.of();
    for (String extension : extensions) {
      if (filterOp == null
          || ("inArray".equals(filterOp)
              ? inArray.contains(extension)
              : matches(extension, filterOp, String.valueOf(filterValue)))) {
        matching.add(extension);
      }
    }
    if (ascending.equals(sortOrder) || (alwaysAscending && sortOrder != null)) {
      matching.sort(Comparator.naturalOrder());
    } else if (descending.equals(sortOrder)) {
      matching.sort(Comparator.reverseOrder());
    }
    if (startIndex >= matching.size()) {
      return Fixtures.noContent();
    }
    List<String> slice =
        matching.subList(startIndex, Math.min(matching.size(), startIndex + count));
    StringBuilder body = new StringBuilder();
    body.append("{\"startIndex\":")
        .append(startIndex)
        .append(",\"totalResults\":")
        .append(matching.size())
        .append(",\"itemsPerPage\":")
        .append(count)
        .append(",\"filtered\":")
        .append(filterBy != null)
        .append(",\"sorted\":")
        .append(sortOrder != null)
        .append(",\"entry\":[");
    for (int i = 0; i < slice.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(entry(slice.get(i)));
    }
    body.append("]}");
    return Fixtures.json(200, body.toString());
  }

  /** One entry in the documented shape. */
  static String entry(String extension) {
    return "{\"extension\":\""
        + extension
        + "\",\"status\":1,\"registration\":[{\"agent\":\"3CXPhone 5.0.14439.0\","
        + "\"registration\":\"1\",\"expire\":\"2011-02-10T15:10:55Z\"}]}";
  }

  private static boolean matches(String extension, String op, String value) {
    return switch (op) {
      case "equals" -> extension.equals(value);
      case "contains" -> extension.contains(value);
      case "startsWith", "starts with" -> extension.startsWith(value);
      case "present" -> true;
      default -> false;
    };
  }

  private static int intParam(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private static MockResponse error(int status, String code) {
    return Fixtures.json(
        status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"refused by the fake\"}}");
  }

  /** The distinct extensions of {@code entries}, to check that nothing was delivered twice. */
  static Set<String> distinct(List<ExtensionPresence> entries) {
    Set<String> out = new HashSet<>();
    for (ExtensionPresence entry : entries) {
      out.add(entry.extension());
    }
    return out;
  }
}
