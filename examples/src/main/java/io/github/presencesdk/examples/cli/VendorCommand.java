package io.github.presencesdk.examples.cli;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * What the three vendor commands share: the settings from options or the environment, the
 * credentials, the demo fake, and the reads every vendor offers.
 */
abstract class VendorCommand {
  @ParentCommand
  @SuppressWarnings("NullAway.Init") // set by picocli before any command method runs
  PresenceCli cli;

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before any command method runs
  CommandSpec spec;

  /** A connected client, and the fake behind it in demo mode; closing closes both. */
  static final class Session<C extends PresenceClient<?>> implements AutoCloseable {
    private final C client;
    private final List<String> demoIds;
    private final @Nullable Runnable closeFake;

    /**
     * @param demoIds the ids {@code presences} reads when none are given (demo mode), or empty
     * @param closeFake stops the demo fake, or null outside demo mode
     */
    Session(C client, List<String> demoIds, @Nullable Runnable closeFake) {
      this.client = client;
      this.demoIds = List.copyOf(demoIds);
      this.closeFake = closeFake;
    }

    C client() {
      return client;
    }

    /** The ids {@code presences} reads in demo mode when none are given; empty otherwise. */
    List<String> demoIds() {
      return demoIds;
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (closeFake != null) {
          closeFake.run();
        }
      }
    }
  }

  /** What a session needs of a started demo fake. */
  record Demo(
      HttpUrl baseUrl, HttpUrl tokenUrl, String clientId, String clientSecret, List<String> ids) {}

  /** The vendor's name, as the SDK reports it. */
  abstract String vendor();

  /**
   * Opens a session. In demo mode the fake is started and the client connects to it with the fake's
   * client credentials; otherwise options and environment decide.
   *
   * @param scopes the OAuth2 scopes the command needs, requested with client credentials unless
   *     {@code --scope} names others
   */
  abstract Session<? extends PresenceClient<?>> open(List<String> scopes);

  /** An option's value, or else the environment variable's. */
  @Nullable String setting(@Nullable String option, String environmentVariable) {
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    return cli.env(environmentVariable);
  }

  /** An option's value, or else the environment variable's, handed to {@code use} when set. */
  @Nullable String setting(
      @Nullable String option, String environmentVariable, Consumer<String> use) {
    String value = setting(option, environmentVariable);
    if (value != null) {
      use.accept(value);
    }
    return value;
  }

  /**
   * Points {@code builder} at a started demo fake, with the fake's client credentials, and opens a
   * session on it; if that fails, the fake is stopped.
   *
   * @param demo reads the fake's URLs, credentials and demo ids
   * @param scopes the scopes to request, or null to leave the builder's
   * @param stopFake stops the fake, when the session closes or when opening it fails
   */
  static <B extends PresenceClientBuilder<B>, C extends PresenceClient<?>> Session<C> demoSession(
      B builder,
      Function<B, C> build,
      Supplier<Demo> demo,
      @Nullable List<String> scopes,
      Runnable stopFake) {
    try {
      Demo fake = demo.get();
      builder
          .baseUrl(fake.baseUrl())
          .tokenUrl(fake.tokenUrl().toString())
          .clientCredentials(fake.clientId(), fake.clientSecret());
      if (scopes != null) {
        builder.scopes(scopes);
      }
      return new Session<>(build.apply(builder), fake.ids(), stopFake);
    } catch (RuntimeException e) {
      stopFake.run();
      throw e;
    }
  }

  /**
   * A secret option's value, or else the environment variable's; never printed. An option given
   * without a value (an empty array) is asked for on the terminal, or read from standard input.
   *
   * @param optionName the option, such as {@code --client-secret}
   * @param what what the secret is, for the prompt: {@code client secret}
   */
  @Nullable String secret(
      char @Nullable [] option, String optionName, String environmentVariable, String what) {
    if (option == null) {
      return cli.env(environmentVariable);
    }
    String value = new String(option).strip();
    if (!value.isEmpty()) {
      return value;
    }
    return cli.secretPrompt().ask(vendor() + " " + what, optionName, environmentVariable);
  }

  /**
   * The SDK's names of the arguments that the vendor's commands pass on, each with the option or
   * parameter the user typed: {@code userIds} is {@code USER_ID}, {@code baseUrl} is {@code
   * --base-url}. An error the SDK raises before sending is shown with the user's names.
   */
  abstract Map<String, String> argumentNames();

  /** The names every vendor shares, for {@link #argumentNames()}. */
  static Map<String, String> connectionNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("baseUrl", "--base-url");
    names.put("tokenUrl", "--token-url");
    names.put("clientId", "--client-id");
    names.put("clientSecret", "--client-secret");
    names.put("accessToken", "--access-token");
    names.put("scopes", "--scope");
    return names;
  }

  /** A usage error of the command being run: exit code 2 with {@code message}. */
  ParameterException usage(String message) {
    CommandLine line = spec.commandLine();
    ParseResult result = line.getParseResult();
    // Method subcommands share this class's spec; name the subcommand that runs in the error.
    while (result != null && result.hasSubcommand()) {
      result = result.subcommand();
    }
    return new ParameterException(
        result != null ? result.commandSpec().commandLine() : line, message);
  }

  /**
   * Sets the credentials: a ready access token, or client credentials with {@code scopes} (unless
   * {@code customScopes} is not empty).
   *
   * @throws ParameterException if neither is complete; the message names the options and the
   *     environment variables
   */
  void credentials(
      PresenceClientBuilder<?> builder,
      @Nullable String accessToken,
      @Nullable String clientId,
      @Nullable String clientSecret,
      List<String> scopes,
      List<String> customScopes,
      String envPrefix) {
    if (accessToken != null) {
      builder.accessToken(accessToken);
    } else if (clientId != null && clientSecret == null) {
      throw usage(
          vendor()
              + " has a client id but no client secret: give --client-secret (or "
              + envPrefix
              + "_CLIENT_SECRET), or use --access-token (or "
              + envPrefix
              + "_ACCESS_TOKEN) instead.");
    } else if (clientId == null && clientSecret != null) {
      throw usage(
          vendor()
              + " has a client secret but no client id: give --client-id (or "
              + envPrefix
              + "_CLIENT_ID).");
    } else if (clientId != null && clientSecret != null) {
      builder.clientCredentials(clientId, clientSecret);
      List<String> requested = customScopes.isEmpty() ? scopes : customScopes;
      if (!requested.isEmpty()) {
        builder.scopes(requested);
      }
    } else {
      throw usage(
          vendor()
              + " needs credentials: --client-id and --client-secret (or "
              + envPrefix
              + "_CLIENT_ID and "
              + envPrefix
              + "_CLIENT_SECRET), or --access-token (or "
              + envPrefix
              + "_ACCESS_TOKEN). Or try --demo.");
    }
  }

  /**
   * The ids to read: those given, or in demo mode the demo world's.
   *
   * @throws ParameterException if none are given outside demo mode
   */
  List<String> idsOrDemo(@Nullable List<String> ids, Session<?> session, String what) {
    if (ids != null && !ids.isEmpty()) {
      return ids;
    }
    if (!session.demoIds().isEmpty()) {
      return session.demoIds();
    }
    throw usage("give at least one " + what + " (with --demo, none reads the demo world's)");
  }

  /**
   * Reads presences and prints them. After a partial failure, what was read is printed before the
   * failure is reported (exit code 4 if every failed id failed on the network, else 3).
   */
  int printPresences(PresenceClient<?> client, Collection<String> ids) {
    Output output = cli.output();
    Progress progress = cli.progress();
    progress.show(
        "reading "
            + Text.count(ids.size(), "presence", "presences")
            + " from "
            + vendor()
            + " ...");
    PresenceBatch<?> batch;
    try {
      batch = client.presences(ids);
    } catch (PartialFailureException e) {
      progress.clear();
      output.presences(vendor(), e.succeeded());
      throw e;
    } finally {
      progress.clear();
    }
    output.presences(vendor(), batch);
    return 0;
  }

  /** Reads one presence and prints it. */
  int printPresence(PresenceClient<?> client, String id) {
    Presence<?> presence = client.presence(id);
    cli.output().presence(vendor(), presence);
    return 0;
  }

  /** A mutable copy, as picocli hands in null for an absent multi-value parameter. */
  static List<String> listOf(@Nullable List<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
