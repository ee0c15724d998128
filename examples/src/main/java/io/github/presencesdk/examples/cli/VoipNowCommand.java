package io.github.presencesdk.examples.cli;

import io.github.presencesdk.Page;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.ListPresenceRequest.SortOrder;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.voipnow.VoipNowExtension;
import io.github.presencesdk.voipnow.VoipNowUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** {@code presence voipnow ...}: the extension presence of the VoipNow Unified API. */
@Command(
    resourceBundle = "io.github.presencesdk.examples.cli.VoipNow",
    name = "voipnow",
    description = "VoipNow: extension presence, and listings with filters, sorting and paging.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%n",
    footer = {
      "Environment (options win): VOIPNOW_BASE_URL, VOIPNOW_TOKEN_URL, VOIPNOW_CLIENT_ID,",
      "VOIPNOW_CLIENT_SECRET, VOIPNOW_ACCESS_TOKEN."
    })
final class VoipNowCommand extends VendorCommand {
  @Mixin CredentialOptions credentials = new CredentialOptions();

  /** How many extensions {@code presences} reads in demo mode when none are given. */
  static final int DEMO_EXTENSIONS = 200;

  /** The largest page VoipNow serves, and so the largest {@code --page-size}. */
  static final int MAX_PAGE_SIZE = 5000;

  @Option(
      names = "--base-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "Your VoipNow host, as https://HOST (env VOIPNOW_BASE_URL).")
  @Nullable String baseUrl;

  @Option(
      names = "--token-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "OAuth2 token URL; default /oauth/token.php on the host (env VOIPNOW_TOKEN_URL).")
  @Nullable String tokenUrl;

  @Option(
      names = "--user",
      scope = ScopeType.INHERIT,
      paramLabel = "USER",
      description = "Whose extensions: @me (default), @viewer, @owner or a user id.")
  @Nullable String user;

  @Override
  String vendor() {
    return "voipnow";
  }

  @Override
  Map<String, String> argumentNames() {
    Map<String, String> names = connectionNames();
    names.put("userIds", "EXTENSION");
    names.put("userId", "EXTENSION");
    names.put("extension", "--extension");
    names.put("filterOp", "--filter-op");
    names.put("filterValue", "--filter-value");
    names.put("sortOrder", "--sort");
    names.put("fields", "--fields");
    names.put("count", "--page-size");
    return names;
  }

  @Override
  Session<VoipNowClient> open(List<String> scopes) {
    VoipNowClient.Builder builder = VoipNowClient.builder().user(user());
    if (cli.demo()) {
      VoipNowFake fake = VoipNowFake.demo();
      return demoSession(
          builder,
          VoipNowClient.Builder::build,
          () -> {
            List<String> extensions = fake.extensions();
            return new Demo(
                fake.baseUrl(),
                fake.tokenUrl(),
                fake.clientId(),
                fake.clientSecret(),
                extensions.subList(0, Math.min(DEMO_EXTENSIONS, extensions.size())));
          },
          null,
          fake::close);
    }
    String base = setting(baseUrl, "VOIPNOW_BASE_URL");
    if (base == null) {
      throw usage(
          "voipnow needs your host: --base-url (or VOIPNOW_BASE_URL), such as"
              + " https://voipnow.example.com. Or try --demo.");
    }
    builder.baseUrl(base);
    setting(tokenUrl, "VOIPNOW_TOKEN_URL", builder::tokenUrl);
    credentials(
        builder,
        secret(credentials.accessToken, "--access-token", "VOIPNOW_ACCESS_TOKEN", "access token"),
        setting(credentials.clientId, "VOIPNOW_CLIENT_ID"),
        secret(
            credentials.clientSecret, "--client-secret", "VOIPNOW_CLIENT_SECRET", "client secret"),
        scopes,
        credentials.customScopes,
        "VOIPNOW");
    return new Session<>(builder.build(), List.of(), null);
  }

  private VoipNowUser user() {
    String value = user == null ? "@me" : user.strip();
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "@me" -> VoipNowUser.ME;
      case "@viewer" -> VoipNowUser.VIEWER;
      case "@owner" -> VoipNowUser.OWNER;
      default -> {
        try {
          yield VoipNowUser.id(value);
        } catch (IllegalArgumentException e) {
          throw usage("--user must be @me, @viewer, @owner or a user id, was '" + value + "'");
        }
      }
    };
  }

  @Command(
      name = "presences",
      description = {
        "Reads the presence of many extensions (as many per request as fit in the URL, 2 at once).",
        "With --demo and no extensions: the first 200 extensions of the demo world."
      })
  int presences(
      @Parameters(
              paramLabel = "EXTENSION",
              arity = "0..*",
              description = "Extended numbers, such as 0003*210.")
          @Nullable List<String> extensions) {
    try (Session<VoipNowClient> session = open(List.of())) {
      return printPresences(session.client(), idsOrDemo(extensions, session, "extension"));
    }
  }

  @Command(name = "presence", description = "Reads the presence of one extension.")
  int presence(
      @Parameters(paramLabel = "EXTENSION", description = "An extended number, such as 0003*210.")
          String extension) {
    try (Session<VoipNowClient> session = open(List.of())) {
      return printPresence(session.client(), extension);
    }
  }

  @Command(
      name = "list",
      description = {
        "Lists the presence of extensions, page by page (all of them by default).",
        "Listings larger than VoipNow's window of 10,000 entries split themselves by prefix."
      })
  int list(
      @Option(
              names = "--extension",
              paramLabel = "EXTENSION",
              description = "@self (default: every extension of the user) or one extended number.")
          @Nullable String extension,
      @Option(
              names = "--filter-op",
              paramLabel = "OP",
              converter = FilterOpConverter.class,
              description = "equals, contains, startsWith or inArray; with --filter-value.")
          @Nullable FilterOp filterOp,
      @Option(
              names = "--filter-value",
              paramLabel = "VALUE",
              description = "Digits and *, or comma-separated extended numbers for inArray.")
          @Nullable String filterValue,
      @Option(
              names = "--sort",
              paramLabel = "ORDER",
              converter = SortOrderConverter.class,
              description = "asc or desc, by extension number.")
          @Nullable SortOrder sort,
      @Option(
              names = "--fields",
              split = ",",
              paramLabel = "FIELD",
              description = "Fields to ask for: status, registration (extension always).")
          @Nullable List<String> fields,
      @Option(
              names = "--page-size",
              paramLabel = "N",
              description = "Entries per request, 1 to 5000 (default 5000).")
          @Nullable Integer pageSize,
      @Option(names = "--limit", paramLabel = "N", description = "Stop after N entries.")
          @Nullable Integer limit) {
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1, was " + limit);
    }
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw usage("--page-size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    if (filterOp != null && filterValue == null) {
      throw usage(
          "--filter-op needs --filter-value: digits and *, or for inArray a comma-separated list"
              + " of extended numbers");
    }
    if (filterValue != null && filterOp == null) {
      throw usage("--filter-value needs --filter-op: equals, contains, startsWith or inArray");
    }
    ListPresenceRequest.Builder request = ListPresenceRequest.builder().user(user());
    if (extension != null && !extension.strip().equalsIgnoreCase("@self")) {
      request.extension(VoipNowExtension.number(extension.strip()));
    }
    if (filterOp != null) {
      request.filterOp(filterOp);
    }
    if (filterValue != null) {
      request.filterValue(filterValue);
    }
    if (sort != null) {
      request.sortOrder(sort);
    }
    if (fields != null && !fields.isEmpty()) {
      request.fields(fields);
    }
    if (pageSize != null) {
      request.count(pageSize);
    }
    ListPresenceRequest query = request.build();

    try (Session<VoipNowClient> session = open(List.of())) {
      return printListing(session.client(), query, limit);
    }
  }

