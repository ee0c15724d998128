package io.github.presencesdk.internal;

import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one client, as resolved by the builder. Exactly one of {@code accessToken} and
 * {@code clientId}/{@code clientSecret} is set.
 */
public record CoreSettings(
    HttpUrl baseUrl,
    @Nullable String accessToken,
    @Nullable String clientId,
    @Nullable String clientSecret,
    List<String> scopes,
    @Nullable HttpUrl tokenUrl,
    ClientAuthentication clientAuthentication,
    Duration connectTimeout,
    Duration readTimeout,
    Duration attemptTimeout,
    Duration totalTimeout,
    RetryPolicy retryPolicy,
    int maxConcurrency,
    @Nullable OkHttpClient okHttpClient,
    Clock clock,
    Sleeper sleeper) {

  @Override
  public String toString() {
    return "CoreSettings{baseUrl="
        + baseUrl
        + ", auth="
        + (accessToken != null
            ? "static token <redacted>"
            : "client credentials " + clientId + " <redacted>")
        + ", scopes="
        + scopes
        + ", tokenUrl="
        + tokenUrl
        + ", maxConcurrency="
        + maxConcurrency
        + ", retryPolicy="
        + retryPolicy
        + '}';
  }
}
