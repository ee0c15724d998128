package io.github.presencesdk.voipnow;

import io.github.presencesdk.AutoPager;
import io.github.presencesdk.Capability;
import io.github.presencesdk.ClientAuthentication;
import io.github.presencesdk.NotFoundException;
import io.github.presencesdk.Page;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.VendorError;
import io.github.presencesdk.WithMetadata;
import io.github.presencesdk.internal.BulkReader;
import io.github.presencesdk.internal.EnvironmentSettings;
import io.github.presencesdk.internal.HttpCore;
import io.github.presencesdk.internal.Ids;
import io.github.presencesdk.internal.VendorProfile;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the VoipNow Unified API presence listing, {@code GET
 * /uapi/extensions/{user}/{extension}/presence}, on the customer's own VoipNow host.
 *
 * <p>Besides the vendor-neutral reads of {@link PresenceClient}, where the ids are extended numbers
 * such as {@code 0003*210}, it lists presence with filters, sorting and field selection: {@link
 * #list(ListPresenceRequest)} pages lazily through a whole listing (even past the 10,000 entries
 * that plain paging can reach), and {@link #listPage(ListPresenceRequest)} returns one page with
 * VoipNow's envelope.
 *
 * <pre>{@code
 * try (VoipNowClient client = VoipNowClient.builder()
 *     .baseUrl("https://voipnow.example.com")
 *     .clientCredentials(clientId, clientSecret)
 *     .build()) {
 *   for (ExtensionPresence entry : client.list()) {
 *     System.out.println(entry.extension() + " " + entry.status());
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe; build one client per VoipNow host and app and share it.
 */
public final class VoipNowClient implements PresenceClient<ExtensionPresence> {
  /** The vendor name in messages, exceptions and the User-Agent. */
  static final String VENDOR = "voipnow";

  /** The most entries VoipNow returns per page, the default {@code maxCount}. */
  public static final int DEFAULT_MAX_COUNT = 5000;

  /** The largest {@code startIndex} VoipNow accepts, the default {@code maxStartIndex}. */
  public static final int DEFAULT_MAX_START_INDEX = 5000;

  /**
   * The most characters of encoded {@code filterValue} one request of {@link
   * #presences(Collection)} sends. The extensions travel comma-separated in the query string; 6,000
   * characters keep the request line near 6 KB, below the 8 KiB that servers and proxies commonly
   * accept.
   */
  static final int BULK_FILTER_VALUE_LIMIT = 6000;

  /** An encoded comma between two extensions of an {@code inArray} filter value: {@code %2C}. */
  private static final int ENCODED_SEPARATOR_LENGTH = 3;

  static final VendorProfile PROFILE =
      new VendorProfile(
          VENDOR,
          Map.of("Accept", "application/json"),
          VoipNowErrors::decode,
          VendorProfile.COMMON_REQUEST_ID_HEADERS,
          2,
          ClientAuthentication.FORM);

  private static final Set<Capability> CAPABILITIES =
      Set.of(Capability.BULK_READ, Capability.PAGED_LISTING);

  private final HttpCore core;
  private final PresenceApi api;
  private final VoipNowUser user;

  /** The caller's cap on extensions per bulk request, or 0 for none but maxCount. */
  private final int bulkChunkSize;

  private final int maxCount;

  /** A copy of the builder that built this client, for {@link #toBuilder()}. */
  private final Builder settings;

  private VoipNowClient(HttpCore core, Builder builder) {
    this.core = core;
    this.settings = new Builder(builder);
    this.api = new PresenceApi(core, builder.maxCount, builder.maxStartIndex, builder.queryDialect);
    this.user = builder.user;
    this.bulkChunkSize = builder.bulkChunkSize;
    this.maxCount = builder.maxCount;
  }

  /** Returns a builder; {@code baseUrl} and credentials are required. */
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
   * Returns a builder filled from {@code environment}: {@code VOIPNOW_BASE_URL} (the VoipNow host,
   * required), {@code VOIPNOW_TOKEN_URL}, and either {@code VOIPNOW_ACCESS_TOKEN} or {@code
   * VOIPNOW_CLIENT_ID} with {@code VOIPNOW_CLIENT_SECRET} (the access token wins when both are
   * set). Unset and blank variables are ignored. The user, scopes and listing bounds are not read:
   * set them on the builder, which takes any other setting too.
   *
   * @param environment the variables, such as {@link System#getenv()}
   * @throws IllegalStateException naming the variables if {@code VOIPNOW_BASE_URL} or complete
   *     credentials are missing
   * @throws IllegalArgumentException naming the variable if a value is not valid (never repeating a
   *     token or secret)
   */
  public static Builder fromEnv(Map<String, String> environment) {
    EnvironmentSettings env = EnvironmentSettings.of(environment, "VOIPNOW");
    env.requireOneOf("the VoipNow host, such as https://voipnow.example.com", "BASE_URL");
    Builder builder = builder();
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

  /** Returns {@code "voipnow"}. */
  @Override
  public String vendor() {
    return VENDOR;
  }

  /**
   * Reads the presence of one extension of the client's {@link Builder#user(VoipNowUser) user}: one
   * request with {@code filterBy=extension&filterOp=equals}.
   *
   * @param userId the extended number, such as {@code 0003*210}
   * @throws IllegalArgumentException if {@code userId} is not an extended number; nothing is sent
   * @throws NotFoundException if the user has no such extension. VoipNow has no 404 for it: it
   *     answers {@code 204 No Content} (or 200 without that entry), and the exception keeps that
   *     real status in {@link NotFoundException#statusCode()} and says so in its message
   */
  @Override
  public Presence<ExtensionPresence> presence(String userId) {
    String number = ExtendedNumbers.require(userId, "userId");
    core.checkOpen();
    return readOne(number);
  }

  /**
   * Reads the presence of many extensions of the client's {@link Builder#user(VoipNowUser) user}
   * with {@code filterOp=inArray}, in as few requests as the URL allows.
   *
   * <p>The extensions travel comma-separated in the {@code filterValue} query parameter, so what
   * limits a request is the length of the URL: each request holds as many extensions as fit in
   * 6,000 characters of encoded filter value (sized by the longest extension of the call, so that
   * every request fits), and at most {@code maxCount} (5000). Extended numbers such as {@code
   * 0003*210} give 545 per request: 2,000 extensions take 4 requests, 10,000 take 19. {@link
   * Builder#bulkChunkSize(int)} caps the number per request further. With {@link QueryDialect#V3},
   * which has no {@code inArray}, each extension takes one request with {@code filterOp=equals}.
   * Extensions that VoipNow does not list are in {@link PresenceBatch#unknownIds()}.
   *
   * @param userIds extended numbers, such as {@code 0003*210}
   * @throws IllegalArgumentException if an id is not an extended number; nothing is sent
   */
  @Override
  public PresenceBatch<ExtensionPresence> presences(Collection<String> userIds) {
    List<String> numbers = requireNumbers(userIds);
    return BulkReader.read(core, numbers, chunkSize(numbers), this::readChunk);
  }

  /**
   * Like {@link #presence(String)}, with the status, request id and headers of the response the
   * presence came from.
   */
  @Override
  public WithMetadata<Presence<ExtensionPresence>> presenceWithMetadata(String userId) {
    return core.withMetadata(() -> presence(userId));
  }

  /** Like {@link #presence(String)} without blocking; argument errors are thrown at once. */
  @Override
  public CompletableFuture<Presence<ExtensionPresence>> presenceAsync(String userId) {
    String number = ExtendedNumbers.require(userId, "userId");
    return core.async(() -> readOne(number));
  }

  /** Like {@link #presences(Collection)} without blocking; argument errors are thrown at once. */
  @Override
  public CompletableFuture<PresenceBatch<ExtensionPresence>> presencesAsync(
      Collection<String> userIds) {
    List<String> numbers = requireNumbers(userIds);
    return BulkReader.readAsync(core, numbers, chunkSize(numbers), this::readChunk);
  }

  /**
   * Lists every extension of the authenticated user ({@code @me/@self}); see {@link
   * #list(ListPresenceRequest)}.
   */
  public AutoPager<ExtensionPresence> list() {
    return list(ListPresenceRequest.builder().build());
  }

  /**
   * Lists the presence of every entry {@code request} selects, fetching pages lazily: nothing is
   * sent until iteration starts, and page {@code k+1} only when page {@code k} is consumed. Pages
   * hold {@code count} entries (default the client's {@code maxCount}, 5000, so that the fewest
   * requests are made). A {@code 204 No Content} answer to the first page is an empty listing; a
   * later page that answers 204, or holds no entries, while a page of the query announced more ends
   * the listing with a {@link ListingWindowExceededException} saying how many were not reached.
   *
   * <p>VoipNow refuses a {@code startIndex} above {@code maxStartIndex} (5000), so one query can
   * deliver at most {@code maxStartIndex + count} entries (10,000 by default). A listing without a
   * filter, or with a {@code startsWith} filter, starting at index 0, is therefore asked for sorted
   * by extension ({@code sortOrder=asc} unless the request sets a sort order), and continues past
   * that window by extension prefix: without a sort order of the caller's, it reads descending from
   * the other end and then fills the gap between the two ends prefix by prefix, in about as many
   * requests as {@code ceil(n / count)}, with the entries in no one order; with a sort order, it
   * keeps that order. Any other listing that does not fit, or whose answers do not agree (totals
   * that do not add up, entries out of the order asked for), ends with a {@link
   * ListingWindowExceededException} after the entries that could be read: nothing is dropped or
   * repeated silently.
   *
   * <p>A listing is not a snapshot: extensions added or removed while it runs may be missed or
   * repeated, as with any paging by index.
   *
   * @throws IllegalArgumentException if {@code count} or {@code startIndex} exceeds the client's
   *     bounds, or the filter operation does not exist in the client's {@link QueryDialect} ({@code
   *     inArray} in V3); nothing is sent
   */
  public AutoPager<ExtensionPresence> list(ListPresenceRequest request) {
    ListPresenceRequest effective = api.effective(request);
    core.checkOpen();
    PresenceListing listing = new PresenceListing(api, effective);
    return AutoPager.of(
        listing::firstPage, () -> core.<Page<ExtensionPresence>>async(listing::firstPage));
  }

  /**
   * Fetches one page of {@code request}, from its {@code startIndex}, with VoipNow's envelope; for
   * callers who page by hand.
   *
   * @throws IllegalArgumentException if {@code count} or {@code startIndex} exceeds the client's
   *     bounds, or the filter operation does not exist in the client's {@link QueryDialect} ({@code
   *     inArray} in V3); nothing is sent
   */
  public ExtensionPresencePage listPage(ListPresenceRequest request) {
    ListPresenceRequest effective = api.effective(request);
    core.checkOpen();
    return new ExtensionPresencePage(api, effective, api.fetch(effective, effective.startIndex()));
  }

  /**
   * Like {@link #listPage(ListPresenceRequest)} without blocking; argument errors are thrown at
   * once.
   */
  public CompletableFuture<ExtensionPresencePage> listPageAsync(ListPresenceRequest request) {
    ListPresenceRequest effective = api.effective(request);
    return core.async(
        () ->
            new ExtensionPresencePage(
                api, effective, api.fetch(effective, effective.startIndex())));
  }

  /** {@link Capability#BULK_READ} and {@link Capability#PAGED_LISTING}. */
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
    return "VoipNowClient{baseUrl=" + core.baseUrl() + ", user=" + user + '}';
  }

  private List<String> requireNumbers(Collection<String> userIds) {
    if (userIds == null) {
      throw new IllegalArgumentException("userIds must not be null");
    }
    int index = 0;
    for (String id : userIds) {
      ExtendedNumbers.require(id, "userIds[" + index + "]");
      index++;
    }
    return Ids.requireDistinct(userIds, "userIds");
  }

  /**
   * The number of extensions per request of a bulk read of {@code numbers}: as many of the longest
   * as fit in {@link #BULK_FILTER_VALUE_LIMIT} encoded characters, at most the caller's {@code
   * bulkChunkSize} and {@code maxCount}, at least 1.
   */
  private int chunkSize(List<String> numbers) {
    int longest = 1;
    for (String number : numbers) {
      longest = Math.max(longest, encodedLength(number));
    }
    // n extensions take n * longest + (n - 1) separators.
    int fit =
        (BULK_FILTER_VALUE_LIMIT + ENCODED_SEPARATOR_LENGTH) / (longest + ENCODED_SEPARATOR_LENGTH);
    if (!api.dialect().supports(FilterOp.IN_ARRAY)) {
      // Without inArray each extension needs its own equals request.
      return 1;
    }
    int cap = bulkChunkSize > 0 ? Math.min(bulkChunkSize, maxCount) : maxCount;
    return Math.max(1, Math.min(cap, fit));
  }

  /**
   * The length of {@code number} in a query string: digits and {@code *} are sent as they are, any
   * other character would be percent-encoded as at least three.
   */
  static int encodedLength(String number) {
    int length = 0;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      length += (c >= '0' && c <= '9') || c == '*' ? 1 : ENCODED_SEPARATOR_LENGTH;
    }
    return length;
  }

  private Presence<ExtensionPresence> readOne(String number) {
    ListPresenceRequest request =
        ListPresenceRequest.builder().user(user).filter(FilterOp.EQUALS, number).count(1).build();
    PageBody body = api.fetch(request, 0);
    for (ExtensionPresence entry : body.entries()) {
      if (entry.extension().equals(number)) {
        return entry.toPresence();
      }
    }
    // VoipNow answers a filter that matches nothing with 204 No Content, not 404. The exception
    // keeps the status it really answered, so that nobody looks for a 404 in their logs, and its
    // message says what that answer meant.
    boolean noContent = body.status() == 204;
    throw new NotFoundException(
        new VendorError(
            VENDOR,
            body.status(),
            Optional.empty(),
            Optional.ofNullable(noContent ? "No Content" : null),
            Optional.of(
                (noContent ? "no entry" : "no entry among the " + body.entries().size() + " listed")
                    + " for extension "
                    + number
                    + " under "
                    + user
                    + " (filterOp=equals), so the extension is not among the extensions of "
                    + user),
            List.of(),
            Optional.of(
                "VoipNow answers an unknown extension with "
                    + (noContent ? "204 No Content" : "a listing without it")
                    + " rather than 404; check the number and the client's user"),
            Optional.empty(),
            ""),
        Map.of());
  }

  private Map<String, Presence<ExtensionPresence>> readChunk(List<String> chunk) {
    ListPresenceRequest.Builder builder = ListPresenceRequest.builder().user(user);
    if (api.dialect().supports(FilterOp.IN_ARRAY)) {
      builder.filterInArray(chunk);
    } else {
      builder.filter(FilterOp.EQUALS, chunk.get(0));
    }
    ListPresenceRequest request = builder.count(chunk.size()).build();
    Set<String> wanted = new HashSet<>(chunk);
    Map<String, Presence<ExtensionPresence>> found = new LinkedHashMap<>();
    Page<ExtensionPresence> page = new PresenceListing(api, request).firstPage();
    while (true) {
      for (ExtensionPresence entry : page.items()) {
        if (wanted.contains(entry.extension())) {
          found.putIfAbsent(entry.extension(), entry.toPresence());
        }
      }
      if (!page.hasNextPage()) {
        return found;
      }
      page = page.nextPage();
    }
  }

  /**
   * Builds a {@link VoipNowClient}.
   *
   * <p>{@code baseUrl} is the customer's VoipNow host, such as {@code https://voipnow.example.com};
   * it is required. Authenticate with {@code accessToken(...)} or with {@code
   * clientCredentials(clientId, clientSecret)}: tokens then come from {@code /oauth/token.php} on
   * the same host (override with {@code tokenUrl(...)}), with the client id and secret in the form
   * body. Reads run at most 2 requests at once unless {@code maxConcurrency} says otherwise.
   */
  public static final class Builder extends PresenceClientBuilder<Builder> {
    private VoipNowUser user = VoipNowUser.ME;
    private int maxCount = DEFAULT_MAX_COUNT;
    private int maxStartIndex = DEFAULT_MAX_START_INDEX;
    private int bulkChunkSize;
    private QueryDialect queryDialect = QueryDialect.V5;

    Builder() {}

    /** A copy of {@code source}. */
    Builder(Builder source) {
      copySettingsFrom(source);
      this.user = source.user;
      this.maxCount = source.maxCount;
      this.maxStartIndex = source.maxStartIndex;
      this.bulkChunkSize = source.bulkChunkSize;
      this.queryDialect = source.queryDialect;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the user whose extensions {@link #presence(String)} and {@link #presences(Collection)}
     * read (under {@code @self}); default {@link VoipNowUser#ME}.
     */
    public Builder user(VoipNowUser user) {
      this.user = requireArg(user, "user");
      return this;
    }

    /**
     * Sets the largest page size this client asks for, and the default page size of listings, from
     * 1 to 5000; default 5000, the most VoipNow documents. Lower it for servers that refuse 5000
     * with {@code count_invalid} (4PSA's own tools use 4999).
     *
     * @throws IllegalArgumentException if {@code maxCount} is outside 1 to 5000
     */
    public Builder maxCount(int maxCount) {
      if (maxCount < 1 || maxCount > DEFAULT_MAX_COUNT) {
        throw new IllegalArgumentException(
            "maxCount must be between 1 and "
                + DEFAULT_MAX_COUNT
                + " (VoipNow documents a count of at most "
                + DEFAULT_MAX_COUNT
                + "; lower values suit servers with smaller bounds), was "
                + maxCount);
      }
      this.maxCount = maxCount;
      return this;
    }

    /**
     * Sets the largest {@code startIndex} this client sends, from 0 to 5000; default 5000, the most
     * VoipNow documents. Lower it for servers that refuse 5000 with {@code startindex_invalid}
     * (4PSA's own tools use 4999).
     *
     * @throws IllegalArgumentException if {@code maxStartIndex} is outside 0 to 5000
     */
    public Builder maxStartIndex(int maxStartIndex) {
      if (maxStartIndex < 0 || maxStartIndex > DEFAULT_MAX_START_INDEX) {
        throw new IllegalArgumentException(
            "maxStartIndex must be between 0 and "
                + DEFAULT_MAX_START_INDEX
                + " (VoipNow documents a startIndex of at most "
                + DEFAULT_MAX_START_INDEX
                + "; lower values suit servers with smaller bounds), was "
                + maxStartIndex);
      }
      this.maxStartIndex = maxStartIndex;
      return this;
    }

    /**
     * Sets how {@code filterOp} and {@code sortOrder} values are spelled on the wire; default
     * {@link QueryDialect#V5} ({@code startsWith}, {@code inArray}, {@code asc}, {@code desc}).
     * {@link QueryDialect#V3} sends the spelling of the reference page's error table ({@code starts
     * with}, {@code ascending}, {@code descending}); it has no {@code inArray}, so {@code
     * presences(...)} then sends one request per extension. Choose V3 if the server answers {@code
     * filterop_invalid} or {@code sortorder_invalid} to the V5 values.
     */
    public Builder queryDialect(QueryDialect queryDialect) {
      this.queryDialect = requireArg(queryDialect, "queryDialect");
      return this;
    }

    /**
     * Caps how many extensions one request of {@link #presences(Collection)} asks for, from 1 to
     * 5000 and at most {@code maxCount}. Without a cap a request holds as many extensions as fit in
     * 6,000 characters of encoded {@code filterValue} (545 extended numbers such as {@code
     * 0003*210}), at most {@code maxCount}; a cap applies on top of that URL limit. Set one for
     * servers or proxies that refuse shorter URLs, or for smaller requests.
     *
     * @throws IllegalArgumentException if {@code bulkChunkSize} is outside 1 to 5000
     */
    public Builder bulkChunkSize(int bulkChunkSize) {
      if (bulkChunkSize < 1 || bulkChunkSize > DEFAULT_MAX_COUNT) {
        throw new IllegalArgumentException(
            "bulkChunkSize must be between 1 and "
                + DEFAULT_MAX_COUNT
                + ", and at most maxCount (by default a request holds as many extensions as fit"
                + " in the URL), was "
                + bulkChunkSize);
      }
      this.bulkChunkSize = bulkChunkSize;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if {@code baseUrl} or credentials are missing, or {@code
     *     bulkChunkSize} exceeds {@code maxCount}
     */
    public VoipNowClient build() {
      if (bulkChunkSize > maxCount) {
        throw new IllegalStateException(
            "bulkChunkSize ("
                + bulkChunkSize
                + ") must not exceed maxCount ("
                + maxCount
                + "): each bulk request reads its extensions in one page");
      }
      HttpCore core = buildCore(PROFILE, null, base -> base.resolve("/oauth/token.php"));
      return new VoipNowClient(core, this);
    }
  }
}
