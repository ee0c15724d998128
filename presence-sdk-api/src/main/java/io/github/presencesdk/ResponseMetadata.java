package io.github.presencesdk;

import io.github.presencesdk.internal.ResponseHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor's HTTP response said besides its body: the status, the vendor's request id and the
 * response headers, for one request a successful call made. Quote the request id in a support
 * ticket, or log it next to what the call returned.
 *
 * <p>Bulk reads keep one per request in {@link PresenceBatch#responses()}; {@link
 * PresenceClient#presenceWithMetadata(String)} returns the one of a single read. A failed call
 * carries the same facts on its {@link PresenceServiceException}.
 *
 * <p>Headers that carry credentials or session state are never kept: {@code Authorization}, {@code
 * Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and any whose name mentions a token, a
 * secret, a password or an API key. Values are redacted of the client's own token and secret should
 * a server echo them. Header names are in lower case.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ResponseMetadata {
  private final String vendor;
  private final String request;
  private final int statusCode;
  private final @Nullable String requestId;
  private final Map<String, List<String>> headers;

  private ResponseMetadata(
      String vendor,
      String request,
      int statusCode,
      @Nullable String requestId,
      Map<String, List<String>> headers) {
    this.vendor = vendor;
    this.request = request;
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.headers = headers;
  }

  /**
   * Creates the metadata of one response.
   *
   * @param vendor the vendor that answered, such as {@code "vonage"}
   * @param request the method and path of the request, such as {@code GET /agents/presences/users}
   *     (never its query)
   * @param statusCode the HTTP status
   * @param requestId the vendor's request id, or null if it sent none
   * @param headers the response headers; names are turned to lower case and the headers named in
   *     the class description are dropped
   */
  public static ResponseMetadata of(
      String vendor,
      String request,
      int statusCode,
      @Nullable String requestId,
      Map<String, List<String>> headers) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(headers, "headers");
    Map<String, List<String>> safe = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!ResponseHeaders.isSensitive(lower)) {
            safe.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
          }
        });
    safe.replaceAll((name, values) -> List.copyOf(values));
    return new ResponseMetadata(
        vendor, request, statusCode, requestId, Collections.unmodifiableMap(safe));
  }

  /** The vendor that answered, such as {@code "vonage"}. */
  public String vendor() {
    return vendor;
  }

  /** The method and path of the request, such as {@code GET /agents/presences/users}. */
  public String request() {
    return request;
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** The request id the vendor sent back, for support tickets; empty if it sent none. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The response headers, names in lower case, without those that could carry credentials. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of the header {@code name} (in any letter case), if the response had it. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResponseMetadata other
        && vendor.equals(other.vendor)
        && request.equals(other.request)
        && statusCode == other.statusCode
        && Objects.equals(requestId, other.requestId)
        && headers.equals(other.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor, request, statusCode, requestId, headers);
  }

  @Override
  public String toString() {
    return "ResponseMetadata{"
        + vendor
        + " "
        + request
        + " -> "
        + statusCode
        + (requestId != null ? ", requestId=" + requestId : "")
        + '}';
  }
}
