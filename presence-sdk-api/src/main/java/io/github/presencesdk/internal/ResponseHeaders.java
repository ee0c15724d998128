package io.github.presencesdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;

/**
 * Which response headers may be shown to the caller, on exceptions and on {@link
 * io.github.presencesdk.ResponseMetadata}: none that could carry a credential or session state.
 *
 * <p>Stateless and thread-safe.
 */
public final class ResponseHeaders {
  private ResponseHeaders() {}

  /**
   * Returns true if a header named {@code lowerCaseName} may carry a credential or session state:
   * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and any
   * whose name mentions a token, a secret, a password or an API key.
   */
  public static boolean isSensitive(String lowerCaseName) {
    return lowerCaseName.equals("authorization")
        || lowerCaseName.equals("proxy-authorization")
        || lowerCaseName.equals("cookie")
        || lowerCaseName.equals("set-cookie")
        || lowerCaseName.contains("token")
        || lowerCaseName.contains("secret")
        || lowerCaseName.contains("password")
        || lowerCaseName.contains("api-key")
        || lowerCaseName.contains("apikey");
  }

  /**
   * The headers that may be shown, names in lower case, each value with every credential {@code
   * redactor} knows removed.
   */
  static Map<String, List<String>> safe(Headers headers, Redactor redactor) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!isSensitive(lower)) {
        List<String> values = new ArrayList<>();
        for (String value : headers.values(name)) {
          values.add(redactor.redact(value));
        }
        out.put(lower, List.copyOf(values));
      }
    }
    return out;
  }
}
