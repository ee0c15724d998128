package io.github.presencesdk.examples.cli;

import io.github.presencesdk.testkit.VonageFake;
import io.github.presencesdk.vonage.AvailabilitySummary;
import io.github.presencesdk.vonage.AvailabilitySummaryRequest;
import io.github.presencesdk.vonage.Liveness;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** {@code presence vonage ...}: the operations of Vonage Contact Center (VCC). */
@Command(
    resourceBundle = "io.github.presencesdk.examples.cli.Vonage",
    name = "vonage",
    description =
        "Vonage Contact Center (VCC): agent presence, presence definitions, availability.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%n",
    footer = {
      "Environment (options win): VONAGE_REGION, VONAGE_BASE_URL, VONAGE_TOKEN_URL,",
      "VONAGE_CLIENT_ID, VONAGE_CLIENT_SECRET, VONAGE_ACCESS_TOKEN.",
      "Scopes requested with client credentials: users:read (reads), users:write",
      "(set-presence), agents-availability:read (availability)."
    })
final class VonageCommand extends VendorCommand {
  @Mixin CredentialOptions credentials = new CredentialOptions();

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "emea, nam or apac (env VONAGE_REGION).")
  @Nullable String region;

  @Option(
      names = "--base-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "API base URL instead of the region's (env VONAGE_BASE_URL).")
  @Nullable String baseUrl;

  @Option(
      names = "--token-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "OAuth2 token URL instead of the region's (env VONAGE_TOKEN_URL).")
  @Nullable String tokenUrl;

  @Override
  String vendor() {
    return "vonage";
  }

  @Override
  Map<String, String> argumentNames() {
    Map<String, String> names = connectionNames();
    names.put("region", "--region");
    names.put("userIds", "USER_ID");
    names.put("userId", "USER_ID");
    names.put("presenceId", "PRESENCE");
    names.put("skillGuids", "--skill");
    names.put("groupGuids", "--group");
    names.put("queueGuids", "--queue");
    names.put("liveness", "--liveness");
    return names;
  }

  @Override
  Session<VonageClient> open(List<String> scopes) {
    VonageClient.Builder builder = VonageClient.builder();
    if (cli.demo()) {
      VonageFake fake = VonageFake.demo();
      return demoSession(
          builder,
          VonageClient.Builder::build,
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
    String regionCode = setting(region, "VONAGE_REGION");
    String base = setting(baseUrl, "VONAGE_BASE_URL");
    if (regionCode == null && base == null) {
      throw usage(
          "vonage needs a region: --region emea|nam|apac (or VONAGE_REGION), or --base-url"
              + " (or VONAGE_BASE_URL). Or try --demo.");
    }
    if (regionCode != null) {
      builder.region(VonageClient.Region.of(regionCode));
    }
    if (base != null) {
      builder.baseUrl(base);
    }
    setting(tokenUrl, "VONAGE_TOKEN_URL", builder::tokenUrl);
    credentials(
        builder,
        secret(credentials.accessToken, "--access-token", "VONAGE_ACCESS_TOKEN", "access token"),
        setting(credentials.clientId, "VONAGE_CLIENT_ID"),
        secret(
            credentials.clientSecret, "--client-secret", "VONAGE_CLIENT_SECRET", "client secret"),
        scopes,
        credentials.customScopes,
        "VONAGE");
    return new Session<>(builder.build(), List.of(), null);
  }

  @Command(
      name = "presences",
      description = {
        "Reads the presence of many agents in one call (50 ids per request, 4 requests at once).",
        "With --demo and no ids: the 120 agents of the demo world."
      })
  int presences(
      @Parameters(paramLabel = "USER_ID", arity = "0..*", description = "VCC user ids (GUIDs).")
          @Nullable List<String> ids) {
    try (Session<VonageClient> session = open(List.of("users:read"))) {
      return printPresences(session.client(), idsOrDemo(ids, session, "user id"));
    }
  }

  @Command(name = "presence", description = "Reads the presence of one agent.")
  int presence(@Parameters(paramLabel = "USER_ID", description = "A VCC user id.") String id) {
    try (Session<VonageClient> session = open(List.of("users:read"))) {
      return printPresence(session.client(), id);
    }
  }

  @Command(
      name = "set-presence",
      description = {
        "Sets an agent's presence and prints the new one.",
        "PRESENCE is a presence definition's id, or its description (such as Break): see"
            + " 'definitions'."
      })
  int setPresence(
      @Parameters(index = "0", paramLabel = "USER_ID", description = "A VCC user id.")
          String userId,
      @Parameters(index = "1", paramLabel = "PRESENCE", description = "Presence id or name.")
          String presence) {
    try (Session<VonageClient> session = open(List.of("users:read", "users:write"))) {
      VonageClient vcc = session.client();
      String presenceId = GUID.matcher(presence).matches() ? presence : definitionId(vcc, presence);
      cli.output().presence(vendor(), vcc.setPresence(userId, presenceId));
      return 0;
    }
  }

  private String definitionId(VonageClient vcc, String name) {
    List<VonagePresence> definitions = vcc.presenceDefinitions();
    for (VonagePresence definition : definitions) {
      if (definition.description().orElse("").equalsIgnoreCase(name.strip())) {
        return definition.presenceId();
      }
    }
    throw usage(
        "no presence definition is named '"
            + name
            + "'; the account has "
            + String.join(
                ", ",
                definitions.stream().map(d -> d.description().orElse(d.presenceId())).toList()));
  }

  @Command(name = "definitions", description = "Lists the account's presence definitions.")
  int definitions() {
    try (Session<VonageClient> session = open(List.of("users:read"))) {
      List<VonagePresence> definitions = session.client().presenceDefinitions();
      Output output = cli.output();
      if (output.json()) {
        for (VonagePresence definition : definitions) {
          output.jsonLine(
              w -> {
                w.name("vendor").value(vendor());
                Output.writeDefinitionFields(w, definition);
                w.name("state").value(definition.state().name());
              });
        }
        return 0;
      }
      TextTable table =
          new TextTable(
                  "PRESENCE ID", "DESCRIPTION", "CATEGORY", "SUB-CATEGORY", "STATE", "SELECTABLE")
              .keep(0, 4);
      for (VonagePresence definition : definitions) {
        table.row(
            definition.presenceId(),
            definition.description().orElse(""),
            definition.category().rawCategoryType(),
            definition.category().subCategory().orElse(""),
            definition.state().name(),
            definition.selectable() ? "yes" : "no");
      }
      output.table(table);
      return 0;
    }
  }

  @Command(
      name = "availability",
      description = {
        "Counts the agents in each presence category, and those able to take new work.",
        "Without filters every agent counts."
      })
  int availability(
      @Option(names = "--skill", paramLabel = "GUID", description = "Agents with this skill.")
          @Nullable List<String> skills,
      @Option(names = "--group", paramLabel = "GUID", description = "Agents in this group.")
          @Nullable List<String> groups,
      @Option(
              names = "--queue",
              paramLabel = "GUID",
              description = "Agents in this queue (not with --group).")
          @Nullable List<String> queues,
      @Option(
              names = "--liveness",
              paramLabel = "LIVENESS",
              converter = LivenessConverter.class,
              description = "live (default), semilive or nonlive.")
          @Nullable Liveness liveness) {
    if (groups != null && !groups.isEmpty() && queues != null && !queues.isEmpty()) {
      throw usage("--group and --queue cannot be used together; give one of them");
    }
    AvailabilitySummaryRequest.Builder builder =
        AvailabilitySummaryRequest.builder()
            .skillGuids(listOf(skills))
            .groupGuids(listOf(groups))
            .queueGuids(listOf(queues));
    if (liveness != null) {
      // Without --liveness no field is sent, as in VCC's own example for live interactions.
      builder.liveness(liveness);
    }
    AvailabilitySummaryRequest request = builder.build();
    try (Session<VonageClient> session = open(List.of("agents-availability:read"))) {
      AvailabilitySummary summary = session.client().availabilitySummary(request);
      Output output = cli.output();
      if (output.json()) {
        output.jsonLine(
            w -> {
              w.name("vendor").value(vendor());
              w.name("liveness").value(request.liveness().wireValue());
              w.name("presenceSummary").beginObject();
              w.name("ready").value(summary.ready());
              w.name("away").value(summary.away());
              w.name("extendedAway").value(summary.extendedAway());
              w.name("loggedOut").value(summary.loggedOut());
              for (Map.Entry<String, Integer> other : summary.otherPresenceCounts().entrySet()) {
                w.name(other.getKey()).value(other.getValue());
              }
              w.endObject();
              w.name("availabilitySummary").beginObject();
              w.name("available").value(summary.available());
              w.name("incompatiblePresence").value(summary.incompatiblePresence());
              w.name("insufficientCapacity").value(summary.insufficientCapacity());
              for (Map.Entry<String, Integer> other :
                  summary.otherAvailabilityCounts().entrySet()) {
                w.name(other.getKey()).value(other.getValue());
              }
              w.endObject();
            });
        return 0;
      }
      TextTable presence = new TextTable("PRESENCE", "AGENTS").alignRight(1);
      presence.row("Ready", Text.number(summary.ready()));
      presence.row("Away", Text.number(summary.away()));
      presence.row("Extended away", Text.number(summary.extendedAway()));
      presence.row("Logged out", Text.number(summary.loggedOut()));
      summary.otherPresenceCounts().forEach((key, count) -> presence.row(key, Text.number(count)));
      TextTable availability = new TextTable("AVAILABILITY", "AGENTS").alignRight(1);
      availability.row("Available", Text.number(summary.available()));
      availability.row("Incompatible presence", Text.number(summary.incompatiblePresence()));
      availability.row("Insufficient capacity", Text.number(summary.insufficientCapacity()));
      summary
          .otherAvailabilityCounts()
          .forEach((key, count) -> availability.row(key, Text.number(count)));
      output.table(presence);
      output.note("");
      output.table(availability);
      output.note("");
      output.note("liveness: " + request.liveness().name().toLowerCase(Locale.ROOT));
      return 0;
    }
  }

  /** Reads {@code live}, {@code semilive} or {@code nonlive}, as VCC and the help write them. */
  static final class LivenessConverter implements ITypeConverter<Liveness> {
    @Override
    public Liveness convert(String value) {
      for (Liveness liveness : Liveness.values()) {
        if (liveness.wireValue().equalsIgnoreCase(value.strip())) {
          return liveness;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not one of "
              + String.join(
                  ", ", Arrays.stream(Liveness.values()).map(Liveness::wireValue).toList()));
    }
  }
}
