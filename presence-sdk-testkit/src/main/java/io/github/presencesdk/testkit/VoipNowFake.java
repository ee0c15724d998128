package io.github.presencesdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A fake VoipNow Unified API (UAPI): the extension presence listing and the token endpoint, over
 * an in-memory world of extensions that belong to one user, the one every token is issued to.
 *
 * <p>The path is that of the vendor, under {@link #baseUrl()}: {@code GET
 * /uapi/extensions/{userId}/{extension}/presence}, where {@code userId} is {@code @me}, {@code
 * @viewer}, {@code @owner} or {@link #userId()}, and {@code extension} is {@code @self} (every
 * extension) or a seeded extended number such as {@code 0001*100}. The token endpoint is {@code
 * POST /oauth/token.php} with the client credentials in the form body (or as HTTP Basic). Any
 * other path or method answers 501 {@code request_not_implemented}. Checks run in this order, each
 * answering {@code {"error":{"code","message"}}}:
 *
 * <ol>
 *   <li>no valid bearer token: 401 {@code access_denied};
 *   <li>unknown user id: 400 {@code user_invalid}; unknown extension: 400 {@code
 *       extension_invalid};
 *   <li>{@code count} (default 20) not a number from 1 to {@code maxCount}: 400 {@code
 *       count_invalid}; {@code startIndex} (default 0) not a number from 0 to {@code
 *       maxStartIndex}: 400 {@code startindex_invalid} (both bounds 5000 unless configured);
 *   <li>{@code filterBy} other than {@code extension}: {@code filterby_invalid}; {@code filterOp}
 *       other than {@code equals} (the default), {@code contains}, {@code startsWith}, {@code
 *       inArray} (comma-separated values): {@code filterop_invalid}; {@code filterBy} without a
 *       {@code filterValue}: {@code filtervalue_invalid}; {@code sortOrder} other than {@code
 *       asc}/{@code ascending}/{@code desc}/{@code descending}: {@code sortorder_invalid}; {@code
 *       fields} not a comma-separated subset of {@code extension,status,registration}: {@code
 *       fields_invalid}.
 * </ol>
 *
 * <p>A listing answers 200 {@code {"startIndex","totalResults","itemsPerPage","filtered","sorted",
 * "entry":[...]}} where {@code totalResults} counts every match, {@code itemsPerPage} is the
 * {@code count} asked for, and entries are in seed order, or by extended number (as text) when a
 * {@code sortOrder} is given. When nothing matches the answer is 204 with no body; a {@code
 * startIndex} past the last match answers 200 with an empty {@code entry} list. With the default
 * bounds a client can read at most 10,000 entries of one listing ({@code startIndex} 5000 plus
 * 5000): the demo's 12,000 extensions need a filter (for example {@code
 * filterOp=startsWith&filterValue=0013*}) or a larger {@code maxStartIndex} to be read in full.
 *
 * <p>Entries are {@code {"extension","status","registration":[{"agent","registration","expire"}]}}
 * with {@code status} 0 (unknown), 1 (online), 2 (ringing) or 3 (busy), and the {@code
 * registration} code as a string, as in the vendor's example. {@link #setNumbersAsStrings} makes
 * the fake send {@code status} and the paging numbers as strings too, as the vendor sometimes does.
 *
 * <p>The vendor documents no 429 for UAPI: a rate-limit fault answers {@code too_many_requests},
 * an invented code.
 *
 * <p>Thread-safe. Close it when done (it is {@link AutoCloseable}).
 */
public final class VoipNowFake extends VendorFake {
  private static final String TOKEN_PATH = "/oauth/token.php";
  private static final Pattern EXTENDED_NUMBER = Pattern.compile("[0-9]+\\*[0-9]+");

  private final FakeServer server;
  private final VoipNowApi api;

  private VoipNowFake(Builder builder) {
    TokenIssuer tokens =
        new TokenIssuer(builder.settings, TokenIssuer.ClientAuth.BODY_OR_BASIC, null);
    Instant now = tokens.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    List<VoipNowApi.Extension> extensions = new ArrayList<>();
    for (ExtensionSeed seed : builder.extensions.values()) {
      List<VoipNowApi.Registration> registrations = new ArrayList<>();
      for (RegistrationSeed registration : seed.registrations) {
        registrations.add(
            new VoipNowApi.Registration(
                registration.agent,
                registration.registration,
                expire(registration.registration, now)));
      }
      extensions.add(
          new VoipNowApi.Extension(seed.number, seed.status, List.copyOf(registrations)));
    }
    this.api =
        new VoipNowApi(
            builder.userId,
            builder.maxCount,
            builder.maxStartIndex,
            builder.numbersAsStrings,
            extensions,
            tokens);
    this.server = new FakeServer(TOKEN_PATH, tokens, api);
  }

