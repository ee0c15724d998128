package io.github.presencesdk.examples.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code presence} command: reads and changes agent presence at Vonage Contact Center, Talkdesk
 * and VoipNow through presence-sdk.
 *
 * <pre>
 * presence [--demo] [--json] vonage presences USER_ID...
 * presence --demo talkdesk presences
 * VOIPNOW_BASE_URL=https://voipnow.example.com VOIPNOW_ACCESS_TOKEN=... presence voipnow list
 * </pre>
 *
 * <p>Exit codes: 0 success, 2 usage error (including ids the SDK refuses before sending), 3 the
 * vendor answered with an error (its code and message go to standard error), 4 the network failed.
 * A bulk read that could not read some ids exits with 4 when all of them failed on the network, and
 * with 3 otherwise. Credentials come from options or environment variables and are never printed.
 */
@Command(
    name = "presence",
    subcommands = {
      VonageCommand.class,
      TalkdeskCommand.class,
      VoipNowCommand.class,
      PresenceCli.Help.class
    },
    versionProvider = PresenceCli.Version.class,
    description = {
      "Reads and changes agent presence at Vonage Contact Center, Talkdesk and VoipNow.",
      "Try it without an account: presence --demo vonage presences"
    },
    synopsisSubcommandLabel = "(vonage | talkdesk | voipnow) COMMAND",
    footerHeading = "%n",
    footer = {
      "Options go anywhere after the word they belong to:",
      "  presence vonage presences --json ...",
      "Exit codes: 0 success, 2 usage error, 3 vendor error, 4 network failure;",
      "a bulk read that failed for some ids exits with 4 if all of those failed on",
      "the network, else with 3."
    })
public final class PresenceCli implements Callable<Integer> {
  /** Exit code of a usage error: unknown option, missing argument, an id the SDK refuses. */
  static final int USAGE = 2;

  /** Exit code of an error answer of the vendor. */
  static final int VENDOR_ERROR = 3;

  /** Exit code of a network failure. */
  static final int NETWORK_FAILURE = 4;

  /**
   * The system property with which {@code examples/bin/launch}, which the {@code presence} script
   * runs, says whether standard error is a terminal: {@code true} or {@code false}.
   */
  static final String STDERR_IS_TERMINAL = "presence.stderrIsTerminal";

  /**
   * The system property with which the launcher says whether standard input is a terminal: {@code
   * true} or {@code false}. A secret is not read from a terminal that would echo it.
   */
  static final String STDIN_IS_TERMINAL = "presence.stdinIsTerminal";

  /** The resource that holds the tool's version, written by the build. */
  static final String VERSION_RESOURCE = "presence-version.properties";

  /** The vendors, as their commands are named. */
  static final List<String> VENDORS = List.of("vonage", "talkdesk", "voipnow");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  @Option(
      names = "--demo",
      scope = ScopeType.INHERIT,
      description = {
        "Run against a local fake of the vendor seeded with a demo world (no account needed).",
        "Connection options and environment variables are ignored."
      })
  boolean demo;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print one JSON object per line instead of a table.")
  boolean json;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final boolean showProgress;
  private final Redactor redactor;
  private final int width;
  private final SecretPrompt secretPrompt;

