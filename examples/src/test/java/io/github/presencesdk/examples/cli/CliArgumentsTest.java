package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testkit.VonageFake;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes on the command line: exit code 2, a message that says what is wrong, nothing sent. */
final class CliArgumentsTest {
  @Test
  void noArgumentsIsAUsageError() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("presence: give a vendor: vonage, talkdesk or voipnow")
        .contains("Usage: presence");
  }

  @Test
  void helpListsTheVendorsAndExitCodes() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: presence")
        .contains("vonage", "talkdesk", "voipnow")
        .contains("--demo", "--json")
        .contains("2 usage error, 3 vendor error, 4 network failure");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void vendorHelpNamesTheEnvironmentVariables() {
    CliRun run = CliRun.run("vonage", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("presences", "presence", "set-presence", "definitions", "availability")
        .contains("VONAGE_CLIENT_ID", "VONAGE_CLIENT_SECRET", "VONAGE_ACCESS_TOKEN")
        .contains("VONAGE_REGION", "VONAGE_BASE_URL", "VONAGE_TOKEN_URL");
  }

  @Test
  void theSharedCredentialOptionsNameEachVendorsVariablesAtEveryLevel() {
    CliRun vonage = CliRun.run("vonage", "--help");
    CliRun talkdesk = CliRun.run("talkdesk", "presences", "--help");
    CliRun voipNow = CliRun.run("voipnow", "list", "--help");

    assertThat(vonage.out())
        .contains("(env VONAGE_CLIENT_ID)", "(env VONAGE_CLIENT_SECRET)", "VONAGE_ACCESS_TOKEN")
        .contains("Scopes to request instead of those the command needs.");
    assertThat(talkdesk.out())
        .contains(
            "(env TALKDESK_CLIENT_ID)", "(env TALKDESK_CLIENT_SECRET)", "TALKDESK_ACCESS_TOKEN");
    assertThat(voipNow.out())
        .contains("(env VOIPNOW_CLIENT_ID)", "(env VOIPNOW_CLIENT_SECRET)", "VOIPNOW_ACCESS_TOKEN")
        .contains("Scopes to request with client credentials (none by default).");
    assertThat(vonage.all() + talkdesk.all() + voipNow.all()).doesNotContain("${");
  }

  @Test
  void anUnknownVendorIsAUsageError() {
    CliRun run = CliRun.run("zoom", "presences", "a");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("zoom");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithSuggestions() {
    CliRun run = CliRun.run("--demo", "vonage", "presences", "--regoin=emea");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Unknown option")
        .contains("--region")
        .contains("Try 'presence vonage presences --help'");
  }

  @Test
  void aMissingParameterIsAUsageError() {
    CliRun run = CliRun.run("--demo", "talkdesk", "presence");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter").contains("USER_ID");
  }

  @Test
  void anUnknownTalkdeskStatusIsAUsageError() {
    CliRun run =
        CliRun.run("--demo", "talkdesk", "set-status", "61a4f2b9c3e8d5001a7b0000", "lunch");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("STATUS must be available, away, offline or hidden, was 'lunch'")
        .contains("Try 'presence talkdesk set-status --help'");
  }

  @Test
  void anUnknownFilterOperationIsAUsageError() {
    CliRun run = CliRun.run("--demo", "voipnow", "list", "--filter-op", "like");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'like' is not one of equals, contains, startsWith, inArray");
  }

  @Test
  void anIncompleteFilterIsAUsageError() {
    CliRun run = CliRun.run("--demo", "voipnow", "list", "--filter-op", "startsWith");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("filter");
  }

  @Test
  void missingConnectionSettingsNameTheOptionsAndTheEnvironment() {
    CliRun noRegion = CliRun.run("vonage", "presences", "daab05ec-ba50-45af-a6fd-3b01cdc6f39b");
    CliRun noCredentials =
        CliRun.run(
            Map.of("VONAGE_REGION", "emea"),
            "vonage",
            "presences",
            "daab05ec-ba50-45af-a6fd-3b01cdc6f39b");
    CliRun noHost = CliRun.run("voipnow", "list");
    CliRun noAccount =
        CliRun.run(
            Map.of("TALKDESK_CLIENT_ID", "id", "TALKDESK_CLIENT_SECRET", "app-s3cr3t-1"),
            "talkdesk",
            "presence",
            "u1");

    assertThat(noRegion.exitCode()).isEqualTo(2);
    assertThat(noRegion.err()).contains("--region", "VONAGE_REGION", "--base-url", "--demo");
    assertThat(noCredentials.exitCode()).isEqualTo(2);
    assertThat(noCredentials.err())
        .contains("--client-id", "VONAGE_CLIENT_ID", "--access-token", "VONAGE_ACCESS_TOKEN");
    assertThat(noHost.exitCode()).isEqualTo(2);
    assertThat(noHost.err()).contains("--base-url", "VOIPNOW_BASE_URL");
    assertThat(noAccount.exitCode()).isEqualTo(2);
    assertThat(noAccount.err()).contains("--account", "TALKDESK_ACCOUNT");
  }

  @Test
  void anUnknownRegionIsAUsageError() {
    CliRun run =
        CliRun.run("talkdesk", "presence", "u1", "--region", "mars", "--access-token=tok-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("region must be us, eu or ca, was 'mars'");
  }

  @Test
  void anIdTheSdkRefusesIsAUsageErrorAndNothingIsSent() {
    try (VonageFake fake = VonageFake.builder().build()) {
      CliRun run =
          CliRun.run(
              "vonage",
              "presence",
              "not-a-guid",
              "--base-url",
              fake.baseUrl().toString(),
              "--access-token",
              fake.staticToken());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("USER_ID must be a GUID").contains("not-a-guid");
      assertThat(fake.requests().count()).isZero();
    }
  }

  @Test
  void availabilityFiltersAreCheckedBeforeSending() {
    CliRun run =
        CliRun.run(
            "--demo",
            "vonage",
            "availability",
            "--group",
            "69962baf-e196-461b-9547-aabd8db075fc",
            "--queue",
            "ba06533c-fe7b-49a3-b868-886086fd001d");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--group and --queue cannot be used together");
  }

  @Test
  void presencesWithoutIdsOutsideDemoModeIsAUsageError() {
    CliRun run =
        CliRun.run(
            "vonage",
            "presences",
            "--base-url",
            "http://127.0.0.1:9/",
            "--access-token",
            "tok-unused-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give at least one user id");
  }

  @Test
  void usageErrorsAreJsonWithJson() {
    CliRun run = CliRun.run("--json", "--demo", "talkdesk", "set-status", "u1", "lunch");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.jsonErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error).containsEntry("error", "usage");
              assertThat((String) error.get("message")).contains("STATUS must be");
            });
  }
}