  /**
   * When a registration expires: in an hour when registered (1), a day ago when not registered
   * (-1), and never printed when expired (-2), not needed (2) or unknown (0).
   */
  private static @Nullable Instant expire(int registration, Instant now) {
    return switch (registration) {
      case 1 -> now.plus(Duration.ofHours(1));
      case -1 -> now.minus(Duration.ofDays(1));
      default -> null;
    };
  }

  /** Returns a builder with no extensions, user id {@code 1} and bounds 5000/5000. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a fake seeded with the demo world: 12,000 extensions {@code 0001*100} to {@code
   * 0024*599} (24 organizations of 500), with mixed statuses and registrations (registered, not
   * registered, expired, not needed; some with two phones, some with none).
   */
  public static VoipNowFake demo() {
    return builder().demoWorld().build();
  }

  @Override
  FakeServer server() {
    return server;
  }

  /** The id of the user the tokens belong to and who owns every extension. */
  public String userId() {
    return api.userId();
  }

  /** The seeded extended numbers, in seed order (the order of an unsorted listing). */
  public List<String> extensions() {
    return api.numbers();
  }

  /**
   * An extension's status now: 0 unknown, 1 online, 2 ringing, 3 busy.
   *
   * @throws IllegalArgumentException if the extension is not seeded
   */
  public int status(String extension) {
    return api.extension(Objects.requireNonNull(extension, "extension")).status();
  }

  /**
   * Changes an extension's status, as a phone call would.
   *
   * @param status 0 unknown, 1 online, 2 ringing, 3 busy
   * @throws IllegalArgumentException if the extension is not seeded or the status is out of range
   */
  public void setStatus(String extension, int status) {
    requireStatus(status);
    api.setStatus(Objects.requireNonNull(extension, "extension"), status);
  }

  /**
   * Whether {@code status} and the paging numbers are sent as JSON strings ({@code "status":"1"})
   * instead of numbers, from the next request on.
   */
  public void setNumbersAsStrings(boolean numbersAsStrings) {
    api.numbersAsStrings(numbersAsStrings);
  }

  private static void requireStatus(int status) {
    if (status < 0 || status > 3) {
      throw new IllegalArgumentException("status must be from 0 to 3: " + status);
    }
  }

  private static final class RegistrationSeed {
    final String agent;
    final int registration;

    RegistrationSeed(String agent, int registration) {
      this.agent = agent;
      this.registration = registration;
    }
  }

  private static final class ExtensionSeed {
    final String number;
    final int status;
    final List<RegistrationSeed> registrations = new ArrayList<>();

    ExtensionSeed(String number, int status) {
      this.number = number;
      this.status = status;
    }
  }

  /**
   * Seeds the world and the settings of a {@link VoipNowFake}. Adding an extension again replaces
   * the earlier one. Not thread-safe.
   */
  public static final class Builder {
    private final TokenIssuer.Settings settings;
    private static final Set<Integer> REGISTRATIONS = Set.of(-2, -1, 0, 1, 2);

    private final Map<String, ExtensionSeed> extensions = new LinkedHashMap<>();
    private String userId = "1";
    private int maxCount = 5000;
    private int maxStartIndex = 5000;
    private boolean numbersAsStrings;

    private Builder() {
      settings = new TokenIssuer.Settings("tok-voipnow-static-test", Duration.ofHours(1));
    }

    /** The client id the token endpoint accepts; default {@code test-client-id}. */
    public Builder clientId(String clientId) {
      settings.clientId(clientId);
      return this;
    }

    /**
     * The client secret the token endpoint accepts; default {@code test-client-s3cr3t}.
     *
     * <p>The default secrets follow a pattern that a test can scan its output and exceptions for:
     * the client secret holds {@code s3cr3t}, the static token and every token the endpoint issues
     * start with {@code tok-}. A test that sets its own may follow the same pattern.
     */
    public Builder clientSecret(String clientSecret) {
      settings.clientSecret(clientSecret);
      return this;
    }

    /**
     * The token the API accepts without the token endpoint; default {@code
     * tok-voipnow-static-test}.
     */
    public Builder staticToken(String staticToken) {
      settings.staticToken(staticToken);
      return this;
    }

    /** How long issued tokens last ({@code expires_in}, whole seconds); default 1 hour. */
    public Builder tokenLifetime(Duration lifetime) {
      settings.lifetime(lifetime);
      return this;
    }

