package io.github.presencesdk;

import io.github.presencesdk.internal.CoreSettings;
import io.github.presencesdk.internal.DefaultTokenUrl;
import io.github.presencesdk.internal.HttpCore;
import io.github.presencesdk.internal.Text;
import io.github.presencesdk.internal.VendorProfile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings every vendor client shares: where to send requests, how to authenticate, how long to
 * wait, how to retry and how much to run at once. Each vendor's builder extends it with that
 * vendor's own settings (such as a region).
 *
 * <p>Every setter checks its argument at once and throws {@link IllegalArgumentException} naming
 * it; {@code build()} throws {@link IllegalStateException} for a missing required setting. A
 * builder is not thread-safe; the client it builds is.
 *
 * @param <B> the concrete builder type
 */
public abstract class PresenceClientBuilder<B extends PresenceClientBuilder<B>> {
  private @Nullable HttpUrl baseUrl;
  private @Nullable String accessToken;
  private @Nullable String clientId;
  private @Nullable String clientSecret;
  private List<String> scopes = List.of();
  private @Nullable HttpUrl tokenUrl;
  private @Nullable ClientAuthentication clientAuthentication;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration attemptTimeout = Duration.ofSeconds(30);
  private Duration totalTimeout = Duration.ofMinutes(2);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private int maxConcurrency;
  private @Nullable OkHttpClient okHttpClient;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private boolean allowInsecureHttp;

  /** For subclasses. */
  protected PresenceClientBuilder() {}

  /** Returns this builder as its concrete type. */
  protected abstract B self();

  /**
   * Sets the API base URL, replacing the vendor's default (for tests, proxies and other regions).
   * Plain {@code http://} is accepted only for loopback hosts unless {@link
   * #allowInsecureHttp(boolean)} is set.
   *
   * @throws IllegalArgumentException if it is not an absolute http or https URL, or carries a user
   *     name or password, a query or a fragment (the client appends paths and query parameters to
   *     it, and credentials belong in {@link #accessToken(String)} or {@link
   *     #clientCredentials(String, String)})
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = checkBaseUrl(parseUrl(baseUrl, "baseUrl"), "baseUrl", false);
    return self();
  }

  /** Sets the API base URL; see {@link #baseUrl(String)}. */
  public B baseUrl(HttpUrl baseUrl) {
    this.baseUrl = checkBaseUrl(requireArg(baseUrl, "baseUrl"), "baseUrl", false);
    return self();
  }

  /**
   * Authenticates with a bearer token obtained elsewhere. It is sent as is and never refreshed;
   * replaces client credentials set before.
   *
   * @throws IllegalArgumentException if the token is null, blank, or holds characters other than
   *     visible ASCII (a bearer token cannot, RFC 6750)
   */
  public B accessToken(String accessToken) {
    requireArg(accessToken, "accessToken");
    if (accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    int invalid = Text.indexOfNonVisibleAscii(accessToken);
    if (invalid >= 0) {
      // The token itself is not repeated: it is a secret.
      throw new IllegalArgumentException(
          "accessToken must hold only visible ASCII characters, as it is sent in the"
              + " Authorization header; found another at index "
              + invalid);
    }
    this.accessToken = accessToken;
    this.clientId = null;
    this.clientSecret = null;
    return self();
  }

  /**
   * Authenticates with OAuth2 client credentials. The client fetches, caches and refreshes tokens
   * itself; replaces a static token set before.
   */
  public B clientCredentials(String clientId, String clientSecret) {
    requireArg(clientId, "clientId");
    requireArg(clientSecret, "clientSecret");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret must not be blank");
    }
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.accessToken = null;
    return self();
  }

  /** Sets the OAuth2 scopes to request with client credentials (sent space-separated). */
  public B scopes(String... scopes) {
    return scopes(Arrays.asList(requireArg(scopes, "scopes")));
  }

