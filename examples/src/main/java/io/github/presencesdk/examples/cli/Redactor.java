package io.github.presencesdk.examples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes the secrets of one run (client secrets and access tokens given as options or environment
 * variables) from text before it is printed.
 *
 * <p>The SDK never puts a secret into a message, but the command line's own error messages repeat
 * what was typed: an option name mistyped as {@code --client-secert=...} is echoed as unknown. So
 * every error message goes through here, and the value of every option that is not known to be
 * harmless (such as {@code --region}) counts as secret, given as {@code --name=value} or as the
 * next argument. In the environment, variables whose names mention a secret, a token or a password
 * (but not a URL, such as {@code VONAGE_TOKEN_URL}) count as secret.
 */
final class Redactor {
  private static final String MASK = "****";

  /** Shorter values would mask ordinary words. */
  private static final int MIN_LENGTH = 4;

  /** Options whose values are not secret; the values of all others are masked. */
  private static final Set<String> PUBLIC_OPTIONS =
      Set.of(
          "--region",
          "--account",
          "--base-url",
          "--token-url",
          "--client-id",
          "--scope",
          "--user",
          "--extension",
          "--filter-op",
          "--filter-value",
          "--sort",
          "--fields",
          "--page-size",
          "--limit",
          "--skill",
          "--group",
          "--queue",
          "--liveness",
          "--custom-status-id",
          "--json",
          "--demo",
          "--help",
          "-h");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  static Redactor of(String[] args, Map<String, String> env) {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals >= 0 ? arg.substring(0, equals) : arg;
      if (PUBLIC_OPTIONS.contains(name)) {
        continue;
      }
      if (equals >= 0) {
        secrets.add(arg.substring(equals + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        secrets.add(args[i + 1]);
      }
    }
    env.forEach(
        (name, value) -> {
          if (isSecretName(name)) {
            secrets.add(value);
          }
        });
    secrets.removeIf(s -> s.strip().length() < MIN_LENGTH);
    // Longest first, so that a secret containing another is masked whole.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(secrets));
  }

  private static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return (lower.contains("secret") || lower.contains("token") || lower.contains("password"))
        && !lower.endsWith("url");
  }

  /** Returns {@code text} with every secret of this run replaced by {@code ****}. */
  String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
      String stripped = secret.strip();
      if (!stripped.equals(secret)) {
        result = result.replace(stripped, MASK);
      }
    }
    return result;
  }
}
