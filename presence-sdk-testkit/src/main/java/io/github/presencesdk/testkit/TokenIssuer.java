package io.github.presencesdk.testkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake OAuth 2.0 token endpoint for the client-credentials grant, and the store of the tokens it
 * issued. Thread-safe.
 */
final class TokenIssuer {
  /** Where the token endpoint looks for the client id and secret. */
  enum ClientAuth {
    /** HTTP Basic, or {@code client_id} and {@code client_secret} form fields. */
    BODY_OR_BASIC,
    /** HTTP Basic only. */
    BASIC_ONLY
  }

  /** What a valid access token allows. */
  record Grant(Set<String> scopes) {}

  /** Mutable settings the public builders share; copied into the issuer by {@code build()}. */
  static final class Settings {
    String clientId = "test-client-id";
    String clientSecret = "test-client-s3cr3t";
    String staticToken;
    Duration lifetime;
    Clock clock = Clock.systemUTC();

    Settings(String staticToken, Duration lifetime) {
      this.staticToken = staticToken;
      this.lifetime = lifetime;
    }

    void clientId(String value) {
      clientId = HttpParts.requireText(value, "clientId");
    }

    void clientSecret(String value) {
      clientSecret = HttpParts.requireText(value, "clientSecret");
    }

    void staticToken(String value) {
      HttpParts.requireText(value, "staticToken");
      if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("staticToken must be printable ASCII without spaces");
      }
      staticToken = value;
    }

    void lifetime(Duration value) {
      Objects.requireNonNull(value, "tokenLifetime");
      if (value.toSeconds() < 1) {
        throw new IllegalArgumentException("tokenLifetime must be at least one second: " + value);
      }
      lifetime = value;
    }

    void clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The start of every token the endpoint issues. */
  static final String ISSUED_TOKEN_PREFIX = "tok-issued-";

  private final String clientId;
  private final String clientSecret;
  private final String staticToken;
  private final Duration lifetime;
  private final Clock clock;
  private final ClientAuth clientAuth;
  private final @Nullable Set<String> knownScopes;
  private final boolean answersScope;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private volatile boolean staticRevoked;

  private record Issued(Grant grant, Instant expiresAt) {}

  /**
   * Creates an issuer whose token responses carry {@code scope} when it knows scopes.
   *
   * @param knownScopes the scopes a client may ask for, or {@code null} when the vendor ignores
   *     scopes
   */
  TokenIssuer(Settings settings, ClientAuth clientAuth, @Nullable Set<String> knownScopes) {
    this(settings, clientAuth, knownScopes, knownScopes != null);
  }

  /**
   * Creates an issuer.
   *
   * @param knownScopes the scopes a client may ask for (all of them when it asks for none), or
   *     {@code null} when the vendor ignores scopes
   * @param answersScope whether the token response names the granted scopes in {@code scope}
   */
  TokenIssuer(
      Settings settings,
      ClientAuth clientAuth,
      @Nullable Set<String> knownScopes,
      boolean answersScope) {
    this.clientId = settings.clientId;
    this.clientSecret = settings.clientSecret;
    this.staticToken = settings.staticToken;
    this.lifetime = settings.lifetime;
    this.clock = settings.clock;
    this.clientAuth = clientAuth;
    this.knownScopes = knownScopes == null ? null : Set.copyOf(knownScopes);
    this.answersScope = answersScope && knownScopes != null;
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  String staticToken() {
    return staticToken;
  }

  Clock clock() {
    return clock;
  }

  /** Answers one request to the token endpoint. */
  Answer answer(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return oauthError(405, "invalid_request", "The token endpoint accepts POST only.")
          .withHeader("Allow", "POST");
    }
    Map<String, String> form =
        HttpParts.isForm(request.getHeaders().get("Content-Type"))
            ? HttpParts.form(HttpParts.body(request))
            : Map.of();
    String grantType = form.get("grant_type");
    if (grantType == null || !grantType.equals("client_credentials")) {
      return oauthError(
          400,
          "unsupported_grant_type",
          grantType == null
              ? "The grant_type parameter is missing."
              : "The grant type '" + grantType + "' is not supported; use client_credentials.");
    }
    String[] basic = HttpParts.basic(request.getHeaders().get("Authorization"));
    String id;
    String secret;
    if (basic != null) {
      id = basic[0];
      secret = basic[1];
    } else if (clientAuth == ClientAuth.BASIC_ONLY) {
      return oauthError(
          401, "invalid_client", "Client authentication with HTTP Basic is required.");
    } else {
      id = form.get("client_id");
      secret = form.get("client_secret");
    }
    if (id == null || secret == null || !id.equals(clientId) || !secret.equals(clientSecret)) {
      return oauthError(401, "invalid_client", "Client authentication failed.");
    }
    Set<String> scopes = Set.of();
    if (knownScopes != null) {
      String requested = form.get("scope");
      if (requested == null || requested.isBlank()) {
        scopes = knownScopes;
      } else {
        Set<String> asked = new LinkedHashSet<>(List.of(requested.trim().split("\\s+")));
        for (String scope : asked) {
          if (!knownScopes.contains(scope)) {
            return oauthError(400, "invalid_scope", "The scope '" + scope + "' is not known.");
          }
        }
        scopes = Set.copyOf(asked);
      }
    }
    String token = newToken();
    issued.put(token, new Issued(new Grant(scopes), clock.instant().plus(lifetime)));
    Set<String> granted = scopes;
    String body =
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("access_token").value(token);
              writer.name("token_type").value("Bearer");
              writer.name("expires_in").value(lifetime.toSeconds());
              if (answersScope) {
                writer.name("scope").value(String.join(" ", sorted(granted)));
              }
              writer.endObject();
            });
    return Answer.json(200, body).withHeader("Cache-Control", "no-store");
  }

  /**
   * The grant of the bearer token in an Authorization header, or {@code null} when there is none,
   * or it is unknown, expired or revoked.
   */
  @Nullable Grant authorize(@Nullable String authorization) {
    String token = HttpParts.bearer(authorization);
    if (token == null) {
      return null;
    }
    if (token.equals(staticToken)) {
      return staticRevoked ? null : new Grant(knownScopes == null ? Set.of() : knownScopes);
    }
    Issued found = issued.get(token);
    if (found == null) {
      return null;
    }
    if (!clock.instant().isBefore(found.expiresAt())) {
      issued.remove(token, found);
      return null;
    }
    return found.grant();
  }

  /** Makes every token issued so far, and the static token, invalid. */
  void revokeAll() {
    staticRevoked = true;
    issued.clear();
  }

  /** The answer to a fault injected on the token endpoint. */
  Answer failure(int status) {
    return status == 429
        ? oauthError(429, "temporarily_unavailable", "Too many token requests; retry later.")
        : oauthError(status, "server_error", "The token service failed.");
  }

  static Answer oauthError(int status, String error, String description) {
    return Answer.json(
            status,
            JsonText.write(
                writer -> {
                  writer.beginObject();
                  writer.name("error").value(error);
                  writer.name("error_description").value(description);
                  writer.endObject();
                }))
        .withHeader("Cache-Control", "no-store");
  }

  private static List<String> sorted(Set<String> scopes) {
    List<String> list = new ArrayList<>(scopes);
    list.sort(null);
    return list;
  }

  /**
   * A new random token. It starts with {@value #ISSUED_TOKEN_PREFIX}, as the default secrets follow
   * a pattern a secret scan can find: tokens start with {@code tok-}, the client secret holds
   * {@code s3cr3t}.
   */
  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return ISSUED_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
