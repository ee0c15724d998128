package io.github.presencesdk.voipnow;

import io.github.presencesdk.internal.ApiRequest;
import io.github.presencesdk.internal.HttpCore;
import io.github.presencesdk.internal.Json;
import io.github.presencesdk.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/** Sends presence listing requests and holds the paging bounds of one client. Thread-safe. */
final class PresenceApi {
  private final HttpCore core;
  private final int maxCount;
  private final int maxStartIndex;
  private final QueryDialect dialect;

  PresenceApi(HttpCore core, int maxCount, int maxStartIndex, QueryDialect dialect) {
    this.core = core;
    this.maxCount = maxCount;
    this.maxStartIndex = maxStartIndex;
    this.dialect = dialect;
  }

  QueryDialect dialect() {
    return dialect;
  }

  int maxStartIndex() {
    return maxStartIndex;
  }

  String vendor() {
    return core.vendor();
  }

  <T> CompletableFuture<T> async(Supplier<T> task) {
    return core.async(task);
  }

  /**
   * Checks {@code request} against the client's bounds and returns it with an explicit count.
   *
   * @throws IllegalArgumentException if count or startIndex is out of range, or the filter
   *     operation does not exist in the client's dialect
   */
  ListPresenceRequest effective(ListPresenceRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    if (request.count().isPresent() && request.count().getAsInt() > maxCount) {
      throw new IllegalArgumentException(
          "count must be between 1 and "
              + maxCount
              + " (the client's maxCount; VoipNow returns at most 5000 entries per page), was "
              + request.count().getAsInt());
    }
    if (request.startIndex() > maxStartIndex) {
      throw new IllegalArgumentException(
          "startIndex must be between 0 and "
              + maxStartIndex
              + " (the client's maxStartIndex; VoipNow refuses larger ones), was "
              + request.startIndex()
              + "; to reach entries further on, use list(...), which partitions large listings,"
              + " or narrow the query with a filter");
    }
    request.filterOp().ifPresent(op -> op.wireValue(dialect));
    return request.count().isPresent() ? request : request.newBuilder().count(maxCount).build();
  }

  /** The page size of an effective request. */
  static int count(ListPresenceRequest effective) {
    return effective.count().orElseThrow();
  }

  HttpUrl url(ListPresenceRequest request, int startIndex) {
    HttpUrl.Builder url =
        core.baseUrl()
            .newBuilder()
            .addPathSegment("uapi")
            .addPathSegment("extensions")
            .addPathSegment(request.user().value())
            .addPathSegment(request.extension().value())
            .addPathSegment("presence")
            .addQueryParameter("count", Integer.toString(count(request)))
            .addQueryParameter("startIndex", Integer.toString(startIndex));
    request
        .filterOp()
        .ifPresent(
            op ->
                url.addQueryParameter("filterBy", ListPresenceRequest.FILTER_BY_EXTENSION)
                    .addQueryParameter("filterOp", op.wireValue(dialect))
                    .addQueryParameter("filterValue", request.filterValue().orElseThrow()));
    request
        .sortOrder()
        .ifPresent(order -> url.addQueryParameter("sortOrder", order.wireValue(dialect)));
    if (!request.fields().isEmpty()) {
      List<String> fields = new ArrayList<>(request.fields());
      if (!fields.contains("extension")) {
        // Entries are identified by their extension; without it they could not be told apart.
        fields.add(0, "extension");
      }
      url.addQueryParameter("fields", String.join(",", fields));
    }
    return url.build();
  }

  /** Fetches one page of an effective request from {@code startIndex}. */
  PageBody fetch(ListPresenceRequest request, int startIndex) {
    return core.execute(
        ApiRequest.get(url(request, startIndex)),
        (status, body) -> {
          if (status == 204 || (body.size() == 0 && status != 200)) {
            return PageBody.noContent(status, startIndex);
          }
          return Json.decode(PresenceJson.pageAdapter(status), body, core.vendor(), status)
              .withStartIndexDefault(startIndex);
        });
  }

  /** A description of a query for messages: the path and the filter, never credentials. */
  String describe(ListPresenceRequest request) {
    StringBuilder out =
        new StringBuilder("/uapi/extensions/")
            .append(request.user().value())
            .append('/')
            .append(request.extension().value())
            .append("/presence");
    request
        .filterOp()
        .ifPresent(
            op ->
                out.append(" filtered by extension ")
                    .append(op.wireValue(dialect))
                    .append(" \"")
                    .append(Text.abbreviate(request.filterValue().orElseThrow(), 80))
                    .append('"'));
    return out.toString();
  }
}
