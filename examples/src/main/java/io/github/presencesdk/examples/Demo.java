package io.github.presencesdk.examples;

import io.github.presencesdk.Page;
import io.github.presencesdk.PermissionDeniedException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceState;
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

  private Demo(PrintStream out, boolean quick) {
    this.out = out;
    this.quick = quick;
  }

  /** Runs the demo; {@code --quick} for the short form, {@code --help} for the usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the demo and returns the exit code: 0 when it ran, 2 for an unknown argument. */
  static int run(String[] args, PrintStream out, PrintStream err) {
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
    new Demo(out, quick).all();
    return 0;
  }

  private void all() {
    out.println("presence-sdk demo");
    out.println(
        "Each vendor runs as a local fake server (presence-sdk-testkit) seeded with a demo");
    out.println(
        "world; the SDK's real clients talk to it over HTTP, with OAuth2 client credentials");
    out.println("from the fake's token endpoint.");
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
      out.printf("vcc.presences(<%d agent ids>): one call, batched by the client%n", agents.size());
      PresenceBatch<VonagePresence> batch = vcc.presences(agents);
      List<RecordedCall> reads = fake.requests().apiCalls();
      out.printf(
          "  %d presences, %d unknown, in %d requests of %s ids (VCC takes at most 50 per request)%n",
          batch.presences().size(),
          batch.unknownIds().size(),
          reads.size(),
          reads.stream().map(call -> call.ids().size()).sorted(Comparator.reverseOrder()).toList());
      out.println("  by state: " + countByState(batch));
      printPresences(batch.presences().subList(0, 4), "CATEGORY");

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
      out.printf("vcc.setPresence(\"%s\", <id of \"%s\">)%n", agent, breakName);
      Presence<VonagePresence> after = vcc.setPresence(agent, breakId);
      out.printf(
          "  before: %s (category %s, %s)%n  after:  %s (category %s, %s), updated %s%n",
          before.label().orElse(""),
          before.vendorStatus(),
          before.state(),
          after.label().orElse(""),
          after.vendorStatus(),
          after.state(),
          after.updatedAt().map(Object::toString).orElse("?"));

      String skill = fake.skillGuids().iterator().next();
      out.println();
      out.printf("vcc.availabilitySummary(skill %s, liveness semilive)%n", skill);
      AvailabilitySummary summary =
          vcc.availabilitySummary(
              AvailabilitySummaryRequest.builder()
                  .skillGuids(skill)
                  .liveness(Liveness.SEMILIVE)
                  .build());
      out.printf(
          "  presence:     %d ready, %d away, %d extended away, %d logged out%n",
          summary.ready(), summary.away(), summary.extendedAway(), summary.loggedOut());
      out.printf(
          "  availability: %d available, %d in an incompatible presence, %d without capacity%n",
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
      out.printf(
          "talkdesk.presences(<%d user ids + \"%s\", which the account does not have>)%n",
          ids.size() - 1, UNKNOWN_TALKDESK_USER);
      PresenceBatch<TalkdeskPresence> batch = talkdesk.presences(ids);
      out.printf("  %d presences; unknown: %s%n", batch.presences().size(), batch.unknownIds());
      out.printf(
          "  %d requests (one per user, %d answered 404), at most %d in flight at once"
              + " (maxConcurrency, default %d)%n",
          fake.requests().apiCalls().size(),
          fake.requests().apiCalls().stream().filter(call -> call.status() == 404).count(),
          fake.requests().maxConcurrent(),
          TalkdeskClient.DEFAULT_MAX_CONCURRENCY);
      out.println("  by state: " + countByState(batch));
      List<Presence<TalkdeskPresence>> sample = new ArrayList<>();
      for (PresenceState state :
          List.of(PresenceState.AVAILABLE, PresenceState.BUSY, PresenceState.AWAY)) {
        batch.presences().stream()
            .filter(p -> p.state() == state)
            .findFirst()
            .ifPresent(sample::add);
      }
      printPresences(sample, "STATUS");
      for (Presence<TalkdeskPresence> presence : sample) {
        TalkdeskPresence detail = presence.detail();
        if (detail.isOccupied()) {
          out.printf(
              "  %s is available but BUSY: occupancy %d, interactions %s%n",
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
        out.println("voipNow.list(extensions starting with 0001*, pages of 200), lazily");
      } else {
        request = ListPresenceRequest.builder().count(2000).build();
        out.printf(
            "voipNow.list(pages of 2000): every extension of @me (the fake has %,d), lazily%n",
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
      out.printf(
          "  %,d extensions in %d pages %s,%n  from %d requests to GET %s:%n",
          pageSizes.stream().mapToInt(Integer::intValue).sum(),
          pageSizes.size(),
          pageSizes,
          calls.size(),
          calls.get(0).path());
      for (RecordedCall call : calls) {
        StringJoiner query = new StringJoiner("&", "?", "");
        call.query().forEach((name, values) -> values.forEach(v -> query.add(name + "=" + v)));
        out.printf("    %-80s -> %d%n", query, call.status());
      }
      if (!quick) {
        out.printf(
            "  The first answer counts %,d entries, more than one query can page through%n",
            fake.extensions().size());
        out.println(
            "  (VoipNow takes no startIndex above 5000), so the listing asks for them sorted");
        out.println("  by extension: ascending up to that index, then the rest descending.");
      }
      out.println("  by status: " + byStatus);
    }
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
      out.println(
          "A Talkdesk client granted only presence-user:read calls talkdesk.customStatuses():");
      try {
        talkdesk.customStatuses();
        out.println("  (unexpectedly, it succeeded)");
      } catch (PermissionDeniedException e) {
        out.println("  " + e.getClass().getSimpleName() + " (a PresenceServiceException)");
        out.println("    vendor()        " + e.vendor());
        out.println("    statusCode()    " + e.statusCode());
        out.println("    errorCode()     " + e.errorCode().orElse("(none)"));
        out.println("    vendorMessage() " + e.vendorMessage().orElse("(none)"));
        out.println("    getMessage()    " + e.getMessage());
      }
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
    counts.forEach((state, count) -> joined.add(count + " " + state));
    return joined.toString();
  }

  private void printPresences(List<? extends Presence<?>> presences, String statusColumn) {
    out.printf(
        "  %-36s  %-9s  %-10s  %-15s  %s%n", "USER ID", "STATE", statusColumn, "LABEL", "UPDATED");
    for (Presence<?> p : presences) {
      out.printf(
          "  %-36s  %-9s  %-10s  %-15s  %s%n",
          p.userId(),
          p.state(),
          p.vendorStatus(),
          p.label().orElse("-"),
          p.updatedAt().map(Object::toString).orElse("-"));
    }
  }
}
