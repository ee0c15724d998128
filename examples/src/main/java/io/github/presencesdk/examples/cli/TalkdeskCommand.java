package io.github.presencesdk.examples.cli;

import io.github.presencesdk.Presence;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskCustomStatus;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.testkit.TalkdeskFake;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code presence talkdesk ...}: the operations of the Talkdesk Presence API. */
@Command(
    resourceBundle = "io.github.presencesdk.examples.cli.Talkdesk",
    name = "talkdesk",
    description = "Talkdesk: user presence, status updates, custom statuses.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%n",
    footer = {
      "Environment (options win): TALKDESK_REGION, TALKDESK_ACCOUNT, TALKDESK_BASE_URL,",
      "TALKDESK_TOKEN_URL, TALKDESK_CLIENT_ID, TALKDESK_CLIENT_SECRET,",
      "TALKDESK_ACCESS_TOKEN.",
      "Scopes requested with client credentials: presence-user:read (reads),",
      "presence-status:write (set-status), account-custom-status:read (custom-statuses)."
    })
final class TalkdeskCommand extends VendorCommand {
  @Mixin CredentialOptions credentials = new CredentialOptions();

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "us (default), eu or ca (env TALKDESK_REGION).")
  @Nullable String region;

  @Option(
      names = "--account",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "The account name, which names the token endpoint (env TALKDESK_ACCOUNT).")
  @Nullable String account;

  @Option(
      names = "--base-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "API base URL instead of the region's (env TALKDESK_BASE_URL).")
  @Nullable String baseUrl;

  @Option(
      names = "--token-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "OAuth2 token URL instead of the account's (env TALKDESK_TOKEN_URL).")
  @Nullable String tokenUrl;

  @Override
  String vendor() {
    return "talkdesk";
  }

  @Override
  Map<String, String> argumentNames() {
    Map<String, String> names = connectionNames();
    names.put("account", "--account");
    names.put("region", "--region");
    names.put("userIds", "USER_ID");
    names.put("userId", "USER_ID");
    names.put("customStatusId", "--custom-status-id");
    names.put("status", "STATUS");
    return names;
  }

  @Override
  Session<TalkdeskClient> open(List<String> scopes) {
    TalkdeskClient.Builder builder = TalkdeskClient.builder();
    if (cli.demo()) {
      TalkdeskFake fake = TalkdeskFake.demo();
      return demoSession(
          builder,
          TalkdeskClient.Builder::build,
          () ->
              new Demo(
                  fake.baseUrl(),
                  fake.tokenUrl(),
                  fake.clientId(),
                  fake.clientSecret(),
                  fake.userIds()),
          credentials.customScopes.isEmpty() ? scopes : credentials.customScopes,
          fake::close);
    }
    setting(region, "TALKDESK_REGION", code -> builder.region(region(code)));
    String accountName = setting(account, "TALKDESK_ACCOUNT", builder::account);
    setting(baseUrl, "TALKDESK_BASE_URL", builder::baseUrl);
    String token = setting(tokenUrl, "TALKDESK_TOKEN_URL", builder::tokenUrl);
    String bearer =
        secret(credentials.accessToken, "--access-token", "TALKDESK_ACCESS_TOKEN", "access token");
    if (bearer == null && accountName == null && token == null) {
      throw usage(
          "talkdesk needs --account (or TALKDESK_ACCOUNT), which names the token endpoint, or"
              + " --token-url (or TALKDESK_TOKEN_URL), to use client credentials. Or try --demo.");
    }
    credentials(
        builder,
        bearer,
        setting(credentials.clientId, "TALKDESK_CLIENT_ID"),
        secret(
            credentials.clientSecret, "--client-secret", "TALKDESK_CLIENT_SECRET", "client secret"),
        scopes,
        credentials.customScopes,
        "TALKDESK");
    return new Session<>(builder.build(), List.of(), null);
  }

  private TalkdeskClient.Region region(String code) {
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "us" -> TalkdeskClient.Region.US;
      case "eu" -> TalkdeskClient.Region.EU;
      case "ca" -> TalkdeskClient.Region.CA;
      default -> throw usage("region must be us, eu or ca, was '" + code + "'");
    };
  }

  @Command(
      name = "presences",
      description = {
        "Reads the presence of many users: one request per user, 8 at once.",
        "With --demo and no ids: the 40 users of the demo world."
      })
  int presences(
      @Parameters(paramLabel = "USER_ID", arity = "0..*", description = "Talkdesk user ids.")
          @Nullable List<String> ids) {
    try (Session<TalkdeskClient> session = open(List.of(TalkdeskClient.SCOPE_PRESENCE_USER_READ))) {
      return printPresences(session.client(), idsOrDemo(ids, session, "user id"));
    }
  }

  @Command(name = "presence", description = "Reads the presence of one user.")
  int presence(@Parameters(paramLabel = "USER_ID", description = "A Talkdesk user id.") String id) {
    try (Session<TalkdeskClient> session = open(List.of(TalkdeskClient.SCOPE_PRESENCE_USER_READ))) {
      return printPresence(session.client(), id);
    }
  }

  @Command(
      name = "set-status",
      description = "Sets a user's status: available, away, offline or hidden.")
  int setStatus(
      @Parameters(index = "0", paramLabel = "USER_ID", description = "A Talkdesk user id.")
          String userId,
      @Parameters(
              index = "1",
              paramLabel = "STATUS",
              description = "available, away, offline or hidden.")
          String statusName,
      @Option(
              names = "--custom-status-id",
              paramLabel = "ID",
              description = "One of the account's custom statuses (see custom-statuses).")
          @Nullable String customStatusId) {
    TalkdeskStatus status = TalkdeskStatus.fromWireValue(statusName.strip());
    if (!status.isWritable()) {
      throw usage("STATUS must be available, away, offline or hidden, was '" + statusName + "'");
    }
    try (Session<TalkdeskClient> session =
        open(List.of(TalkdeskClient.SCOPE_PRESENCE_STATUS_WRITE))) {
      TalkdeskClient client = session.client();
      Optional<Presence<TalkdeskPresence>> updated =
          customStatusId == null
              ? client.updateStatus(userId, status)
              : client.updateStatus(userId, status, customStatusId);
      Output output = cli.output();
      if (updated.isPresent()) {
        output.presence(vendor(), updated.get());
      } else if (output.json()) {
        output.jsonLine(
            w ->
                w.name("vendor")
                    .value(vendor())
                    .name("userId")
                    .value(userId)
                    .name("status")
                    .value(status.wireValue())
                    .name("customStatusId")
                    .value(customStatusId)
                    .name("updated")
                    .value(true));
      } else {
        output.note(
            "talkdesk accepted the change: "
                + userId
                + " is now "
                + status.wireValue()
                + (customStatusId == null ? "" : " with custom status " + customStatusId));
      }
      return 0;
    }
  }

  @Command(name = "custom-statuses", description = "Lists the account's custom statuses.")
  int customStatuses() {
    try (Session<TalkdeskClient> session =
        open(List.of(TalkdeskClient.SCOPE_ACCOUNT_CUSTOM_STATUS_READ))) {
      List<TalkdeskCustomStatus> statuses = session.client().customStatuses();
      Output output = cli.output();
      if (output.json()) {
        for (TalkdeskCustomStatus status : statuses) {
          output.jsonLine(
              w ->
                  w.name("vendor")
                      .value(vendor())
                      .name("id")
                      .value(status.id())
                      .name("displayName")
                      .value(status.displayName().orElse(null)));
        }
        return 0;
      }
      TextTable table = new TextTable("ID", "NAME").keep(0);
      for (TalkdeskCustomStatus status : statuses) {
        table.row(status.id(), status.displayName().orElse(""));
      }
      output.table(table);
      return 0;
    }
  }
}