  private int printListing(
      VoipNowClient client, ListPresenceRequest query, @Nullable Integer limit) {
    Output output = cli.output();
    Progress progress = cli.progress();
    // A table needs its widths, so rows are kept until the end; JSON lines go out at once.
    List<ExtensionPresence> rows = new ArrayList<>();
    Map<PresenceState, Integer> byState = new EnumMap<>(PresenceState.class);
    int listed = 0;
    int pages = 0;
    try {
      pages:
      for (Page<ExtensionPresence> page : client.list(query).pages()) {
        pages++;
        for (ExtensionPresence entry : page.items()) {
          if (limit != null && listed >= limit) {
            break pages;
          }
          listed++;
          byState.merge(entry.normalizedState(), 1, Integer::sum);
          if (output.json()) {
            output.jsonPresence(vendor(), entry.toPresence());
          } else {
            rows.add(entry);
          }
        }
        progress.show(
            "listed "
                + Text.count(listed, "extension", "extensions")
                + ", "
                + Text.count(pages, "page", "pages")
                + " ...");
        if (limit != null && listed >= limit) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // What was listed before the failure is printed, as JSON lines are; the summary is not, as
      // the listing did not end. The failure is reported after it.
      progress.clear();
      if (!output.json()) {
        printRows(output, rows);
      }
      throw e;
    } finally {
      progress.clear();
    }
    if (!output.json()) {
      printRows(output, rows);
      StringJoiner states = new StringJoiner(", ");
      byState.forEach((state, count) -> states.add(Text.number(count) + " " + state));
      output.note(
          Text.count(listed, "extension", "extensions")
              + " in "
              + Text.count(pages, "page", "pages")
              + (listed == 0 ? "" : ": " + states));
    }
    return 0;
  }

  private static void printRows(Output output, List<ExtensionPresence> entries) {
    if (entries.isEmpty()) {
      return;
    }
    TextTable table = new TextTable("EXTENSION", "STATUS", "STATE", "REGISTRATIONS").keep(0, 2);
    for (ExtensionPresence entry : entries) {
      table.row(
          entry.extension(),
          entry.status().name(),
          entry.normalizedState().name(),
          Output.registrationsText(entry));
    }
    output.table(table);
  }

  /** Reads {@code equals}, {@code contains}, {@code startsWith} or {@code inArray}. */
  static final class FilterOpConverter implements ITypeConverter<FilterOp> {
    @Override
    public FilterOp convert(String value) {
      for (FilterOp op : FilterOp.values()) {
        if (op.wireValue().equalsIgnoreCase(value.strip()) || op.name().equalsIgnoreCase(value)) {
          return op;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not one of equals, contains, startsWith, inArray");
    }
  }

  /** Reads {@code asc} or {@code desc} (or {@code ascending}, {@code descending}). */
  static final class SortOrderConverter implements ITypeConverter<SortOrder> {
    @Override
    public SortOrder convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "asc", "ascending" -> SortOrder.ASCENDING;
        case "desc", "descending" -> SortOrder.DESCENDING;
        default -> throw new TypeConversionException("'" + value + "' is not asc or desc");
      };
    }
  }
}
