package io.github.presencesdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.VendorError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * OAuth2 client credentials: fetches a token from the token endpoint, caches it, and fetches a new
 * one shortly before it expires.
 *
 * <p>At most one fetch runs at a time, on the client's threads, and every caller that needs a token
 * meanwhile waits for that fetch and gets its outcome: the token, or the exception it ended in. A
 * failed fetch is not repeated for the callers that waited on it; the next call after it starts a
 * new one. A fetch runs within the budget of the call that started it, and each caller waits no
 * longer than its own budget allows; the wait ends early if the caller is interrupted. No lock is
 * held while a fetch runs.
 *
 * <p>Ahead of expiry, while the cached token is still valid, a refresh does not hold calls up: the
 * caller that starts it waits for it at most half of its remaining budget, keeping the rest for its
 * own request, and callers arriving meanwhile use the cached token at once. When that refresh fails
 * or takes longer, the call goes on with the cached token and a later call tries again; only once
 * the token has expired does a failed fetch fail the calls that wait for it.
 */
final class ClientCredentialsTokenProvider implements TokenProvider {
  /** Used when the token endpoint does not say how long the token lasts. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

  /** Refresh this long before expiry, or at half the lifetime for short-lived tokens. */
  static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

  private final HttpCore core;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final List<String> scopes;
  private final ClientAuthentication authentication;
  private final Clock clock;

  /** Guards {@link #inFlight} and writes of {@link #current}; never held during a fetch. */
  private final Object lock = new Object();

  private volatile @Nullable CachedToken current;

  /** The fetch running now, if any; cleared before it completes. */
  private @Nullable CompletableFuture<CachedToken> inFlight;

