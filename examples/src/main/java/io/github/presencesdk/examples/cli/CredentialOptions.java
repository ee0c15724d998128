package io.github.presencesdk.examples.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The credential options every vendor command takes, mixed into each ({@code @Mixin}). The names of
 * the environment variables in their help come from the vendor command's resource bundle: its key
 * {@code env} is the variables' prefix, such as {@code VONAGE}, and its key {@code scopes}
 * describes {@code --scope}.
 */
final class CredentialOptions {
  @Option(
      names = "--client-id",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description = "OAuth2 client id (env ${bundle:env}_CLIENT_ID).")
  @Nullable String clientId;

  @Option(
      names = "--client-secret",
      scope = ScopeType.INHERIT,
      arity = "0..1",
      paramLabel = "SECRET",
      description = {
        "OAuth2 client secret (env ${bundle:env}_CLIENT_SECRET).",
        "Without a value, it is asked for (the prompt goes to standard error)."
      })
  char @Nullable [] clientSecret;

  @Option(
      names = "--access-token",
      scope = ScopeType.INHERIT,
      arity = "0..1",
      paramLabel = "TOKEN",
      description = {
        "A bearer token to use instead of client credentials (env ${bundle:env}_ACCESS_TOKEN).",
        "Without a value, it is asked for (the prompt goes to standard error)."
      })
  char @Nullable [] accessToken;

  @Option(
      names = "--scope",
      scope = ScopeType.INHERIT,
      split = ",",
      paramLabel = "SCOPE",
      description = "${bundle:scopes}")
  List<String> customScopes = new ArrayList<>();
}
