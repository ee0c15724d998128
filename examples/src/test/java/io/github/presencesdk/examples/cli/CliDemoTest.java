package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --demo}: every command of every vendor works against the fakes, without an account. */
final class CliDemoTest {
  private static final String AGENT = "c07da2cc-7a64-476e-aa95-be7042332a95";
  private static final String TALKDESK_USER = "61a4f2b9c3e8d5001a7b0000";

  @Test
  void vonagePresencesWithoutIdsReadsTheWholeDemoWorld() {
    CliRun run = CliRun.run("--demo", "vonage", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .hasSize(121)
        .first()
        .satisfies(
            header ->
                assertThat(header)
                    .startsWith("USER ID")
                    .contains("STATE", "VENDOR STATUS", "LABEL", "UPDATED"));
    assertThat(run.out())
        .contains("daab05ec-ba50-45af-a6fd-3b01cdc6f39b  OFFLINE    LoggedOut      Logged Out");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void vonagePresencesOfGivenIdsReportsTheUnknown() {
    CliRun run =
        CliRun.run("--demo", "vonage", "presences", AGENT, "00000000-0000-4000-8000-000000000000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(AGENT + "  AVAILABLE  Ready")
        .contains("1 id not known to vonage: 00000000-0000-4000-8000-000000000000");
  }

  @Test
  void vonageSetPresenceByNameShowsTheNewPresence() {
    CliRun run = CliRun.run("--demo", "vonage", "set-presence", AGENT, "Break");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(AGENT + "  AWAY   Away           Break");
  }

  @Test
  void vonageSetPresenceWithAnUnknownNameListsTheDefinitions() {
    CliRun run = CliRun.run("--demo", "vonage", "set-presence", AGENT, "Nap");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no presence definition is named 'Nap'").contains("Lunch");
  }

  @Test
  void vonageDefinitionsAndAvailability() {
    CliRun definitions = CliRun.run("--demo", "vonage", "definitions");
    CliRun availability =
        CliRun.run(
            "--demo",
            "vonage",
            "availability",
            "--skill",
            "457857dc-19eb-4eb9-b562-c90ca37de447",
            "--liveness",
            "semilive");
    CliRun unfiltered = CliRun.run("--demo", "vonage", "availability");

    assertThat(definitions.exitCode()).isZero();
    assertThat(definitions.out())
        .contains("PRESENCE ID", "DESCRIPTION", "CATEGORY", "SELECTABLE")
        .contains("Not Responding")
        .contains("Training        ExtendedAway  Training");
    assertThat(availability.exitCode()).isZero();
    assertThat(availability.out())
        .containsPattern("(?m)^Ready +\\d+$")
        .containsPattern("(?m)^Available +\\d+$")
        .contains("liveness: semilive");
    assertThat(unfiltered.out()).contains("liveness: live");
  }

  @Test
  void vonagePresenceOfOneAgent() {
    CliRun run = CliRun.run("--demo", "vonage", "presence", AGENT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2);
  }

  @Test
  void talkdeskPresencesShowsBusyAgentsWithTheirInteractions() {
    CliRun run = CliRun.run("--demo", "talkdesk", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(41);
    assertThat(run.out())
        .contains(TALKDESK_USER + "  BUSY")
        .contains("occupancy 100: voice call-0000");
  }

  @Test
  void talkdeskPresenceSetStatusAndCustomStatuses() {
    CliRun presence = CliRun.run("--demo", "talkdesk", "presence", "61a4f2b9c3e8d5001a7b0002");
    CliRun setStatus =
        CliRun.run(
            "--demo",
            "talkdesk",
            "set-status",
            TALKDESK_USER,
            "away",
            "--custom-status-id",
            "b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a");
    CliRun statuses = CliRun.run("--demo", "talkdesk", "custom-statuses");

    assertThat(presence.exitCode()).isZero();
    assertThat(presence.out()).contains("AWAY").contains("Meeting");
    assertThat(setStatus.exitCode()).isZero();
    assertThat(setStatus.out())
        .contains("talkdesk accepted the change: " + TALKDESK_USER + " is now away");
    assertThat(statuses.exitCode()).isZero();
    assertThat(statuses.out()).contains("Lunch", "Training", "Meeting", "Coaching");
  }

  @Test
  void voipNowPresencesAndPresence() {
    CliRun presences = CliRun.run("--demo", "voipnow", "presences");
    CliRun some = CliRun.run("--demo", "voipnow", "presences", "0001*100", "0001*101", "0099*100");
    CliRun one = CliRun.run("--demo", "voipnow", "presence", "0001*100");

    assertThat(presences.exitCode()).isZero();
    assertThat(presences.out().lines()).hasSize(201);
    assertThat(some.out())
        .contains("0001*100  AVAILABLE")
        .contains("0001*101  BUSY")
        .contains("1 id not known to voipnow: 0099*100");
    assertThat(one.out()).contains("0001*100  AVAILABLE  ONLINE         2 registrations, 2 live");
  }

  @Test
  void voipNowListsEveryExtensionAcrossPages() {
    CliRun run = CliRun.run("--demo", "voipnow", "list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1 + 12_000 + 1);
    assertThat(run.out())
        .contains("EXTENSION  STATUS   STATE      REGISTRATIONS")
        .contains("0024*599")
        .contains("12,000 extensions in 3 pages: 4,800 AVAILABLE, 3,600 BUSY");
  }

  @Test
  void voipNowListWithFiltersSortingAndALimit() {
    CliRun run =
        CliRun.run(
            "--demo",
            "voipnow",
            "list",
            "--filter-op",
            "startsWith",
            "--filter-value",
            "0002*1",
            "--sort",
            "desc",
            "--page-size",
            "30",
            "--limit",
            "45");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1 + 45 + 1);
    assertThat(run.out().lines().skip(1).findFirst())
        .hasValueSatisfying(row -> assertThat(row).startsWith("0002*199"));
    assertThat(run.out()).contains("45 extensions in 2 pages");
  }

  @Test
  void progressGoesToStandardErrorOnATerminalOnly() {
    String[] args = {"--demo", "voipnow", "list", "--page-size", "1000", "--limit", "3000"};

    CliRun terminal = CliRun.run(Map.of(), true, args);
    CliRun redirected = CliRun.run(Map.of(), false, args);

    assertThat(terminal.exitCode()).isZero();
    assertThat(terminal.err()).contains("\rlisted 1,000 extensions, 1 page ...");
    assertThat(terminal.err()).contains("\rlisted 3,000 extensions, 3 pages ...");
    assertThat(terminal.err()).endsWith("\r");
    assertThat(redirected.err()).isEmpty();
    assertThat(terminal.out()).isEqualTo(redirected.out());
  }

  @Test
  void bulkReadsShowProgressOnATerminal() {
    CliRun run = CliRun.run(Map.of(), true, "--demo", "talkdesk", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("\rreading 40 presences from talkdesk ...");
  }
}
