package io.github.presencesdk.internal;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's default token endpoint for a resolved API base URL. The builder asks for it only when
 * client credentials are set and no token URL was given, so an implementation may throw {@link
 * IllegalStateException} to name a vendor setting that is missing (such as an account name).
 */
@FunctionalInterface
public interface DefaultTokenUrl {

  /** No default: callers using client credentials must set a token URL. */
  DefaultTokenUrl NONE = base -> null;

  /** Returns the token URL for {@code baseUrl}, or null if there is no default. */
  @Nullable HttpUrl forBaseUrl(HttpUrl baseUrl);
}
