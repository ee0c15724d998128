package io.github.presencesdk.examples;

import io.github.presencesdk.Page;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.examples.cli.Text;
import io.github.presencesdk.examples.cli.TextTable;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.testkit.RecordedCall;
import io.github.presencesdk.testkit.TalkdeskFake;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.testkit.VonageFake;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ExtensionStatus;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListPresenceRequest.FilterOp;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.AvailabilitySummary;
import io.github.presencesdk.vonage.AvailabilitySummaryRequest;
import io.github.presencesdk.vonage.Liveness;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The tour of presence-sdk that {@code ./demo} runs: the three vendor clients, each against a fake
 * server of the testkit seeded with a realistic world, so that nothing needs an account.
 *
 * <p>Every call goes through the real client and over HTTP on the loopback interface; the fakes
 * answer like the vendors do and keep a log of what they were asked, which the demo prints next to
 * the results. {@code --quick} lists a smaller part of the VoipNow world and delays the Talkdesk
 * answers less; the rest is the same.
 */
public final class Demo {
  private static final String UNKNOWN_TALKDESK_USER = "ffffffffffffffffffffffff";

  private final PrintStream out;
  private final boolean quick;
  private final int width;

  private Demo(PrintStream out, boolean quick, int width) {
    this.out = out;
    this.quick = quick;
    this.width = width;
  }

  /**
   * Runs the demo; {@code --quick} for the short form, {@code --help} for the usage. The output is
   * fitted to the width {@link Text#width} finds: {@code COLUMNS}, else the terminal's, else 80.
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Text.width(System.getenv())));
  }

  /**
   * Runs the demo and returns the exit code: 0 when it ran, 2 for an unknown argument.
   *
   * @param width the width to fit the output to, in columns
   */
  static int run(String[] args, PrintStream out, PrintStream err, int width) {
    boolean quick = false;
    for (String arg : args) {
      switch (arg) {
        case "--quick" -> quick = true;
        case "-h", "--help" -> {
          out.println("Usage: demo [--quick]");
          out.println();
          out.println(
              "Runs presence-sdk against local fakes of Vonage Contact Center, Talkdesk and");
          out.println("VoipNow. --quick lists 500 VoipNow extensions instead of all 12,000.");
          return 0;
        }
        default -> {
          err.println("demo: unknown argument '" + arg + "'");
          err.println("Usage: demo [--quick]");
          return 2;
        }
      }
    }
    new Demo(out, quick, width).all();
    return 0;
  }

  private void all() {
    out.println("presence-sdk demo");
    say(
        "Each vendor runs as a local fake server (presence-sdk-testkit) seeded with a demo world;"
            + " the SDK's real clients talk to it over HTTP, with OAuth2 client credentials from"
            + " the fake's token endpoint.");
    vonage();
    talkdesk();
    voipNow();
    vendorError();
    out.println();
    out.println("Try any operation on the same fakes with the command-line tool, for example:");
    out.println("  ./presence --demo vonage presences");
    out.println("  ./presence --demo talkdesk set-status 61a4f2b9c3e8d5001a7b0000 away");
    out.println("  ./presence --demo voipnow list --filter-op startsWith --filter-value '0003*'");
  }

  private void vonage() {
    heading("Vonage Contact Center");
    try (VonageFake fake = VonageFake.demo();
        VonageClient vcc =
            VonageClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .scopes("users:read", "users:write", "agents-availability:read")
                .build()) {
      List<String> agents = fake.userIds();
      sayf("vcc.presences(<%,d agent ids>): one call, batched by the client", agents.size());
      PresenceBatch<VonagePresence> batch = vcc.presences(agents);
      List<RecordedCall> reads = fake.requests().apiCalls();
      sayf(
          "  %,d presences, %,d unknown, in %s of %s ids (VCC takes at most 50 per request)",
          batch.presences().size(),
          batch.unknownIds().size(),
          Text.count(reads.size(), "request", "requests"),
          reads.stream().map(call -> call.ids().size()).sorted(Comparator.reverseOrder()).toList());
      say("  by state: " + countByState(batch));
      printPresences(batch.presences().subList(0, 4), batch.presences().size(), "CATEGORY");

      String agent = agents.get(1);
      Presence<VonagePresence> before = batch.presence(agent).orElseThrow();
      String breakId = VonageFake.AWAY_PRESENCE_ID;
      String breakName =
          vcc.presenceDefinitions().stream()
              .filter(d -> d.presenceId().equals(breakId))
              .map(d -> d.description().orElse(breakId))
              .findFirst()
              .orElse(breakId);
      out.println();
      sayf("vcc.setPresence(\"%s\", <id of \"%s\">)", agent, breakName);
      Presence<VonagePresence> after = vcc.setPresence(agent, breakId);
      sayf(
          "  before: %s (category %s, %s)",
          before.label().orElse(""), before.vendorStatus(), before.state());
      sayf(
          "  after:  %s (category %s, %s), updated %s",
          after.label().orElse(""),
          after.vendorStatus(),
          after.state(),
          after.updatedAt().map(Object::toString).orElse("?"));

      String skill = fake.skillGuids().iterator().next();
      out.println();
      sayf("vcc.availabilitySummary(skill %s, liveness semilive)", skill);
      AvailabilitySummary summary =
          vcc.availabilitySummary(
              AvailabilitySummaryRequest.builder()
                  .skillGuids(skill)
                  .liveness(Liveness.SEMILIVE)
                  .build());
      sayf(
          "  presence:     %,d ready, %,d away, %,d extended away, %,d logged out",
          summary.ready(), summary.away(), summary.extendedAway(), summary.loggedOut());
      sayf(
          "  availability: %,d available, %,d in an incompatible presence, %,d without capacity",
          summary.available(), summary.incompatiblePresence(), summary.insufficientCapacity());
    }
  }

