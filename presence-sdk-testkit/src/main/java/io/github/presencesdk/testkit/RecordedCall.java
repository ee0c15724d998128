package io.github.presencesdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request a fake received, as the {@link RequestLog} keeps it.
 *
 * <p>The Authorization header is never kept, only whether there was one.
 *
 * @param method the HTTP method
 * @param path the encoded path, such as {@code /agents/presences/users}
 * @param query the query parameters in the order sent; a name without a value maps to {@code ""}
 * @param ids the ids the call was about: for VCC the {@code userId} list split on commas or the
 *     user id in the path; for Talkdesk the user id in the path; for VoipNow the extension in the
 *     path (unless {@code @self}) and the {@code filterValue} (split on commas for {@code
 *     inArray}); empty for token calls and for calls about no particular id
 * @param status the status the fake answered, or 0 when it closed the connection instead
 * @param authorizationPresent whether the request carried an Authorization header
 * @param tokenCall whether the request went to the token endpoint
 */
public record RecordedCall(
    String method,
    String path,
    Map<String, List<String>> query,
    List<String> ids,
    int status,
    boolean authorizationPresent,
    boolean tokenCall) {

  /** Copies the query and the ids so that the record is immutable. */
  public RecordedCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    query = Collections.unmodifiableMap(copy);
    ids = List.copyOf(ids);
  }

  /** The first value of a query parameter, or {@code null} when the call did not send it. */
  public @Nullable String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