  private record CachedToken(String value, Instant refreshAt, Instant expiresAt) {
    @Override
    public String toString() {
      return "CachedToken{refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + "}";
    }
  }

  ClientCredentialsTokenProvider(
      HttpCore core,
      HttpUrl tokenUrl,
      String clientId,
      String clientSecret,
      List<String> scopes,
      ClientAuthentication authentication,
      Clock clock) {
    this.core = core;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scopes = List.copyOf(scopes);
    this.authentication = authentication;
    this.clock = clock;
  }

  @Override
  public String token(Instant deadline) {
    CachedToken token = current;
    if (token != null && clock.instant().isBefore(token.refreshAt())) {
      return token.value();
    }
    CompletableFuture<CachedToken> fetch;
    boolean start = false;
    synchronized (lock) {
      token = current;
      if (token != null && clock.instant().isBefore(token.refreshAt())) {
        return token.value();
      }
      fetch = inFlight;
      if (fetch == null) {
        fetch = new CompletableFuture<>();
        inFlight = fetch;
        start = true;
      }
    }
    Instant now = clock.instant();
    CachedToken valid = token != null && now.isBefore(token.expiresAt()) ? token : null;
    if (valid != null && !start) {
      // Another caller is refreshing ahead of expiry; the cached token serves until then.
      return valid.value();
    }
    if (start) {
      start(fetch, deadline);
    }
    if (valid == null) {
      return await(fetch, deadline).value();
    }
    Instant halfway = now.plus(Duration.between(now, deadline).dividedBy(2));
    try {
      return await(fetch, halfway.isBefore(deadline) ? halfway : deadline).value();
    } catch (PresenceException e) {
      if (Thread.currentThread().isInterrupted() || !clock.instant().isBefore(valid.expiresAt())) {
        throw e;
      }
      // The refresh failed or is slow, but the token has not expired: the call goes on with it.
      return valid.value();
    }
  }

  /**
   * Runs the fetch on the client's threads, so that a caller that stops waiting (interrupted, or
   * out of budget) does not take the outcome away from the others.
   */
  private void start(CompletableFuture<CachedToken> fetch, Instant deadline) {
    try {
      // run() completes the fetch whatever happens, so the future of the task itself says nothing.
      CompletableFuture<Void> unused = core.runAsync(() -> run(fetch, deadline));
    } catch (IllegalStateException | RejectedExecutionException e) {
      // The client was closed between the caller's check and now.
      finish(fetch, null, core.closedFailure("token request", e));
    }
  }

  private void run(CompletableFuture<CachedToken> fetch, Instant deadline) {
    try {
      finish(fetch, fetch(deadline), null);
    } catch (IllegalStateException e) {
      finish(fetch, null, core.isClosed() ? core.closedFailure("token request", e) : e);
    } catch (RuntimeException | Error e) {
      finish(fetch, null, e);
    }
  }

  /**
   * Stores the outcome of {@code fetch} and hands it to every caller waiting on it. The fetch is
   * forgotten first, so that a call arriving after a failure starts a new fetch rather than getting
   * the old failure.
   */
  private void finish(
      CompletableFuture<CachedToken> fetch,
      @Nullable CachedToken token,
      @Nullable Throwable failure) {
    synchronized (lock) {
      if (token != null) {
        current = token;
      }
      if (inFlight == fetch) {
        inFlight = null;
      }
    }
    if (token != null) {
      fetch.complete(token);
    } else {
      fetch.completeExceptionally(
          failure != null ? failure : new IllegalStateException("no token and no failure"));
    }
  }

  /** Waits for {@code fetch} until {@code deadline}, on the clock of the client. */
  private CachedToken await(CompletableFuture<CachedToken> fetch, Instant deadline) {
    try {
      long nanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
      return fetch.get(nanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      HttpCore.throwIfUnchecked(cause);
      throw new PresenceIoException(core.vendor() + " token request failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new PresenceIoException(
          core.vendor()
              + " call ran out of its total timeout of "
              + core.settings().totalTimeout()
              + " while waiting for an access token",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (core.isClosed()) {
        throw core.closedFailure("token request", e);
      }
      throw new PresenceIoException(
          core.vendor() + " call was interrupted while waiting for an access token", e);
    }
  }

  @Override
  public boolean invalidate(String rejected) {
    synchronized (lock) {
      CachedToken token = current;
      if (token != null && token.value().equals(rejected)) {
        current = null;
      }
    }
    return true;
  }

  private CachedToken fetch(Instant deadline) {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!scopes.isEmpty()) {
      form.add("scope", String.join(" ", scopes));
    }
    okhttp3.Headers.Builder headers = new okhttp3.Headers.Builder();
    if (authentication == ClientAuthentication.BASIC) {
      headers.add("Authorization", Credentials.basic(clientId, clientSecret));
    } else {
      form.add("client_id", clientId).add("client_secret", clientSecret);
    }
    ApiRequest request =
        new ApiRequest("POST", tokenUrl, form.build(), true, false, ErrorBodies::decodeOAuthError);
    Instant requestedAt = clock.instant();
    TokenResponse response;
    try {
      response = core.executeTokenRequest(request, headers.build(), this::readToken, deadline);
    } catch (PresenceServiceException e) {
      throw failed(e);
    } catch (UndecodableResponseException e) {
      throw failed(e);
    } catch (PresenceIoException e) {
      if (core.isClosed()) {
        // Not a fault of the token endpoint: the client was closed while the request ran.
        throw e;
      }
      throw failed(e);
    }
    Duration lifetime =
        response.expiresInSeconds() > 0
            ? Duration.ofSeconds(response.expiresInSeconds())
            : DEFAULT_LIFETIME;
    Duration ahead =
        REFRESH_AHEAD.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_AHEAD : lifetime.dividedBy(2);
    Instant expiresAt = requestedAt.plus(lifetime);
    return new CachedToken(response.accessToken(), expiresAt.minus(ahead), expiresAt);
  }

  /**
   * The exception for a token request that ended in {@code e}, whatever it was: an {@link
   * AuthenticationException} whose message starts with the token URL, so that a wrong {@code
   * tokenUrl} is never taken for a failure of the API, and which keeps what the endpoint answered.
   */
  private AuthenticationException failed(PresenceException e) {
    String endpoint = endpoint();
    String prefix = core.vendor() + " could not get an access token from " + endpoint + ": ";
    if (e instanceof PresenceServiceException answered) {
      VendorError error = answered.error().withHint(hint(answered));
      return new AuthenticationException(
          prefix + error.describe(), endpoint, error, answered.headers(), e);
    }
    VendorError error;
    String hint;
    if (e instanceof UndecodableResponseException undecodable) {
      // The body is not quoted: it was meant to hold a token.
      error = noAnswer(undecodable.statusCode());
      hint =
          "The answer holds no usable access token; check that tokenUrl is the OAuth2 token"
              + " endpoint";
    } else {
      error = noAnswer(0);
      hint = "The token endpoint gave no answer; check tokenUrl and that its host is reachable";
    }
    return new AuthenticationException(
        Sentences.join(prefix + e.getMessage(), hint), endpoint, error.withHint(hint), Map.of(), e);
  }

  private VendorError noAnswer(int status) {
    return new VendorError(
        core.vendor(),
        status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        "");
  }

  /** The token URL for messages: without its query, which the caller may have filled. */
  private String endpoint() {
    return tokenUrl.newBuilder().query(null).build().toString();
  }

  private String hint(PresenceServiceException e) {
    int status = e.statusCode();
    if (status >= 300 && status < 400) {
      return redirectHint(e);
    }
    if (status == 400 || status == 401 || status == 403) {
      // Token endpoints answer 400 for a bad client or grant (RFC 6749 section 5.2).
      return "The token endpoint refused the client credentials";
    }
    if (status == 404 || status == 405) {
      return "This address does not serve OAuth2 token requests; check tokenUrl";
    }
    if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
      return "The token endpoint could not issue a token, even after the retries the retry policy"
          + " allows";
    }
    if (status >= 500) {
      return "The token endpoint failed to issue a token";
    }
    return "The token endpoint did not issue a token; check tokenUrl";
  }

  /**
   * The hint for a token endpoint that answered with a redirect, which is not followed: the request
   * carries the client credentials. It names the host the redirect pointed to, never the whole
   * Location, whose query could carry anything.
   */
  private String redirectHint(PresenceServiceException e) {
    List<String> location = e.headers().getOrDefault("location", List.of());
    HttpUrl target = location.isEmpty() ? null : tokenUrl.resolve(location.get(0));
    String where =
        target == null
            ? "without a usable Location header"
            : target.host().equals(tokenUrl.host()) && target.port() == tokenUrl.port()
                ? "to another path on the same host " + target.host()
                : "to host " + target.host();
    return "The token endpoint redirected "
        + where
        + "; token requests do not follow redirects, so that the client credentials reach the"
        + " configured tokenUrl only. Set tokenUrl to the endpoint's final address";
  }

  private record TokenResponse(String accessToken, long expiresInSeconds) {
    @Override
    public String toString() {
      return "TokenResponse{expiresIn=" + expiresInSeconds + "}";
    }
  }

  private static final JsonReader.Options NAMES =
      JsonReader.Options.of("access_token", "expires_in");

  private TokenResponse readToken(int status, Buffer body) {
    return Json.decode(
        new Json.ReadOnlyAdapter<TokenResponse>(null) {
          @Override
          public TokenResponse fromJson(JsonReader reader) throws IOException {
            String token = null;
            long expiresIn = 0;
            reader.beginObject();
            while (reader.hasNext()) {
              switch (reader.selectName(NAMES)) {
                case 0 -> token = Json.nextStringOrNull(reader);
                case 1 -> expiresIn = Json.nextLongLenient(reader, 0);
                default -> Json.skipField(reader);
              }
            }
            reader.endObject();
            if (token == null || token.isBlank()) {
              throw Json.missing("access_token", reader);
            }
            if (!isHeaderSafe(token)) {
              // Sent on, it would make OkHttp refuse every request with an
              // IllegalArgumentException.
              throw new JsonDataException(
                  "access_token holds characters that cannot be sent in an Authorization header");
            }
            return new TokenResponse(token, expiresIn);
          }
        },
        body,
        core.vendor(),
        status,
        false);
  }

  /** Whether {@code token} is visible ASCII only, as a bearer token must be (RFC 6750). */
  static boolean isHeaderSafe(String token) {
    return Text.indexOfNonVisibleAscii(token) < 0;
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider{tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret=<redacted>, scopes="
        + scopes
        + ", authentication="
        + authentication
        + '}';
  }
}