  private PresenceCli(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean showProgress,
      Redactor redactor,
      SecretPrompt secretPrompt) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.showProgress = showProgress;
    this.redactor = redactor;
    this.width = Text.width(env);
    this.secretPrompt = secretPrompt;
  }

  /** Runs the tool with the process's streams and environment, and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /**
   * Runs the tool and returns its exit code. A progress line is shown on {@code err} for long reads
   * when standard error is a terminal (see {@link #stderrIsTerminal}) and the output is a table.
   *
   * @param env the environment to read credentials and settings from
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    boolean stdinIsTerminal =
        stderrIsTerminal(System.getProperty(STDIN_IS_TERMINAL), PresenceCli::hasTerminal);
    return run(
        args,
        out,
        err,
        env,
        stderrIsTerminal(System.getProperty(STDERR_IS_TERMINAL), PresenceCli::hasTerminal),
        new SecretPrompt(err, System.in, stdinIsTerminal, SecretPrompt.console()));
  }

  /**
   * Whether standard error is a terminal, where the progress line goes: what the launcher found
   * ({@code [ -t 2 ]}) when it says so in {@link #STDERR_IS_TERMINAL}, or else, when the tool was
   * started some other way, whether the process has a terminal at all, the nearest Java can tell.
   *
   * @param launcher the value of {@link #STDERR_IS_TERMINAL}, or null
   * @param fallback asked when {@code launcher} is neither {@code true} nor {@code false}
   */
  static boolean stderrIsTerminal(@Nullable String launcher, BooleanSupplier fallback) {
    String value = launcher == null ? "" : launcher.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> fallback.getAsBoolean();
    };
  }

  /**
   * Whether the process has a terminal: the fallback of {@link #stderrIsTerminal}, which says
   * nothing about standard error itself. Up to JDK 21 that is {@code System.console() != null}
   * (standard input and output are both terminals); from JDK 22 on, a console exists without a
   * terminal too, and {@code Console.isTerminal()} tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean hasTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22: a console is a terminal
    }
  }

  /**
   * Like {@link #run(String[], PrintStream, PrintStream, Map)} with progress chosen and secrets
   * asked for by {@code secretPrompt}.
   */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean showProgress,
      SecretPrompt secretPrompt) {
    Redactor redactor = Redactor.of(args, env);
    PresenceCli cli = new PresenceCli(out, err, env, showProgress, redactor, secretPrompt);
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(writer(out));
    commandLine.setErr(writer(err));
    commandLine.setUsageHelpWidth(cli.width);
    commandLine.setParameterExceptionHandler(cli::usageError);
    commandLine.setExecutionExceptionHandler(
        (e, line, parseResult) ->
            Failures.report(e, line, cli.errorOutput(), argumentNames(parseResult)));
    return commandLine.execute(args);
  }

  /** The SDK's argument names and the options of the vendor command that ran, for messages. */
  private static Map<String, String> argumentNames(ParseResult parseResult) {
    for (ParseResult result = parseResult;
        result != null;
        result = result.hasSubcommand() ? result.subcommand() : null) {
      if (result.commandSpec().userObject() instanceof VendorCommand vendor) {
        return vendor.argumentNames();
      }
    }
    return Map.of();
  }

  /** {@code presence} with no vendor: a usage error that shows the usage. */
  @Override
  public Integer call() {
    String message = "give a vendor: " + vendorList("or");
    if (json) {
      err.println(Json.line(w -> w.name("error").value("usage").name("message").value(message)));
    } else {
      err.println("presence: " + message);
      err.println();
      err.print(spec.commandLine().getUsageMessage());
    }
    return USAGE;
  }

  /** The vendors as a list in prose: {@code vonage, talkdesk or voipnow}. */
  private static String vendorList(String conjunction) {
    return String.join(", ", VENDORS.subList(0, VENDORS.size() - 1))
        + " "
        + conjunction
        + " "
        + VENDORS.get(VENDORS.size() - 1);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
  }

  private int usageError(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter errors = line.getErr();
    String message = redactor.redact(usageMessage(e));
    if (json) {
      errors.println(Json.line(w -> w.name("error").value("usage").name("message").value(message)));
    } else {
      errors.println("presence: " + message);
      UnmatchedArgumentException.printSuggestions(e, errors);
      errors.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more.");
    }
    errors.flush();
    return USAGE;
  }

  /**
   * The message of a usage error. An unknown word where a vendor or a command goes names the words
   * that would do, instead of picocli's "Unmatched argument at index 0".
   */
  private static String usageMessage(ParameterException e) {
    CommandLine line = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException unmatched && !line.getSubcommands().isEmpty()) {
      List<String> words = unmatched.getUnmatched();
      if (!words.isEmpty() && !words.get(0).startsWith("-")) {
        String word = words.get(0);
        if (line.getCommandSpec().userObject() instanceof PresenceCli) {
          return "unknown vendor '" + word + "'; the vendors are " + vendorList("and");
        }
        List<String> commands = new ArrayList<>(line.getSubcommands().keySet());
        return "unknown command '"
            + word
            + "' of "
            + line.getCommandName()
            + "; the commands are "
            + String.join(", ", commands);
      }
    }
    return String.valueOf(e.getMessage());
  }

  /** Where commands write their results. */
  Output output() {
    return new Output(out, json, width);
  }

  /** Asks for secrets given as a bare option. */
  SecretPrompt secretPrompt() {
    return secretPrompt;
  }

  /** The progress line on standard error; silent without a terminal and in JSON mode. */
  Progress progress() {
    return new Progress(showProgress && !json ? err : null);
  }

  /** How failures are reported. */
  Failures.Target errorOutput() {
    return new Failures.Target(err, json, redactor);
  }

  /** Whether the command runs against a demo fake. */
  boolean demo() {
    return demo;
  }

  /**
   * The value of an environment variable, or {@code null} when it is unset or blank; surrounding
   * blanks are removed.
   */
  @Nullable String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The version of presence-sdk, from the resource the build writes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = PresenceCli.class.getResourceAsStream(VERSION_RESOURCE)) {
        if (in == null) {
          throw new IOException("the resource " + VERSION_RESOURCE + " is missing from the build");
        }
        properties.load(in);
      }
      return new String[] {"presence (presence-sdk) " + properties.getProperty("version", "?")};
    }
  }

  /**
   * {@code presence help [VENDOR [COMMAND]]}: the help of the tool, a vendor or a command, as
   * {@code --help} shows it. (picocli's own help command declares a {@code -h} of its own, which
   * clashes with the {@code --help} every command inherits.)
   */
  @Command(
      name = "help",
      helpCommand = true,
      description = "Shows the help of the tool, a vendor or a command: help voipnow list.")
  static final class Help implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init") // set by picocli before run()
    CommandSpec spec;

    @Parameters(
        paramLabel = "VENDOR [COMMAND]",
        arity = "0..2",
        description = "A vendor, and one of its commands.")
    List<String> words = new ArrayList<>();

    @Override
    public void run() {
      CommandSpec parent = spec.parent();
      CommandLine line = parent == null ? spec.commandLine() : parent.commandLine();
      for (String word : words) {
        CommandLine sub = line.getSubcommands().get(word);
        if (sub == null || sub.getCommandSpec() == spec) {
          throw new ParameterException(
              spec.commandLine(),
              "no help for '"
                  + word
                  + "'; "
                  + (line == spec.commandLine().getParent()
                      ? "the vendors are " + vendorList("and")
                      : "the commands of "
                          + line.getCommandName()
                          + " are "
                          + String.join(", ", line.getSubcommands().keySet())));
        }
        line = sub;
      }
      line.usage(spec.commandLine().getOut());
    }
  }
}
