package io.github.presencesdk.internal;

import io.github.presencesdk.PresenceClientBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads client settings from environment variables named {@code <PREFIX>_BASE_URL}, {@code
 * <PREFIX>_TOKEN_URL}, {@code <PREFIX>_ACCESS_TOKEN}, {@code <PREFIX>_CLIENT_ID} and {@code
 * <PREFIX>_CLIENT_SECRET} (the names the command-line tool reads), for the vendors' {@code
 * fromEnv(...)}. A variable that is unset or blank counts as absent; values are stripped.
 *
 * <p>A value a setter refuses is reported as an {@link IllegalArgumentException} naming the
 * variable; a missing required one as an {@link IllegalStateException} naming it. No message
 * repeats the value of a token or a secret. Not thread-safe; used while a builder is filled.
 */
public final class EnvironmentSettings {
  private final Map<String, String> environment;
  private final String prefix;

  private EnvironmentSettings(Map<String, String> environment, String prefix) {
    this.environment = environment;
    this.prefix = prefix;
  }

  /**
   * Reads the variables of {@code environment} that start with {@code prefix} and an underscore.
   *
   * @throws IllegalArgumentException if {@code environment} is null
   */
  public static EnvironmentSettings of(@Nullable Map<String, String> environment, String prefix) {
    if (environment == null) {
      throw new IllegalArgumentException("environment must not be null");
    }
    // A copy, tolerating the null keys and values a caller's map may hold.
    Map<String, String> copy = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            copy.put(name, value);
          }
        });
    return new EnvironmentSettings(copy, prefix);
  }

  /** The full name of the variable {@code suffix}, such as {@code VONAGE_BASE_URL}. */
  public String name(String suffix) {
    return prefix + "_" + suffix;
  }

  /** The stripped value of the variable {@code suffix}, or null if it is unset or blank. */
  public @Nullable String get(String suffix) {
    String value = environment.get(name(suffix));
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Hands the value of the variable {@code suffix} to {@code setter} if it is set.
   *
   * @throws IllegalArgumentException naming the variable if the setter refuses the value
   */
  public void apply(String suffix, Consumer<String> setter) {
    String value = get(suffix);
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      // The setters' messages never repeat a token or a secret, so they can be passed on.
      throw new IllegalArgumentException(name(suffix) + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Sets {@code BASE_URL} and {@code TOKEN_URL} when they are set, then the credentials: {@code
   * ACCESS_TOKEN} if it is set (it wins, as it does in the command-line tool), else {@code
   * CLIENT_ID} and {@code CLIENT_SECRET}.
   *
   * @return true if client credentials were set, false for an access token
   * @throws IllegalStateException naming the variables if no complete credentials are set
   * @throws IllegalArgumentException naming the variable if a value is refused
   */
  public boolean applyCommon(PresenceClientBuilder<?> builder) {
    apply("BASE_URL", builder::baseUrl);
    apply("TOKEN_URL", builder::tokenUrl);
    if (get("ACCESS_TOKEN") != null) {
      apply("ACCESS_TOKEN", builder::accessToken);
      return false;
    }
    String clientId = get("CLIENT_ID");
    String clientSecret = get("CLIENT_SECRET");
    if (clientId == null && clientSecret == null) {
      throw new IllegalStateException(
          "credentials are missing: set "
              + name("ACCESS_TOKEN")
              + ", or "
              + name("CLIENT_ID")
              + " and "
              + name("CLIENT_SECRET"));
    }
    if (clientId == null) {
      throw new IllegalStateException(
          name("CLIENT_ID") + " is required together with " + name("CLIENT_SECRET"));
    }
    if (clientSecret == null) {
      throw new IllegalStateException(
          name("CLIENT_SECRET") + " is required together with " + name("CLIENT_ID"));
    }
    try {
      builder.clientCredentials(clientId, clientSecret);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name("CLIENT_ID") + " or " + name("CLIENT_SECRET") + " is not valid: " + e.getMessage(),
          e);
    }
    return true;
  }

  /**
   * Throws an {@link IllegalStateException} saying that one of the variables {@code suffixes} must
   * be set, unless one is.
   */
  public void requireOneOf(String what, String... suffixes) {
    for (String suffix : suffixes) {
      if (get(suffix) != null) {
        return;
      }
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < suffixes.length; i++) {
      if (i > 0) {
        names.append(i == suffixes.length - 1 ? " or " : ", ");
      }
      names.append(name(suffixes[i]));
    }
    throw new IllegalStateException(names + " is required: " + what);
  }
}
