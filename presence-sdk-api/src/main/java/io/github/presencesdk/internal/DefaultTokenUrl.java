package io.github.presencesdk.internal;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** A vendor's default token endpoint for a resolved API base URL. */
@FunctionalInterface
public interface DefaultTokenUrl {

  /** No default: callers using client credentials must set a token URL. */
  DefaultTokenUrl NONE = base -> null;

  /** Returns the token URL for {@code baseUrl}, or null if there is no default. */
  @Nullable HttpUrl forBaseUrl(HttpUrl baseUrl);
}
