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
import io.github.presencesdk.internal.BulkReader;
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

  /** The default number of extensions per request of {@link #presences(Collection)}. */
  public static final int DEFAULT_BULK_CHUNK_SIZE = 100;

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
  private final int bulkChunkSize;

  private VoipNowClient(HttpCore core, Builder builder) {
    this.core = core;
    this.api = new PresenceApi(core, builder.maxCount, builder.maxStartIndex);
    this.user = builder.user;
    this.bulkChunkSize = builder.bulkChunkSize;
  }

  /** Returns a builder; {@code baseUrl} and credentials are required. */
  public static Builder builder() {
    return new Builder();
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
   * Reads the presence of many extensions of the client's {@link Builder#user(VoipNowUser) user},
   * {@code bulkChunkSize} (default 100) per request with {@code filterOp=inArray}. Extensions that
   * VoipNow does not list are in {@link PresenceBatch#unknownIds()}.
   *
   * @param userIds extended numbers, such as {@code 0003*210}
   * @throws IllegalArgumentException if an id is not an extended number; nothing is sent
   */
  @Override
  public PresenceBatch<ExtensionPresence> presences(Collection<String> userIds) {
    List<String> numbers = requireNumbers(userIds);
    return BulkReader.read(core, numbers, bulkChunkSize, this::readChunk);
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
    return BulkReader.readAsync(core, numbers, bulkChunkSize, this::readChunk);
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
   * deliver at most {@code maxStartIndex + count} entries (10,000 by default). A larger listing
   * without a filter, or with a {@code startsWith} filter, starting at index 0, splits itself by
   * extension prefix ({@code startsWith 0003*1}, {@code 0003*2}, ...), fetching each part when the
   * iteration reaches it; the parts then come in ascending prefix order (descending with {@link
   * ListPresenceRequest.SortOrder#DESCENDING}), each sorted by VoipNow, rather than in the order of
   * one unsplit listing. Any other listing that does not fit, or whose parts do not add up to the
   * total VoipNow reported, ends with a {@link ListingWindowExceededException} after the entries
   * that could be read: nothing is dropped silently.
   *
   * <p>A listing is not a snapshot: extensions added or removed while it runs may be missed or
   * repeated, as with any paging by index.
   *
   * @throws IllegalArgumentException if {@code count} or {@code startIndex} exceeds the client's
   *     bounds; nothing is sent
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
   *     bounds; nothing is sent
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
    ListPresenceRequest request =
        ListPresenceRequest.builder().user(user).filterInArray(chunk).count(chunk.size()).build();
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
    private int bulkChunkSize = DEFAULT_BULK_CHUNK_SIZE;

    Builder() {}

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
     * Sets how many extensions one request of {@link #presences(Collection)} asks for, from 1 to
     * {@code maxCount}; default 100. The numbers travel comma-separated in the URL, and 100 of them
     * keep it near 1.5 KB, well below the URL limits of common servers and proxies.
     */
    public Builder bulkChunkSize(int bulkChunkSize) {
      if (bulkChunkSize < 1 || bulkChunkSize > DEFAULT_MAX_COUNT) {
        throw new IllegalArgumentException(
            "bulkChunkSize must be between 1 and maxCount (default 100), was " + bulkChunkSize);
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