  /** Sets the OAuth2 scopes to request with client credentials (sent space-separated). */
  public B scopes(Collection<String> scopes) {
    requireArg(scopes, "scopes");
    List<String> copy = new ArrayList<>();
    for (String scope : scopes) {
      if (scope == null || scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "scopes must be non-blank and contain no whitespace, was \"" + scope + "\"");
      }
      copy.add(scope);
    }
    this.scopes = List.copyOf(copy);
    return self();
  }

  /**
   * Sets the OAuth2 token endpoint, replacing the vendor's default.
   *
   * @throws IllegalArgumentException if it is not an absolute http or https URL, or carries a user
   *     name or password or a fragment
   */
  public B tokenUrl(String tokenUrl) {
    this.tokenUrl = checkBaseUrl(parseUrl(tokenUrl, "tokenUrl"), "tokenUrl", true);
    return self();
  }

  /** Sets how client credentials are sent to the token endpoint, replacing the vendor's default. */
  public B clientAuthentication(ClientAuthentication clientAuthentication) {
    this.clientAuthentication = requireArg(clientAuthentication, "clientAuthentication");
    return self();
  }

  /** Sets the time to establish a connection; default 10 s. */
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return self();
  }

  /** Sets the longest pause between bytes while reading or writing; default 30 s. */
  public B readTimeout(Duration readTimeout) {
    this.readTimeout = positive(readTimeout, "readTimeout");
    return self();
  }

  /** Sets the limit of one attempt, from connecting to reading the whole body; default 30 s. */
  public B attemptTimeout(Duration attemptTimeout) {
    this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
    return self();
  }

  /**
   * Sets the time budget of one call; default 120 s. The budget starts when the call starts and
   * covers everything the call does:
   *
   * <ul>
   *   <li>a single request: every attempt, every retry and the waits between them, and the token
   *       fetch it may need;
   *   <li>a whole bulk read ({@code presences(...)} and {@code presencesAsync(...)}): all of its
   *       requests, including those that run one after the other when there are more than {@link
   *       #maxConcurrency(int)}. A request whose turn comes after the budget is used up is not sent
   *       and fails with a {@link PresenceIoException} like a request that ran out of budget; its
   *       ids are reported as failed in the {@link PartialFailureException}, so none is lost.
   * </ul>
   *
   * <p>No retry is started that would end after the budget, and each attempt is limited to what is
   * left of it. Paged listings ({@link AutoPager}) are the exception: each page is a call with a
   * budget of its own, since a lazy listing ends when the caller stops iterating, which the client
   * does not control.
   */
  public B totalTimeout(Duration totalTimeout) {
    this.totalTimeout = positive(totalTimeout, "totalTimeout");
    return self();
  }

  /** Sets the retry policy; default {@link RetryPolicy#defaults()}. */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = requireArg(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * Sets the most requests one bulk read runs at once, 1 to 64; the default depends on the vendor.
   */
  public B maxConcurrency(int maxConcurrency) {
    if (maxConcurrency < 1 || maxConcurrency > 64) {
      throw new IllegalArgumentException(
          "maxConcurrency must be between 1 and 64, was " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
    return self();
  }

  /**
   * Sends through a client derived from {@code okHttpClient}, sharing its connection pool,
   * dispatcher and interceptors. The timeouts of this builder apply to the derived client; closing
   * the presence client leaves the given client open.
   */
  public B okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = requireArg(okHttpClient, "okHttpClient");
    return self();
  }

  /** Sets the clock used for token expiry, the time budget and Retry-After dates. */
  public B clock(Clock clock) {
    this.clock = requireArg(clock, "clock");
    return self();
  }

  /** Sets how the client waits between retries. */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = requireArg(sleeper, "sleeper");
    return self();
  }

  /**
   * Allows plain {@code http://} URLs to hosts other than loopback. Off by default, because tokens
   * and client secrets would cross the network unencrypted.
   */
  public B allowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
    return self();
  }

  /**
   * Replaces every setting this class holds with those of {@code source}, for the vendors' {@code
   * toBuilder()}: the vendor builder copies its own settings besides. Collections are immutable, so
   * nothing is shared that either builder could change.
   */
  protected final void copySettingsFrom(PresenceClientBuilder<?> source) {
    this.baseUrl = source.baseUrl;
    this.accessToken = source.accessToken;
    this.clientId = source.clientId;
    this.clientSecret = source.clientSecret;
    this.scopes = source.scopes;
    this.tokenUrl = source.tokenUrl;
    this.clientAuthentication = source.clientAuthentication;
    this.connectTimeout = source.connectTimeout;
    this.readTimeout = source.readTimeout;
    this.attemptTimeout = source.attemptTimeout;
    this.totalTimeout = source.totalTimeout;
    this.retryPolicy = source.retryPolicy;
    this.maxConcurrency = source.maxConcurrency;
    this.okHttpClient = source.okHttpClient;
    this.clock = source.clock;
    this.sleeper = source.sleeper;
    this.allowInsecureHttp = source.allowInsecureHttp;
  }

  /** The base URL set on this builder, or null if the vendor default applies. */
  protected final @Nullable HttpUrl configuredBaseUrl() {
    return baseUrl;
  }

  /** The token URL set on this builder, or null if the vendor default applies. */
  protected final @Nullable HttpUrl configuredTokenUrl() {
    return tokenUrl;
  }

  /**
   * Resolves the settings and creates the HTTP core. For vendor modules only.
   *
   * @param profile the vendor's profile
   * @param defaultBaseUrl the base URL when none was set, or null if the caller must set one
   * @param defaultTokenUrl the token URL for a resolved base URL when none was set, or null if
   *     there is no default
   * @throws IllegalStateException if credentials or a required URL are missing
   */
  protected final HttpCore buildCore(
      VendorProfile profile, @Nullable HttpUrl defaultBaseUrl, DefaultTokenUrl defaultTokenUrl) {
    HttpUrl base = baseUrl != null ? baseUrl : defaultBaseUrl;
    if (base == null) {
      throw new IllegalStateException("baseUrl is required for " + profile.id());
    }
    checkTransport(base, "baseUrl");
    if (accessToken == null && clientId == null) {
      throw new IllegalStateException(
          "credentials are required: call accessToken(...) or clientCredentials(...)");
    }
    HttpUrl token = null;
    if (clientId != null) {
      token = tokenUrl != null ? tokenUrl : defaultTokenUrl.forBaseUrl(base);
      if (token == null) {
        throw new IllegalStateException(
            "tokenUrl is required for client credentials with " + profile.id());
      }
      checkTransport(token, "tokenUrl");
    }
    CoreSettings settings =
        new CoreSettings(
            base,
            accessToken,
            clientId,
            clientSecret,
            scopes,
            token,
            clientAuthentication != null
                ? clientAuthentication
                : profile.defaultClientAuthentication(),
            connectTimeout,
            readTimeout,
            attemptTimeout,
            totalTimeout,
            retryPolicy,
            maxConcurrency > 0 ? maxConcurrency : profile.defaultMaxConcurrency(),
            okHttpClient,
            clock,
            sleeper);
    return new HttpCore(profile, settings);
  }

  private void checkTransport(HttpUrl url, String name) {
    if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
      throw new IllegalStateException(
          name
              + " "
              + url.scheme()
              + "://"
              + url.host()
              + " is plain http to a host that is not loopback; use https, or call"
              + " allowInsecureHttp(true) if the network is trusted");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are checked; names are not resolved here.
      if (host.chars()
              .allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || Character.isLetter(c))
          && (host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.'))) {
        return InetAddress.getByName(host).isLoopbackAddress();
      }
    } catch (UnknownHostException e) {
      return false;
    }
    return false;
  }

  /** Parses a URL, naming the parameter in the error. */
  protected static HttpUrl parseUrl(@Nullable String url, String name) {
    if (url == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(
          name
              + " must be an absolute http or https URL such as https://api.example.com/, was \""
              + abbreviate(USER_INFO.matcher(url).replaceFirst("$1<redacted>@"))
              + "\"");
    }
    return parsed;
  }

  /** A user name and password in a URL as typed, such as {@code https://user:pw@host}. */
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  private static String abbreviate(String s) {
    return Text.abbreviate(s, 200);
  }

  /**
   * Refuses what has no place in a URL the client builds requests on: credentials, which would show
   * wherever the URL does; a fragment; and, for a base URL, a query.
   */
  private static HttpUrl checkBaseUrl(HttpUrl url, String name, boolean allowQuery) {
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // The URL is not repeated: it holds the credentials.
      throw new IllegalArgumentException(
          name
              + " must not contain a user name or password; pass credentials with accessToken(...)"
              + " or clientCredentials(...)");
    }
    if (url.fragment() != null) {
      throw new IllegalArgumentException(
          name + " must not have a fragment (#...), was " + abbreviate(url.toString()));
    }
    if (!allowQuery && url.query() != null) {
      throw new IllegalArgumentException(
          name
              + " must not have a query (?...): the client adds paths and query parameters to it,"
              + " was "
              + abbreviate(url.toString()));
    }
    return url;
  }

  /** Throws {@link IllegalArgumentException} naming {@code name} if {@code value} is null. */
  protected static <T> T requireArg(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  private static Duration positive(@Nullable Duration duration, String name) {
    Duration d = requireArg(duration, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{baseUrl="
        + baseUrl
        + ", credentials="
        + (accessToken != null
            ? "<static token>"
            : clientId != null ? "<client credentials>" : "none")
        + '}';
  }
}
