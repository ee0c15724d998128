package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --json}: one parseable object per line, with the same keys for every vendor. */
final class CliJsonOutputTest {
  private static final List<String> PRESENCE_KEYS =
      List.of("vendor", "userId", "state", "vendorStatus", "label", "updatedAt", "detail");

  @Test
  void vonagePresencesAreOneObjectPerLine() {
    CliRun run = CliRun.run("--demo", "--json", "vonage", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(120);
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys(PRESENCE_KEYS));
    assertThat(lines.get(0))
        .containsEntry("vendor", "vonage")
        .containsEntry("userId", "daab05ec-ba50-45af-a6fd-3b01cdc6f39b")
        .containsEntry("state", "OFFLINE")
        .containsEntry("vendorStatus", "LoggedOut")
        .containsEntry("label", "Logged Out")
        .containsEntry("updatedAt", "2021-10-22T13:16:26.730Z");
    assertThat(detail(lines.get(0)))
        .containsEntry("presenceId", "eaed6862-14fa-4114-be62-b8709b5d4a49")
        .containsEntry("categoryType", "LoggedOut")
        .containsEntry("selectable", true);
  }

  @Test
  void unknownIdsAreLinesOfTheirOwn() {
    CliRun run =
        CliRun.run(
            "talkdesk",
            "presences",
            "--demo",
            "61a4f2b9c3e8d5001a7b0000",
            "61a4f2b9c3e8d5001a7bffff",
            "--json");

    assertThat(run.exitCode()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .containsKeys(PRESENCE_KEYS.toArray(String[]::new))
        .containsEntry("vendor", "talkdesk")
        .containsEntry("state", "BUSY")
        .containsEntry("vendorStatus", "available");
    assertThat(detail(lines.get(0))).containsEntry("occupancy", 100.0);
    assertThat(lines.get(1))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("vendor", "talkdesk", "userId", "61a4f2b9c3e8d5001a7bffff", "unknown", true));
  }

  @Test
  void voipNowListingEntriesAreLines() {
    CliRun run =
        CliRun.run(
            "--demo",
            "--json",
            "voipnow",
            "list",
            "--filter-op",
            "startsWith",
            "--filter-value",
            "0003*",
            "--page-size",
            "200",
            "--limit",
            "250");

    assertThat(run.exitCode()).isZero();
    List<Map<String, Object>> lines = run.jsonLines();
    assertThat(lines).hasSize(250);
    assertThat(lines).allSatisfy(line -> assertThat(line).containsOnlyKeys(PRESENCE_KEYS));
    assertThat(lines.get(0)).containsEntry("vendor", "voipnow").containsEntry("userId", "0003*100");
    assertThat(detail(lines.get(0)))
        .containsOnlyKeys("extension", "status", "rawStatus", "registrations")
        .containsEntry("extension", "0003*100");
    assertThat(lines)
        .allSatisfy(line -> assertThat((String) line.get("userId")).startsWith("0003*"));
  }

  @Test
  void summariesAndListsAreJsonToo() {
    CliRun availability = CliRun.run("--demo", "--json", "vonage", "availability");
    CliRun definitions = CliRun.run("--demo", "--json", "vonage", "definitions");
    CliRun statuses = CliRun.run("--demo", "--json", "talkdesk", "custom-statuses");

    assertThat(availability.jsonLines())
        .singleElement()
        .satisfies(
            summary -> {
              assertThat(summary)
                  .containsEntry("vendor", "vonage")
                  .containsEntry("liveness", "live");
              assertThat(nested(summary, "presenceSummary"))
                  .containsKeys("ready", "away", "extendedAway", "loggedOut");
              assertThat(nested(summary, "availabilitySummary"))
                  .containsKeys("available", "incompatiblePresence", "insufficientCapacity");
            });
    assertThat(definitions.jsonLines()).hasSize(6);
    assertThat(statuses.jsonLines())
        .hasSize(4)
        .first()
        .satisfies(status -> assertThat(status).containsEntry("displayName", "Lunch"));
  }

  @Test
  void vendorErrorsAreJsonOnStandardError() {
    CliRun run =
        CliRun.run(
            "--json", "--demo", "talkdesk", "custom-statuses", "--scope", "presence-user:read");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.jsonErrors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error)
                    .containsEntry("error", "vendor")
                    .containsEntry("exception", "PermissionDeniedException")
                    .containsEntry("vendor", "talkdesk")
                    .containsEntry("status", 403.0)
                    .containsEntry("code", "3900403")
                    .containsEntry("vendorMessage", "Missing scope account-custom-status:read"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Map<String, Object> line) {
    return (Map<String, Object>) line.get("detail");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> line, String key) {
    return (Map<String, Object>) line.get(key);
  }
}
