package io.github.presencesdk.vonage;

import io.github.presencesdk.Capability;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.UndecodableResponseException;
import io.github.presencesdk.WithMetadata;
import io.github.presencesdk.internal.ApiRequest;
import io.github.presencesdk.internal.BulkReader;
import io.github.presencesdk.internal.EnvironmentSettings;
import io.github.presencesdk.internal.HttpCore;
import io.github.presencesdk.internal.Ids;
import io.github.presencesdk.internal.Json;
import io.github.presencesdk.internal.VendorProfile;
import io.github.presencesdk.vonage.VonageErrors.Operation;
import io.github.presencesdk.vonage.VonageJson.UserPresence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The client for the Vonage Contact Center (VCC) Agents API and Agent Availability API.
 *
 * <p>It implements the vendor-neutral {@link PresenceClient} and adds the VCC operations {@link
 * #setPresence(String, String)}, {@link #presenceDefinitions()} and {@link
 * #availabilitySummary(AvailabilitySummaryRequest)}. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * try (VonageClient vcc = VonageClient.builder()
 *     .region(VonageClient.Region.EMEA)
 *     .clientCredentials(clientId, clientSecret)
 *     .scopes("users:read")
 *     .build()) {
 *   Presence<VonagePresence> presence = vcc.presence("daab05ec-ba50-45af-a6fd-3b01cdc6f39b");
 * }
 * }</pre>
 *
 * <p>Every request sends {@code Accept: application/vnd.newvoicemedia.v1+json}; requests with a
 * body send {@code Content-Type: application/json}. User ids and presence ids are GUIDs, checked
 * before anything is sent (VCC answers 400 to anything else); they go into the URL as
 * percent-encoded path segments or query values all the same. How VCC categories map to {@link
 * io.github.presencesdk.PresenceState} is described in the {@linkplain io.github.presencesdk.vonage
 * package documentation}.
 *
 * <p>Thread-safe: build one client per account and share it. {@link #close()} releases its threads
 * and connections.
 */
public final class VonageClient implements PresenceClient<VonagePresence> {
  /** The Accept header every VCC request carries; without it VCC answers 400. */
  static final String ACCEPT = "application/vnd.newvoicemedia.v1+json";

  /** The most user ids VCC accepts in one bulk read. */
  static final int MAX_IDS_PER_REQUEST = 50;

  /** {@code application/json} without a charset parameter, as VCC documents it. */
  private static final MediaType JSON = MediaType.get("application/json");

  static final VendorProfile PROFILE =
      new VendorProfile(
          "vonage",
          Map.of("Accept", ACCEPT),
          VonageErrors::decode,
          VendorProfile.COMMON_REQUEST_ID_HEADERS,
          4,
          ClientAuthentication.FORM);

  private static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.BULK_READ,
              Capability.SET_PRESENCE,
              Capability.LIST_STATUSES,
              Capability.AVAILABILITY_SUMMARY));

  private final HttpCore core;

  /** A copy of the builder that built this client, for {@link #toBuilder()}. */
  private final Builder settings;

  private VonageClient(HttpCore core, Builder settings) {
    this.core = core;
    this.settings = settings;
  }

  /** Returns a builder; a region (or a base URL) and credentials are required. */
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
   * Returns a builder filled from {@code environment}: {@code VONAGE_REGION} ({@code emea}, {@code
   * nam} or {@code apac}), {@code VONAGE_BASE_URL}, {@code VONAGE_TOKEN_URL}, and either {@code
   * VONAGE_ACCESS_TOKEN} or {@code VONAGE_CLIENT_ID} with {@code VONAGE_CLIENT_SECRET} (the access
   * token wins when both are set). Unset and blank variables are ignored. Scopes are not read: set
   * them on the builder, which takes any other setting too.
   *
   * @param environment the variables, such as {@link System#getenv()}
   * @throws IllegalStateException naming the variables if neither {@code VONAGE_REGION} nor {@code
   *     VONAGE_BASE_URL} is set, or no complete credentials are
   * @throws IllegalArgumentException naming the variable if a value is not valid (never repeating a
   *     token or secret)
   */
  public static Builder fromEnv(Map<String, String> environment) {
    EnvironmentSettings env = EnvironmentSettings.of(environment, "VONAGE");
    env.requireOneOf(
        "the account's region (emea, nam or apac), or the API base URL", "REGION", "BASE_URL");
    Builder builder = builder();
    env.apply("REGION", code -> builder.region(Region.of(code)));
    env.applyCommon(builder);
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

  /** Returns {@code "vonage"}. */
  @Override
  public String vendor() {
    return PROFILE.id();
  }

  /** The API base URL this client sends to. */
  public HttpUrl baseUrl() {
    return core.baseUrl();
  }

  /**
   * Reads one user's presence with {@code GET /agents/{userId}/presence}. Scopes: {@code
   * users:read} or {@code users:write}, or {@code self:read} or {@code self:write} for the token's
   * own user.
   *
   * <p>The returned presence carries {@code userId} as passed here.
   *
   * @throws IllegalArgumentException if {@code userId} is null or not a GUID (VCC user ids are
   *     GUIDs, and VCC answers 400 to anything else); nothing is sent
   * @throws NotFoundException if VCC knows no such user
   * @throws PresenceException for any other failure
   */
  @Override
  public Presence<VonagePresence> presence(String userId) {
    String id = Guids.require(Ids.require(userId, "userId"), "userId");
    return readOne(id);
  }

  /**
   * Like {@link #presence(String)}, with the status, request id and headers of the response the
   * presence came from.
   */
  @Override
  public WithMetadata<Presence<VonagePresence>> presenceWithMetadata(String userId) {
    return core.withMetadata(() -> presence(userId));
  }

  /** Like {@link #presence(String)} without blocking; argument errors are thrown at once. */
  @Override
  public CompletableFuture<Presence<VonagePresence>> presenceAsync(String userId) {
    String id = Guids.require(Ids.require(userId, "userId"), "userId");
    return core.async(() -> readOne(id));
  }

  /**
   * Reads the presences of many users with {@code GET /agents/presences/users?userId=a,b,...}.
   * Scopes: {@code users:read} or {@code users:write}.
   *
   * <p>Ids are GUIDs, which VCC treats without regard to letter case. They are deduplicated the
   * same way ({@code daab05ec-...} and {@code DAAB05EC-...} are one user, sent once, and the result
   * reports it under the spelling that came first) and sent in requests of at most 50 ids, running
   * as many requests at once as {@link Builder#maxConcurrency(int) maxConcurrency} allows (default
   * 4). The result keeps the order of first appearance. VCC may answer with ids in another letter
   * case than asked, so answers are matched without regard to case; an id VCC does not answer for
   * is in {@link PresenceBatch#unknownIds()}. An empty collection sends nothing.
   *
   * @throws IllegalArgumentException if the collection is null, or an id is not a GUID (see {@link
   *     #presence(String)}); nothing is sent
   * @throws PartialFailureException if some requests failed; it carries the ids that were read
   * @throws PresenceException if every request failed
   */
  @Override
  public PresenceBatch<VonagePresence> presences(Collection<String> userIds) {
    List<String> ids = checkBulkIds(userIds);
    return BulkReader.read(core, ids, MAX_IDS_PER_REQUEST, this::readChunk);
  }

  /** Like {@link #presences(Collection)} without blocking; argument errors are thrown at once. */
  @Override
  public CompletableFuture<PresenceBatch<VonagePresence>> presencesAsync(
      Collection<String> userIds) {
    List<String> ids = checkBulkIds(userIds);
    return BulkReader.readAsync(core, ids, MAX_IDS_PER_REQUEST, this::readChunk);
  }

  /**
   * Sets a user's presence with {@code PATCH /agents/{userId}/presence} and returns the updated
   * presence. Scopes: {@code users:write}, or {@code self:write} for the token's own user.
   *
   * <p>The change is not repeated after a server error or a dropped connection, since it may have
   * been applied; only 408 and 429, which say VCC did not act on it, are retried.
   *
   * @param userId the user whose presence to set
   * @param presenceId the id of one of the account's presence definitions (see {@link
   *     #presenceDefinitions()}), a GUID
   * @throws IllegalArgumentException if either id is null or not a GUID; nothing is sent
   * @throws NotFoundException if VCC knows no such user
   * @throws io.github.presencesdk.BadRequestException if VCC refuses the presence id
   * @throws PresenceException for any other failure
   */
  public Presence<VonagePresence> setPresence(String userId, String presenceId) {
    String id = Guids.require(Ids.require(userId, "userId"), "userId");
    String presence = Guids.require(Ids.require(presenceId, "presenceId"), "presenceId");
    HttpUrl url = userPresenceUrl(id);
    ApiRequest request =
        jsonRequest(
            "PATCH", url, VonageJson.setPresenceBody(presence), false, Operation.SET_PRESENCE);
    return core.execute(request, (status, body) -> decodeOne(id, status, body));
  }

  /**
   * Lists the account's presence definitions with {@code GET /agents/presence-definitions}. Scopes:
   * {@code users:read}, {@code self:read} or {@code admin:read} (or the matching {@code :write}).
   */
  public List<VonagePresence> presenceDefinitions() {
    core.checkOpen();
    HttpUrl url =
        core.baseUrl().newBuilder().addPathSegments("agents/presence-definitions").build();
    return core.execute(
        request("GET", url, null, true, Operation.PRESENCE_DEFINITIONS),
        (status, body) -> Json.decode(VonageJson.PRESENCE_DEFINITIONS, body, vendor(), status));
  }

  /**
   * Reads how many agents matching {@code request} are in each presence category and how many can
   * take a new interaction, with {@code POST /agents-availability}. Scope: {@code
   * agents-availability:read}.
   *
   * <p>This is a read: it is retried like one.
   *
   * @throws IllegalArgumentException if {@code request} is null; nothing is sent
   * @throws PresenceException for any failure
   */
  public AvailabilitySummary availabilitySummary(AvailabilitySummaryRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    core.checkOpen();
    HttpUrl url = core.baseUrl().newBuilder().addPathSegment("agents-availability").build();
    return core.execute(
        jsonRequest(
            "POST",
            url,
            VonageJson.availabilityBody(request),
            true,
            Operation.AVAILABILITY_SUMMARY),
        (status, body) -> Json.decode(VonageJson.AVAILABILITY_SUMMARY, body, vendor(), status));
  }

  /**
   * Returns {@link Capability#BULK_READ}, {@link Capability#SET_PRESENCE}, {@link
   * Capability#LIST_STATUSES} (presence definitions) and {@link Capability#AVAILABILITY_SUMMARY}.
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
    return "VonageClient{baseUrl=" + core.baseUrl() + '}';
  }

  private Presence<VonagePresence> readOne(String id) {
    return core.execute(
        request("GET", userPresenceUrl(id), null, true, Operation.PRESENCE),
        (status, body) -> decodeOne(id, status, body));
  }

  private Presence<VonagePresence> decodeOne(String id, int status, Buffer body) {
    UserPresence answer = Json.decode(VonageJson.USER_PRESENCE, body, vendor(), status);
    VonagePresence detail = answer.presence();
    if (detail == null) {
      throw new UndecodableResponseException(
          vendor(),
          status,
          vendor() + " answered HTTP " + status + " but without a presence for the user",
          "",
          null);
    }
    return toPresence(id, answer, detail);
  }

  private Map<String, Presence<VonagePresence>> readChunk(List<String> chunk) {
    StringBuilder joined = new StringBuilder();
    for (String id : chunk) {
      if (joined.length() > 0) {
        // A literal comma, as VCC documents it: encoding it would make it part of an id.
        joined.append(',');
      }
      joined.append(encodeQueryValue(id));
    }
    HttpUrl url =
        core.baseUrl()
            .newBuilder()
            .addPathSegments("agents/presences/users")
            .addEncodedQueryParameter("userId", joined.toString())
            .build();
    List<UserPresence> answer =
        core.execute(
            request("GET", url, null, true, Operation.PRESENCES),
            (status, body) -> Json.decode(VonageJson.USER_PRESENCES, body, vendor(), status));
    // VCC ids are GUIDs, which VCC may echo in another letter case than they were asked in.
    Map<String, UserPresence> byId = new HashMap<>();
    for (UserPresence entry : answer) {
      String userId = entry.userId();
      // An entry without a user id cannot be matched, and one without a presence says nothing:
      // the ids they stand for are reported as unknown.
      if (userId != null && entry.presence() != null) {
        byId.put(userId.toLowerCase(Locale.ROOT), entry);
      }
    }
    Map<String, Presence<VonagePresence>> found = new HashMap<>();
    for (String id : chunk) {
      UserPresence entry = byId.get(id.toLowerCase(Locale.ROOT));
      VonagePresence detail = entry != null ? entry.presence() : null;
      if (entry != null && detail != null) {
        found.put(id, toPresence(id, entry, detail));
      }
    }
    return found;
  }

  private static Presence<VonagePresence> toPresence(
      String userId, UserPresence answer, VonagePresence detail) {
    return Presence.of(
        userId,
        detail.state(),
        detail.category().rawCategoryType(),
        detail.description().orElse(null),
        answer.updated(),
        detail);
  }

  private List<String> checkBulkIds(@Nullable Collection<String> userIds) {
    List<String> ids = Ids.requireDistinct(userIds, "userIds");
    if (userIds != null) {
      int index = 0;
      for (String id : userIds) {
        if (id.indexOf(',') >= 0) {
          throw new IllegalArgumentException(
              "userIds["
                  + index
                  + "] must not contain ',', which separates the ids of a bulk read; was \""
                  + id
                  + "\"");
        }
        Guids.require(id, "userIds[" + index + "]");
        index++;
      }
    }
    core.checkOpen();
    // Answers are matched without regard to case, so duplicates are too: two spellings of one GUID
    // would otherwise be sent twice and both map to the one answer. The first spelling is kept.
    Set<String> seen = new HashSet<>();
    List<String> distinct = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (seen.add(id.toLowerCase(Locale.ROOT))) {
        distinct.add(id);
      }
    }
    return distinct;
  }

  private HttpUrl userPresenceUrl(String userId) {
    return core.baseUrl()
        .newBuilder()
        .addPathSegment("agents")
        .addPathSegment(userId)
        .addPathSegment("presence")
        .build();
  }

  private static ApiRequest request(
      String method,
      HttpUrl url,
      @Nullable RequestBody body,
      boolean retrySafe,
      Operation operation) {
    return new ApiRequest(method, url, body, retrySafe, true, operation.decoder());
  }

  private static ApiRequest jsonRequest(
      String method, HttpUrl url, String json, boolean retrySafe, Operation operation) {
    RequestBody body = RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON);
    return request(method, url, body, retrySafe, operation);
  }

  /**
   * Percent-encodes everything but the unreserved characters of RFC 3986, so that no character of
   * an id can end the value, start another parameter or be read as the list separator.
   */
  static String encodeQueryValue(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A VCC region; each has its own hosts and its own accounts and tokens. */
  public enum Region {
    /** Europe, the Middle East and Africa ({@code emea}). */
    EMEA("emea"),
    /** North America ({@code nam}). */
    NAM("nam"),
    /** Asia-Pacific ({@code apac}). */
    APAC("apac");

    private final String code;

    Region(String code) {
      this.code = code;
    }

    /** The region's code in host names, such as {@code "emea"}. */
    public String code() {
      return code;
    }

    /** The API base URL of this region on {@code hosts}. */
    public HttpUrl apiBaseUrl(Hosts hosts) {
      return HttpUrl.get("https://" + code + "." + hosts.apiDomain + "/");
    }

    /** The OAuth2 token endpoint of this region on {@code hosts}. */
    public HttpUrl tokenUrl(Hosts hosts) {
      return HttpUrl.get("https://" + code + "." + hosts.authDomain + "/Auth/connect/token");
    }

    /**
     * Returns the region with {@code code} ({@code emea}, {@code nam} or {@code apac}), ignoring
     * case.
     *
     * @throws IllegalArgumentException for any other code
     */
    public static Region of(@Nullable String code) {
      if (code != null) {
        for (Region region : values()) {
          if (region.code.equalsIgnoreCase(code.trim())) {
            return region;
          }
        }
      }
      throw new IllegalArgumentException(
          "region must be one of emea, nam, apac, was "
              + (code == null ? "null" : "\"" + code + "\""));
    }
  }

  /**
   * The host names VCC serves a region under. Both serve the same API; newer VCC documentation
   * shows the Vonage names.
   */
  public enum Hosts {
    /**
     * {@code https://<region>.api.newvoicemedia.com} and {@code
     * https://<region>.newvoicemedia.com/Auth/connect/token}; the default.
     */
    NEWVOICEMEDIA("api.newvoicemedia.com", "newvoicemedia.com"),
    /**
     * {@code https://<region>.api.cc.vonage.com} and {@code
     * https://<region>.cc.vonage.com/Auth/connect/token}.
     */
    VONAGE("api.cc.vonage.com", "cc.vonage.com");

    private final String apiDomain;
    private final String authDomain;

    Hosts(String apiDomain, String authDomain) {
      this.apiDomain = apiDomain;
      this.authDomain = authDomain;
    }

    /**
     * The token URL that belongs to a base URL on these hosts ({@code <region>.<api domain>}), or
     * null if the base URL is elsewhere.
     */
    @Nullable HttpUrl tokenUrlFor(HttpUrl baseUrl) {
      String host = baseUrl.host();
      String suffix = "." + apiDomain;
      if (!baseUrl.isHttps() || !host.endsWith(suffix)) {
        return null;
      }
      String region = host.substring(0, host.length() - suffix.length());
      if (region.isEmpty() || region.contains(".")) {
        return null;
      }
      return HttpUrl.get("https://" + region + "." + authDomain + "/Auth/connect/token");
    }
  }

  /**
   * Builds a {@link VonageClient}. Besides the shared settings of {@link PresenceClientBuilder}, it
   * takes the {@link Region} (which sets the API base URL and the token URL) and the {@link Hosts}
   * to use for it.
   *
   * <p>The base URL is {@link #baseUrl(String)} if set, else the region's. The token URL is {@link
   * #tokenUrl(String)} if set; else the one that belongs to the base URL when the base URL is a VCC
   * host (such as {@code https://nam.api.cc.vonage.com}, whose token URL is {@code
   * https://nam.cc.vonage.com/Auth/connect/token}); else the region's. Client credentials are sent
   * in the form body by default ({@link ClientAuthentication#FORM}, as VCC documents); {@link
   * ClientAuthentication#BASIC} can be chosen. Scopes are sent space-separated.
   */
  public static final class Builder extends PresenceClientBuilder<Builder> {
    private @Nullable Region region;
    private Hosts hosts = Hosts.NEWVOICEMEDIA;

    private Builder() {}

    /** A copy of {@code source}. */
    private Builder(Builder source) {
      copySettingsFrom(source);
      this.region = source.region;
      this.hosts = source.hosts;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Sets the account's region, which sets the default base URL and token URL. */
    public Builder region(Region region) {
      this.region = requireArg(region, "region");
      return this;
    }

    /** Sets the host names the region is reached under; default {@link Hosts#NEWVOICEMEDIA}. */
    public Builder hosts(Hosts hosts) {
      this.hosts = requireArg(hosts, "hosts");
      return this;
    }

    /**
     * Creates the client.
     *
     * @throws IllegalStateException if neither a region nor a base URL is set, credentials are
     *     missing, or a URL is plain http to a host that is not loopback
     */
    public VonageClient build() {
      Region chosen = region;
      HttpUrl configured = configuredBaseUrl();
      if (chosen == null && configured == null) {
        throw new IllegalStateException(
            "region is required: call region(VonageClient.Region.EMEA, NAM or APAC), or baseUrl(...)");
      }
      HttpUrl defaultBase = chosen != null ? chosen.apiBaseUrl(hosts) : null;
      Hosts preferred = hosts;
      HttpCore core =
          buildCore(
              PROFILE,
              defaultBase,
              base -> {
                // A base URL on a VCC host has its own token host; any other one (a proxy) takes
                // the region's.
                HttpUrl derived = preferred.tokenUrlFor(base);
                for (Hosts other : Hosts.values()) {
                  derived = derived != null ? derived : other.tokenUrlFor(base);
                }
                return derived != null
                    ? derived
                    : chosen != null ? chosen.tokenUrl(preferred) : null;
              });
      return new VonageClient(core, new Builder(this));
    }

    @Override
    public String toString() {
      return "VonageClient.Builder{region="
          + region
          + ", hosts="
          + hosts
          + ", "
          + super.toString()
          + '}';
    }
  }
}