  private void talkdesk() {
    heading("Talkdesk");
    try (TalkdeskFake fake = TalkdeskFake.demo();
        TalkdeskClient talkdesk =
            TalkdeskClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .scopes(TalkdeskClient.SCOPE_PRESENCE_USER_READ)
                .build()) {
      List<String> ids = new ArrayList<>(fake.userIds());
      ids.add(UNKNOWN_TALKDESK_USER);
      // Talkdesk has no bulk read: the client sends one request per user, a few at a time. The
      // fake answers each after a short delay here, so that the requests overlap visibly.
      fake.faults().times(ids.size()).slow(Duration.ofMillis(quick ? 20 : 50));
      sayf(
          "talkdesk.presences(<%,d user ids + \"%s\", which the account does not have>)",
          ids.size() - 1, UNKNOWN_TALKDESK_USER);
      PresenceBatch<TalkdeskPresence> batch = talkdesk.presences(ids);
      sayf("  %,d presences; unknown: %s", batch.presences().size(), batch.unknownIds());
      sayf(
          "  %,d requests (one per user, %,d answered 404), at most %d in flight at once"
              + " (maxConcurrency, default %d)",
          fake.requests().apiCalls().size(),
          fake.requests().apiCalls().stream().filter(call -> call.status() == 404).count(),
          fake.requests().maxConcurrent(),
          TalkdeskClient.DEFAULT_MAX_CONCURRENCY);
      say("  by state: " + countByState(batch));
      List<Presence<TalkdeskPresence>> sample = new ArrayList<>();
      for (PresenceState state :
          List.of(PresenceState.AVAILABLE, PresenceState.BUSY, PresenceState.AWAY)) {
        batch.presences().stream()
            .filter(p -> p.state() == state)
            .findFirst()
            .ifPresent(sample::add);
      }
      printPresences(sample, batch.presences().size(), "STATUS");
      for (Presence<TalkdeskPresence> presence : sample) {
        TalkdeskPresence detail = presence.detail();
        if (detail.isOccupied()) {
          sayf(
              "  %s is available but BUSY: occupancy %d, interactions %s",
              presence.userId(),
              detail.occupancy(),
              detail.interactions().stream()
                  .map(i -> i.channelName() + " " + i.id())
                  .collect(Collectors.joining(", ")));
        }
      }
    }
  }