    /**
     * The clock for token expiry and for the times the fake sets ({@code updated_at}, {@code
     * updated}, registration expiry); default the system clock. A test moves a clock of its own to
     * expire tokens without waiting.
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** The id of the user the tokens belong to (accepted in the path); default {@code 1}. */
    public Builder userId(String userId) {
      String id = HttpParts.requireText(userId, "userId");
      if (id.startsWith("@") || id.contains("/")) {
        throw new IllegalArgumentException("userId must not start with '@' or contain '/': " + id);
      }
      this.userId = id;
      return this;
    }

    /** The largest {@code count} accepted (at least 1); default 5000. */
    public Builder maxCount(int maxCount) {
      if (maxCount < 1) {
        throw new IllegalArgumentException("maxCount must be at least 1: " + maxCount);
      }
      this.maxCount = maxCount;
      return this;
    }

    /** The largest {@code startIndex} accepted (0 or more); default 5000. */
    public Builder maxStartIndex(int maxStartIndex) {
      if (maxStartIndex < 0) {
        throw new IllegalArgumentException("maxStartIndex must not be negative: " + maxStartIndex);
      }
      this.maxStartIndex = maxStartIndex;
      return this;
    }

    /** Whether to start with numbers sent as strings; see {@link #setNumbersAsStrings}. */
    public Builder numbersAsStrings(boolean numbersAsStrings) {
      this.numbersAsStrings = numbersAsStrings;
      return this;
    }

    /**
     * Adds an extension without registrations.
     *
     * @param extension an extended number such as {@code 0003*210}
     * @param status 0 unknown, 1 online, 2 ringing, 3 busy
     */
    public Builder extension(String extension, int status) {
      Objects.requireNonNull(extension, "extension");
      if (!EXTENDED_NUMBER.matcher(extension).matches()) {
        throw new IllegalArgumentException(
            "extension must be an extended number such as 0003*210: " + extension);
      }
      requireStatus(status);
      extensions.put(extension, new ExtensionSeed(extension, status));
      return this;
    }

    /**
     * Adds an extension with one registration.
     *
     * @param agent the phone's user agent, such as {@code 3CXPhone 5.0.14439.0}
     * @param registration 1 registered, 2 no registration needed, -1 not registered, -2 expired, 0
     *     unknown
     */
    public Builder extension(String extension, int status, String agent, int registration) {
      extension(extension, status);
      return registration(extension, agent, registration);
    }

    /** Adds another registration to an extension added before. */
    public Builder registration(String extension, String agent, int registration) {
      ExtensionSeed seed = extensions.get(Objects.requireNonNull(extension, "extension"));
      if (seed == null) {
        throw new IllegalArgumentException(
            "extension must be added with extension() first: " + extension);
      }
      HttpParts.requireText(agent, "agent");
      if (!REGISTRATIONS.contains(registration)) {
        throw new IllegalArgumentException(
            "registration must be one of -2, -1, 0, 1, 2: " + registration);
      }
      seed.registrations.add(new RegistrationSeed(agent, registration));
      return this;
    }

    /**
     * Adds the world of {@link VoipNowFake#demo()} to this builder, so that a test can combine it
     * with settings of its own (a clock, bounds, credentials).
     */
    public Builder demoWorld() {
      String[] agents = {
        "Polycom VVX 450 6.4.3", "Yealink SIP-T46U 108.86", "3CXPhone 5.0.14439.0", "Zoiper 5.6.1"
      };
      // Statuses by position in a cycle of ten: four online, two busy, one ringing, three unknown.
      int[] statuses = {1, 3, 1, 0, 2, 1, 3, 0, 1, 0};
      int i = 0;
      for (int organization = 1; organization <= 24; organization++) {
        for (int number = 100; number < 600; number++, i++) {
          String extension = String.format(Locale.ROOT, "%04d*%d", organization, number);
          int status = statuses[i % statuses.length];
          extension(extension, status);
          String agent = agents[i % agents.length];
          if (status != 0) {
            registration(extension, agent, 1);
            if (i % 7 == 0) {
              registration(extension, agents[(i + 2) % agents.length], 1);
            }
          } else if (i % 3 == 0) {
            registration(extension, agent, -1);
          } else if (i % 3 == 1) {
            registration(extension, agent, -2);
          } else if (i % 9 == 2) {
            registration(extension, agent, 2);
          }
        }
      }
      return this;
    }

    /** Starts the fake on a free loopback port. */
    public VoipNowFake build() {
      return new VoipNowFake(this);
    }
  }
}
