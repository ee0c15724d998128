package io.github.presencesdk.voipnow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A VoipNow presence listing of {@code n} extensions {@code 0003*000000}, {@code 0003*000001}, ...
 * that computes each page instead of filtering a list, so that listings of a million entries stay
 * fast. It applies count, startIndex, the {@code startsWith} and {@code equals} filters, the sort
 * order ({@code asc}, {@code desc}) and the {@code fields} selection as the API documents them,
 * answers 204 when nothing matches, and refuses count and startIndex above its bounds as VoipNow
 * does. It records every request with the number of entries it served.
 */
final class NumberedVoipNow extends Dispatcher {
  static final String PREFIX = "0003*";
  private static final int DIGITS = 6;

  /** One request: its query and how many entries the answer held. */
  record Call(HttpUrl url, int served) {}

  private final int total;
  private final int maxCount;
  private final int maxStartIndex;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  NumberedVoipNow(int total, int maxCount, int maxStartIndex) {
    this.total = total;
    this.maxCount = maxCount;
    this.maxStartIndex = maxStartIndex;
  }

  static String extension(int i) {
    String digits = Integer.toString(i);
    return PREFIX + "000000".substring(digits.length()) + digits;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    return answer(request, url);
  }

  private MockResponse answer(RecordedRequest request, HttpUrl url) {
    if (!request.getMethod().equals("GET")
        || !url.encodedPath().equals("/uapi/extensions/@me/@self/presence")) {
      return refuse(url, 501, "request_not_implemented");
    }
    int count = intParam(url, "count", 20);
    int startIndex = intParam(url, "startIndex", 0);
    if (count < 1 || count > maxCount) {
      return refuse(url, 400, "count_invalid");
    }
    if (startIndex < 0 || startIndex > maxStartIndex) {
      return refuse(url, 400, "startindex_invalid");
    }
    String sortOrder = url.queryParameter("sortOrder");
    if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
      return refuse(url, 400, "sortorder_invalid");
    }
    int[] range = range(url.queryParameter("filterOp"), url.queryParameter("filterValue"));
    if (range == null) {
      return refuse(url, 400, "filterop_invalid");
    }
    int matching = range[1] - range[0];
    if (matching == 0) {
      calls.add(new Call(url, 0));
      return Fixtures.noContent();
    }
    String fields = url.queryParameter("fields");
    boolean status = fields == null || List.of(fields.split(",")).contains("status");
    boolean registration = fields == null || List.of(fields.split(",")).contains("registration");
    boolean descending = "desc".equals(sortOrder);
    int size = Math.max(0, Math.min(count, matching - startIndex));
    StringBuilder body = new StringBuilder(100 + size * 120);
    body.append("{\"startIndex\":")
        .append(startIndex)
        .append(",\"totalResults\":")
        .append(matching)
        .append(",\"itemsPerPage\":")
        .append(count)
        .append(",\"filtered\":")
        .append(url.queryParameter("filterBy") != null)
        .append(",\"sorted\":")
        .append(sortOrder != null)
        .append(",\"entry\":[");
    for (int k = 0; k < size; k++) {
      int position = startIndex + k;
      int i = descending ? range[1] - 1 - position : range[0] + position;
      if (k > 0) {
        body.append(',');
      }
      body.append("{\"extension\":\"").append(extension(i)).append('"');
      if (status) {
        body.append(",\"status\":").append(i % 4);
      }
      if (registration) {
        body.append(
            ",\"registration\":[{\"agent\":\"3CXPhone 5.0.14439.0\",\"registration\":\"1\"}]");
      }
      body.append('}');
    }
    body.append("]}");
    calls.add(new Call(url, size));
    return Fixtures.json(200, body.toString());
  }

  /** The extensions {@code [from, to)} a filter selects, or null for an unsupported filter. */
  private int @Nullable [] range(@Nullable String op, @Nullable String value) {
    if (op == null) {
      return new int[] {0, total};
    }
    if (value == null) {
      return null;
    }
    if (op.equals("startsWith")) {
      if (PREFIX.startsWith(value)) {
        return new int[] {0, total};
      }
      String digits = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : "";
      if (digits.isEmpty()
          || digits.length() > DIGITS
          || !digits.chars().allMatch(Character::isDigit)) {
        return new int[] {0, 0};
      }
      int scale = (int) Math.pow(10, DIGITS - digits.length());
      int from = Integer.parseInt(digits) * scale;
      return new int[] {Math.min(from, total), Math.min(from + scale, total)};
    }
    if (op.equals("equals")) {
      String digits = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : "";
      if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
        return new int[] {0, 0};
      }
      int i = Integer.parseInt(digits);
      return i < total ? new int[] {i, i + 1} : new int[] {0, 0};
    }
    return null;
  }

  private MockResponse refuse(HttpUrl url, int status, String code) {
    calls.add(new Call(url, 0));
    return Fixtures.json(
        status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"refused by the fake\"}}");
  }

  private static int intParam(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