  private void voipNow() {
    heading("VoipNow");
    try (VoipNowFake fake = VoipNowFake.demo();
        VoipNowClient voipNow =
            VoipNowClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .build()) {
      ListPresenceRequest request;
      if (quick) {
        request =
            ListPresenceRequest.builder().filter(FilterOp.STARTS_WITH, "0001*").count(200).build();
        say("voipNow.list(extensions starting with 0001*, pages of 200), lazily");
      } else {
        request = ListPresenceRequest.builder().count(2000).build();
        sayf(
            "voipNow.list(pages of 2,000): every extension of @me (the fake has %,d), lazily",
            fake.extensions().size());
      }
      Map<ExtensionStatus, Integer> byStatus = new EnumMap<>(ExtensionStatus.class);
      List<Integer> pageSizes = new ArrayList<>();
      for (Page<ExtensionPresence> page : voipNow.list(request).pages()) {
        for (ExtensionPresence entry : page.items()) {
          byStatus.merge(entry.status(), 1, Integer::sum);
        }
        if (!page.items().isEmpty()) {
          pageSizes.add(page.items().size());
        }
      }
      List<RecordedCall> calls = fake.requests().apiCalls();
      sayf(
          "  %s in %s (%s), from %s to GET %s:",
          Text.count(
              pageSizes.stream().mapToInt(Integer::intValue).sum(), "extension", "extensions"),
          Text.count(pageSizes.size(), "page", "pages"),
          pageSizes.stream().map(Text::number).collect(Collectors.joining(" + ")),
          Text.count(calls.size(), "request", "requests"),
          calls.get(0).path());
      TextTable requests =
          new TextTable(
                  "count",
                  "startIndex",
                  "filterBy",
                  "filterOp",
                  "filterValue",
                  "sortOrder",
                  "answer")
              .alignRight(0, 1);
      for (RecordedCall call : calls) {
        requests.row(
            query(call, "count"),
            query(call, "startIndex"),
            query(call, "filterBy"),
            query(call, "filterOp"),
            query(call, "filterValue"),
            query(call, "sortOrder"),
            String.valueOf(call.status()));
      }
      print(requests, "    ");
      if (!quick) {
        sayf(
            "  The first answer counts %,d entries, more than one query can page through (VoipNow"
                + " takes no startIndex above 5,000), so the listing asks for them sorted by"
                + " extension: ascending up to that index, then the rest descending.",
            fake.extensions().size());
      }
      StringJoiner statuses = new StringJoiner(", ");
      byStatus.forEach((status, count) -> statuses.add(Text.number(count) + " " + status));
      say("  by status: " + statuses);
    }
  }

  /** The values of a query parameter of a recorded call, comma-separated; empty when absent. */
  private static String query(RecordedCall call, String name) {
    return String.join(",", call.query().getOrDefault(name, List.of()));
  }

  private void vendorError() {
    heading("A vendor error, mapped");
    try (TalkdeskFake fake = TalkdeskFake.demo();
        TalkdeskClient talkdesk =
            TalkdeskClient.builder()
                .baseUrl(fake.baseUrl())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .scopes(TalkdeskClient.SCOPE_PRESENCE_USER_READ)
                .build()) {
      say("A Talkdesk client granted only presence-user:read calls talkdesk.customStatuses():");
      try {
        talkdesk.customStatuses();
        say("  (unexpectedly, it succeeded)");
      } catch (PermissionDeniedException e) {
        say("  " + e.getClass().getSimpleName() + " (a PresenceServiceException)");
        say("    vendor()        " + e.vendor());
        say("    statusCode()    " + e.statusCode());
        say("    errorCode()     " + e.errorCode().orElse("(none)"));
        sayHanging("    vendorMessage() " + e.vendorMessage().orElse("(none)"), 16);
        sayHanging("    getMessage()    " + e.getMessage(), 16);
      }
    }
  }

  /** Prints a line, wrapped at the width; lines after the first are indented two more. */
  private void say(String line) {
    sayHanging(line, 2);
  }

  /** Prints a formatted line ({@link String#format}), wrapped at the width. */
  private void sayf(String format, Object... args) {
    say(String.format(Locale.ROOT, format, args));
  }

  /** Prints a line, wrapped at the width; lines after the first are indented {@code hang} more. */
  private void sayHanging(String line, int hang) {
    for (String part : Text.wrap(line, width, hang)) {
      out.println(part);
    }
  }

  private void print(TextTable table, String indent) {
    for (String line : table.lines(width, indent)) {
      out.println(line);
    }
  }

  private void heading(String title) {
    out.println();
    out.println("== " + title);
  }

  private static String countByState(PresenceBatch<?> batch) {
    Map<PresenceState, Integer> counts = new EnumMap<>(PresenceState.class);
    for (Presence<?> presence : batch.presences()) {
      counts.merge(presence.state(), 1, Integer::sum);
    }
    StringJoiner joined = new StringJoiner(", ");
    counts.forEach((state, count) -> joined.add(Text.number(count) + " " + state));
    return joined.toString();
  }

  /** Prints some presences of a larger batch: the table says how many more there are. */
  private void printPresences(
      List<? extends Presence<?>> presences, int ofAll, String statusColumn) {
    TextTable table =
        new TextTable("USER ID", "STATE", statusColumn, "LABEL", "UPDATED").keep(0, 1);
    for (Presence<?> p : presences) {
      table.row(
          p.userId(),
          p.state().name(),
          p.vendorStatus(),
          p.label().orElse("-"),
          p.updatedAt().map(Object::toString).orElse("-"));
    }
    print(table.more(ofAll - presences.size()), "  ");
  }
}
