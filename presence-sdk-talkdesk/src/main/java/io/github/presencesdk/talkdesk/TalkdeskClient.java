package io.github.presencesdk.talkdesk;

import io.github.presencesdk.Capability;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.WithMetadata;
import io.github.presencesdk.internal.ApiRequest;
import io.github.presencesdk.internal.BulkReader;
import io.github.presencesdk.internal.EnvironmentSettings;
import io.github.presencesdk.internal.ErrorBodies;
import io.github.presencesdk.internal.HttpCore;
import io.github.presencesdk.internal.Ids;
import io.github.presencesdk.internal.Json;
import io.github.presencesdk.internal.VendorProfile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A client of the Talkdesk Presence API: reads the presence of users, changes a user's status and
 * lists the account's custom statuses.
 *
 * <p>Build one with {@link #builder()}:
 *
 * <pre>{@code
 * TalkdeskClient client = TalkdeskClient.builder()
 *     .region(TalkdeskClient.Region.EU)
 *     .account("acme")
 *     .clientCredentials(clientId, clientSecret)
 *     .build();
 * }</pre>
 *
 * <p>Each operation needs an OAuth scope granted to the API client: {@link #presence(String)} and
 * {@link #presences(Collection)} need {@value #SCOPE_PRESENCE_USER_READ}, {@link
 * #updateStatus(String, TalkdeskStatus)} needs {@value #SCOPE_PRESENCE_STATUS_WRITE} and {@link
 * #customStatuses()} needs {@value #SCOPE_ACCOUNT_CUSTOM_STATUS_READ}. A 403 names the scope the
 * operation needs in its message.
 *
 * <p>Talkdesk has no bulk read, so {@link #presences(Collection)} sends one request per user, at
 * most {@code maxConcurrency} (default {@value #DEFAULT_MAX_CONCURRENCY}) at once.
 *
 * <p>Thread-safe; build one client per account and share it.
 */
public final class TalkdeskClient implements PresenceClient<TalkdeskPresence> {
  /** The scope that reading presence needs. */
  public static final String SCOPE_PRESENCE_USER_READ = "presence-user:read";

  /** The scope that changing a user's status needs. */
  public static final String SCOPE_PRESENCE_STATUS_WRITE = "presence-status:write";

  /** The scope that listing the account's custom statuses needs. */
  public static final String SCOPE_ACCOUNT_CUSTOM_STATUS_READ = "account-custom-status:read";

  /** The number of presence requests a bulk read runs at once unless configured otherwise. */
  public static final int DEFAULT_MAX_CONCURRENCY = 8;

  static final String VENDOR = "talkdesk";

  static final VendorProfile PROFILE =
      new VendorProfile(
          VENDOR,
          // Talkdesk answers 406 when it cannot serve the media type asked for.
          Map.of("Accept", "application/json"),
          TalkdeskErrors::decode,
          VendorProfile.COMMON_REQUEST_ID_HEADERS,
          DEFAULT_MAX_CONCURRENCY,
          ClientAuthentication.BASIC);

  private static final Set<Capability> CAPABILITIES =
      Set.of(Capability.SET_PRESENCE, Capability.LIST_STATUSES);

  private final HttpCore core;

  /** A copy of the builder that built this client, for {@link #toBuilder()}. */
  private final Builder settings;

  private TalkdeskClient(HttpCore core, Builder settings) {
    this.core = core;
    this.settings = settings;
  }

  /** Returns a builder for a client of the US region. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder filled from the environment variables the command-line tool reads; see {@link
   * #fromEnv(Map)}.
   */
  public static Builder fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Returns a builder filled from {@code environment}: {@code TALKDESK_REGION} ({@code us}, {@code
   * eu} or {@code ca}; default us), {@code TALKDESK_ACCOUNT}, {@code TALKDESK_BASE_URL}, {@code
   * TALKDESK_TOKEN_URL}, and either {@code TALKDESK_ACCESS_TOKEN} or {@code TALKDESK_CLIENT_ID}
   * with {@code TALKDESK_CLIENT_SECRET} (the access token wins when both are set). Unset and blank
   * variables are ignored. Scopes are not read: set them on the builder, which takes any other
   * setting too.
   *
   * @param environment the variables, such as {@link System#getenv()}
   * @throws IllegalStateException naming the variables if no complete credentials are set, or
   *     client credentials are set without {@code TALKDESK_ACCOUNT} or {@code TALKDESK_TOKEN_URL}
   * @throws IllegalArgumentException naming the variable if a value is not valid (never repeating a
   *     token or secret)
   */
  public static Builder fromEnv(Map<String, String> environment) {
    EnvironmentSettings env = EnvironmentSettings.of(environment, "TALKDESK");
    Builder builder = builder();
    env.apply("REGION", code -> builder.region(Region.of(code)));
    env.apply("ACCOUNT", builder::account);
    if (env.applyCommon(builder)) {
      env.requireOneOf(
          "the account name, which names the token endpoint, or the token URL itself",
          "ACCOUNT",
          "TOKEN_URL");
    }
    return builder;
  }

  /**
   * Returns a new builder holding this client's settings, to build a client that differs in some of
   * them, such as other timeouts or another retry policy; this client is not changed.
   *
   * <p>What the two clients share: the OkHttp client they send through, and with it its connection
   * pool and dispatcher (the one given to {@code okHttpClient(...)}, or the one this client
   * created), unless {@code okHttpClient(...)} is called on the returned builder. Connections this
   * client opened are reused by the new one. What is copied: every other setting, credentials
   * included. What is not shared: the token cache (a client with client credentials fetches its own
   * token), the threads, and the calls in flight. Closing either client leaves the other working;
   * closing this client, if it created the OkHttp client, closes the idle connections of the shared
   * pool, and the new client opens connections as it needs them.
   */
  public Builder toBuilder() {
    return new Builder(settings).okHttpClient(core.sharedOkHttpClient());
  }

  @Override
  public String vendor() {
    return VENDOR;
  }

  /**
   * Reads the presence of one user with {@code GET /users/{id}/presence}. Needs {@value
   * #SCOPE_PRESENCE_USER_READ}.
   *
   * @throws IllegalArgumentException if {@code userId} is null, blank or otherwise invalid; nothing
   *     is sent
   * @throws NotFoundException if Talkdesk has no such user, or the answer was a 404 without
   *     Talkdesk's error body (its message then points at the base URL and the account's access)
   * @throws io.github.presencesdk.PermissionDeniedException if the token lacks the scope
   * @throws io.github.presencesdk.NotAcceptableException if Talkdesk refused the Accept header
   * @throws io.github.presencesdk.PresenceException for any other failure
   */
  @Override
  public Presence<TalkdeskPresence> presence(String userId) {
    return read(Ids.require(userId, "userId"));
  }

  /**
   * Reads the presence of many users, one request per user (Talkdesk has no bulk read) with at most
   * {@code maxConcurrency} in flight. Needs {@value #SCOPE_PRESENCE_USER_READ}.
   *
   * <p>Ids are deduplicated and the result keeps the order of their first appearance. A user
   * Talkdesk does not know (404 with Talkdesk's error body, a JSON object with a {@code code}) is
   * reported in {@link PresenceBatch#unknownIds()}. A 404 without that body (an HTML page, another
   * JSON shape, no body: typically a wrong base URL or an account without the Presence API) is a
   * {@link NotFoundException} for that user, like any other failure. Any other failure of a user's
   * request fails that user: when some users could be read, a {@link
   * io.github.presencesdk.PartialFailureException} carries them and the failures; when none could,
   * the first failure is thrown. An empty collection sends nothing.
   *
   * @throws IllegalArgumentException if the collection or any id in it is invalid; nothing is sent
   */
  @Override
  public PresenceBatch<TalkdeskPresence> presences(Collection<String> userIds) {
    List<String> ids = Ids.requireDistinct(userIds, "userIds");
    return BulkReader.read(core, ids, 1, this::readOne);
  }

  /**
   * Like {@link #presence(String)}, with the status, request id and headers of the response the
   * presence came from.
   */
  @Override
  public WithMetadata<Presence<TalkdeskPresence>> presenceWithMetadata(String userId) {
    return core.withMetadata(() -> presence(userId));
  }

  @Override
  public CompletableFuture<Presence<TalkdeskPresence>> presenceAsync(String userId) {
    String id = Ids.require(userId, "userId");
    return core.async(() -> read(id));
  }

  @Override
  public CompletableFuture<PresenceBatch<TalkdeskPresence>> presencesAsync(
      Collection<String> userIds) {
    List<String> ids = Ids.requireDistinct(userIds, "userIds");
    return BulkReader.readAsync(core, ids, 1, this::readOne);
  }

  /**
   * Sets the status of a user with {@code PUT /users/{id}/presence/status}. Needs {@value
   * #SCOPE_PRESENCE_STATUS_WRITE}. The request is idempotent and is retried like a read.
   *
   * @return the user's presence if Talkdesk answered with one, or empty if it answered without one:
   *     204 No Content, an empty body, or a body that is not a presence (an acknowledgement such as
   *     an echo of the request, or a presence this SDK cannot read). The status was changed in
   *     every case: once Talkdesk answered 2xx, the body never turns the call into a failure
   * @throws IllegalArgumentException if {@code userId} is invalid or {@code status} is null or
   *     {@link TalkdeskStatus#UNKNOWN}; nothing is sent
   * @throws io.github.presencesdk.BadRequestException if Talkdesk rejected the status
   * @throws NotFoundException if Talkdesk has no such user
   * @throws io.github.presencesdk.PresenceException for any other failure
   */
  public Optional<Presence<TalkdeskPresence>> updateStatus(String userId, TalkdeskStatus status) {
    return update(Ids.require(userId, "userId"), requireWritable(status), null);
  }

  /**
   * Sets the status of a user together with one of the account's custom statuses (see {@link
   * #customStatuses()}), such as {@code away} with a "Lunch" custom status. Otherwise like {@link
   * #updateStatus(String, TalkdeskStatus)}.
   *
   * @throws IllegalArgumentException if {@code userId} or {@code customStatusId} is invalid or
   *     {@code status} is null or {@link TalkdeskStatus#UNKNOWN}; nothing is sent
   */
  public Optional<Presence<TalkdeskPresence>> updateStatus(
      String userId, TalkdeskStatus status, String customStatusId) {
    String id = Ids.require(userId, "userId");
    TalkdeskStatus writable = requireWritable(status);
    return update(id, writable, Ids.require(customStatusId, "customStatusId"));
  }

  /**
   * Lists the custom statuses of the account with {@code GET /account/custom-status}. Needs {@value
   * #SCOPE_ACCOUNT_CUSTOM_STATUS_READ}.
   *
   * @throws io.github.presencesdk.PresenceException if the list could not be read
   */
  public List<TalkdeskCustomStatus> customStatuses() {
    HttpUrl url =
        core.baseUrl()
            .newBuilder()
            .addPathSegment("account")
            .addPathSegment("custom-status")
            .build();
    ApiRequest request =
        new ApiRequest(
            "GET",
            url,
            null,
            true,
            true,
            TalkdeskErrors.forOperation(SCOPE_ACCOUNT_CUSTOM_STATUS_READ, null));
    return core.execute(
        request, (status, body) -> Json.decode(TalkdeskJson.CUSTOM_STATUSES, body, VENDOR, status));
  }

  /**
   * Returns {@link Capability#SET_PRESENCE} (by {@link #updateStatus}) and {@link
   * Capability#LIST_STATUSES} (by {@link #customStatuses}).
   */
  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public String toString() {
    return "TalkdeskClient{baseUrl="
        + core.baseUrl()
        + ", maxConcurrency="
        + core.maxConcurrency()
        + ", credentials=<redacted>}";
  }

  private Map<String, Presence<TalkdeskPresence>> readOne(List<String> chunk) {
    String id = chunk.get(0);
    try {
      return Map.of(id, read(id));
    } catch (NotFoundException e) {
      // Only Talkdesk's own error body says the user is unknown; any other 404 (a wrong base URL,
      // an account without the Presence API, a gateway's page) fails this id instead, so that such
      // a setup never reports every id as unknown without an error.
      if (TalkdeskErrors.isUnknownUser(e)) {
        return Map.of();
      }
      throw e;
    }
  }

  private HttpUrl presenceUrl(String userId) {
    return core.baseUrl()
        .newBuilder()
        .addPathSegment("users")
        .addPathSegment(userId)
        .addPathSegment("presence")
        .build();
  }

  private Presence<TalkdeskPresence> read(String userId) {
    ApiRequest request =
        new ApiRequest(
            "GET",
            presenceUrl(userId),
            null,
            true,
            true,
            TalkdeskErrors.forOperation(SCOPE_PRESENCE_USER_READ, userId));
    TalkdeskPresence detail =
        core.execute(
            request, (status, body) -> Json.decode(TalkdeskJson.PRESENCE, body, VENDOR, status));
    return StateMapping.toPresence(userId, detail);
  }

  private Optional<Presence<TalkdeskPresence>> update(
      String userId, TalkdeskStatus status, @Nullable String customStatusId) {
    HttpUrl url = presenceUrl(userId).newBuilder().addPathSegment("status").build();
    ApiRequest request =
        new ApiRequest(
            "PUT",
            url,
            RequestBody.create(TalkdeskJson.statusUpdate(status, customStatusId), Json.MEDIA_TYPE),
            true,
            true,
            TalkdeskErrors.forOperation(SCOPE_PRESENCE_STATUS_WRITE, userId));
    return core.execute(request, (code, body) -> updatedPresence(userId, code, body));
  }

  private static Optional<Presence<TalkdeskPresence>> updatedPresence(
      String userId, int code, Buffer body) {
    // The status was changed whatever the body holds. The response of the update is not
    // documented, so only a body that is clearly a presence is decoded: a status string and at
    // least one key only a presence has. Anything else, and a presence that cannot be read, gives
    // empty rather than a failure after a write that succeeded.
    Map<String, Object> json = ErrorBodies.parseObject(body.clone().readUtf8());
    if (json == null
        || !(json.get("status") instanceof String)
        || json.keySet().stream().noneMatch(TalkdeskJson.PRESENCE_ONLY_KEYS::contains)) {
      return Optional.empty();
    }
    try {
      TalkdeskPresence detail = Json.decode(TalkdeskJson.PRESENCE, body, VENDOR, code);
      return Optional.of(StateMapping.toPresence(userId, detail));
    } catch (UndecodableResponseException e) {
      return Optional.empty();
    }
  }

  private static TalkdeskStatus requireWritable(@Nullable TalkdeskStatus status) {
    if (status == null || !status.isWritable()) {
      throw new IllegalArgumentException(
          "status must be one of AVAILABLE, AWAY, OFFLINE, HIDDEN (sent as available, away,"
              + " offline, hidden), was "
              + status);
    }
    return status;
  }

  /** The Talkdesk regions, each with its API host and token endpoint host. */
  public enum Region {
    /** United States: {@code https://api.talkdeskapp.com}, tokens at {@code *.talkdeskid.com}. */
    US("api.talkdeskapp.com", "talkdeskid.com"),
    /** Europe: {@code https://api.talkdeskapp.eu}, tokens at {@code *.talkdeskid.eu}. */
    EU("api.talkdeskapp.eu", "talkdeskid.eu"),
    /** Canada: {@code https://api.talkdeskappca.com}, tokens at {@code *.talkdeskidca.com}. */
    CA("api.talkdeskappca.com", "talkdeskidca.com");

    private final String apiHost;
    private final String identityDomain;

    Region(String apiHost, String identityDomain) {
      this.apiHost = apiHost;
      this.identityDomain = identityDomain;
    }

    /**
     * Returns the region with {@code code} ({@code us}, {@code eu} or {@code ca}), ignoring case.
     *
     * @throws IllegalArgumentException for any other code
     */
    public static Region of(@Nullable String code) {
      if (code != null) {
        for (Region region : values()) {
          if (region.name().equalsIgnoreCase(code.trim())) {
            return region;
          }
        }
      }
      throw new IllegalArgumentException(
          "region must be one of us, eu, ca, was " + (code == null ? "null" : "\"" + code + "\""));
    }

    /** The API base URL of this region, such as {@code https://api.talkdeskapp.com/}. */
    public HttpUrl apiBaseUrl() {
      return new HttpUrl.Builder().scheme("https").host(apiHost).build();
    }

    /**
     * The token endpoint of {@code account} in this region, such as {@code
     * https://acme.talkdeskid.com/oauth/token}.
     *
     * @throws IllegalArgumentException if {@code account} is not a DNS label
     */
    public HttpUrl tokenUrl(String account) {
      return new HttpUrl.Builder()
          .scheme("https")
          .host(requireAccount(account) + "." + identityDomain)
          .addPathSegments("oauth/token")
          .build();
    }
  }

  private static final Pattern DNS_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private static String requireAccount(@Nullable String account) {
    if (account == null) {
      throw new IllegalArgumentException("account must not be null");
    }
    if (!DNS_LABEL.matcher(account).matches()) {
      throw new IllegalArgumentException(
          "account must be the Talkdesk account name, a DNS label of 1 to 63 letters, digits or"
              + " hyphens that does not start or end with a hyphen, was \""
              + account
              + "\"");
    }
    return account;
  }

  /**
   * Builds a {@link TalkdeskClient}. Besides the shared settings of {@link PresenceClientBuilder}
   * it takes the {@link Region} (default {@link Region#US}) and the account name, which gives the
   * token endpoint {@code https://<account>.talkdeskid.com/oauth/token} (or its EU/CA form).
   *
   * <p>Credentials are either {@link #clientCredentials(String, String)} (sent to the token
   * endpoint as HTTP Basic by default) together with {@link #account(String)} or {@link
   * #tokenUrl(String)}, or a ready {@link #accessToken(String)}. Not thread-safe.
   */
  public static final class Builder extends PresenceClientBuilder<Builder> {
    private Region region = Region.US;
    private @Nullable String account;

    private Builder() {}

    /** A copy of {@code source}. */
    private Builder(Builder source) {
      copySettingsFrom(source);
      this.region = source.region;
      this.account = source.account;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the region, which gives the default API base URL and token endpoint; default {@link
     * Region#US}. {@link #baseUrl(String)} and {@link #tokenUrl(String)} override them.
     */
    public Builder region(Region region) {
      this.region = requireArg(region, "region");
      return this;
    }

    /**
     * Sets the Talkdesk account name, which names the token endpoint ({@code acme} gives {@code
     * https://acme.talkdeskid.com/oauth/token} in the US region). Required with client credentials
     * unless a token URL is set.
     *
     * @throws IllegalArgumentException if {@code account} is not a DNS label
     */
    public Builder account(String account) {
      this.account = requireAccount(account);
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no credentials are set, or client credentials are set
     *     without an account or a token URL
     */
    public TalkdeskClient build() {
      Region chosen = region;
      String name = account;
      HttpCore core =
          buildCore(
              PROFILE,
              chosen.apiBaseUrl(),
              base -> {
                if (name == null) {
                  throw new IllegalStateException(
                      "account(...) is required with client credentials, to reach the token"
                          + " endpoint https://<account>."
                          + chosen.identityDomain
                          + "/oauth/token; or set tokenUrl(...)");
                }
                return chosen.tokenUrl(name);
              });
      return new TalkdeskClient(core, new Builder(this));
    }

    @Override
    public String toString() {
      return super.toString() + "{region=" + region + ", account=" + account + '}';
    }
  }
}
