package io.github.presencesdk.internal;

import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * One logical API call: method, URL, optional body, and whether repeating it is safe once it may
 * have reached the server.
 *
 * @param method the HTTP method
 * @param url the full URL
 * @param body the body, or null for none
 * @param retrySafe true if the call may be repeated after it may have reached the server
 * @param authenticated true if the call carries the client's bearer token
 * @param errorDecoder overrides the vendor's error decoder (used for token endpoints), or null
 */
public record ApiRequest(
    String method,
    HttpUrl url,
    @Nullable RequestBody body,
    boolean retrySafe,
    boolean authenticated,
    @Nullable ErrorDecoder errorDecoder) {

  /** Checks the required components. */
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
  }

  /** An authenticated GET, safe to repeat. */
  public static ApiRequest get(HttpUrl url) {
    return new ApiRequest("GET", url, null, true, true, null);
  }

  /** An authenticated request with a JSON body. */
  public static ApiRequest json(String method, HttpUrl url, String json, boolean retrySafe) {
    return new ApiRequest(
        method, url, RequestBody.create(json, Json.MEDIA_TYPE), retrySafe, true, null);
  }

  /** A line for messages: method and path, never the query (which may hold ids) or secrets. */
  public String describe() {
    return method + " " + url.encodedPath();
  }
}
