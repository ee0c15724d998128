package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a person reads: errors name the options they typed, counts are grouped and pluralized, the
 * tool says its version and its usage, and output has the same shape for every vendor.
 */
final class CliWordingTest {
  private static final String GROUP = "69962baf-e196-461b-9547-aabd8db075fc";
  private static final String QUEUE = "ba06533c-fe7b-49a3-b868-886086fd001d";

  // Errors name options and parameters, not the SDK's fields.

  @Test
  void aRefusedUserIdIsNamedAsTheParameter() {
    CliRun run = CliRun.run("--demo", "vonage", "presences", "not-a-guid");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("USER_ID must be a GUID").doesNotContain("userIds");
  }

  @Test
  void aRefusedSkillIsNamedAsTheOption() {
    CliRun run = CliRun.run("--demo", "vonage", "availability", "--skill", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--skill must be a GUID").doesNotContain("skillGuids");
  }

  @Test
  void groupAndQueueTogetherNameTheOptions() {
    CliRun run = CliRun.run("--demo", "vonage", "availability", "--group", GROUP, "--queue", QUEUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--group and --queue cannot be used together")
        .doesNotContain("Guids");
  }

  @Test
  void anIncompleteFilterNamesTheOptions() {
    CliRun noValue = CliRun.run("--demo", "voipnow", "list", "--filter-op", "startsWith");
    CliRun noOp = CliRun.run("--demo", "voipnow", "list", "--filter-value", "0003*");

    assertThat(noValue.exitCode()).isEqualTo(2);
    assertThat(noValue.err())
        .contains("--filter-op needs --filter-value")
        .doesNotContain("filterOp");
    assertThat(noOp.exitCode()).isEqualTo(2);
    assertThat(noOp.err())
        .contains("--filter-value needs --filter-op")
        .doesNotContain("filterValue");
  }

  @Test
  void aPageSizeOutOfRangeNamesTheOption() {
    CliRun tooLarge = CliRun.run("--demo", "voipnow", "list", "--page-size", "6000");
    CliRun zero = CliRun.run("--demo", "voipnow", "list", "--page-size", "0");

    assertThat(tooLarge.exitCode()).isEqualTo(2);
    assertThat(tooLarge.err())
        .contains("--page-size must be between 1 and 5000, was 6000")
        .doesNotContain("count");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--page-size must be between 1 and 5000, was 0");
  }

  @Test
  void plainHttpToAnotherHostNamesTheOptionAndNoBuilderMethod() {
    CliRun run =
        CliRun.run(
            "vonage",
            "presence",
            "c07da2cc-7a64-476e-aa95-be7042332a95",
            "--base-url",
            "http://vcc.example.com",
            "--access-token",
            "tok-unused-2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--base-url http://vcc.example.com")
        .contains("https")
        .doesNotContain("allowInsecureHttp")
        .doesNotContain("baseUrl");
  }

  @Test
  void livenessValuesAreWrittenAsTheHelpWritesThem() {
    CliRun wrong = CliRun.run("--demo", "vonage", "availability", "--liveness", "semi");
    CliRun help = CliRun.run("vonage", "availability", "--help");
    CliRun right = CliRun.run("--demo", "vonage", "availability", "--liveness", "SemiLive");

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err())
        .contains("'semi' is not one of live, semilive, nonlive")
        .doesNotContain("SEMILIVE");
    assertThat(help.out()).contains("live (default), semilive or nonlive");
    assertThat(right.exitCode()).isZero();
    assertThat(right.out()).contains("liveness: semilive");
  }

  @Test
  void aClientIdWithoutASecretSaysTheSecretIsMissing() {
    CliRun run =
        CliRun.run(
            Map.of("VONAGE_REGION", "emea", "VONAGE_CLIENT_ID", "app-1"),
            "vonage",
            "presence",
            "c07da2cc-7a64-476e-aa95-be7042332a95");
    CliRun option =
        CliRun.run(
            "voipnow", "list", "--base-url", "https://voipnow.example.com", "--client-id", "app-2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("vonage has a client id but no client secret")
        .contains("--client-secret", "VONAGE_CLIENT_SECRET");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("--client-secret", "VOIPNOW_CLIENT_SECRET");
  }

  @Test
  void sdkNamesAreReplacedAsWholeWordsOnly() {
    Map<String, String> names = Map.of("userIds", "USER_ID", "count", "--page-size");

    assertThat(Failures.inUserTerms("userIds[3] must be a GUID, was \"x\"", names))
        .isEqualTo("USER_ID must be a GUID, was \"x\"");
    assertThat(Failures.inUserTerms("count must be at least 1", names))
        .isEqualTo("--page-size must be at least 1");
    // A plain word is prose unless it begins the message; a quoted value is the user's own.
    assertThat(Failures.inUserTerms("the count of \"userIds\" is wrong", names))
        .isEqualTo("the count of \"userIds\" is wrong");
  }

  // Numbers are grouped and counted nouns agree with their number.

  @Test
  void theProgressLineSaysOnePageNotOnePages() {
    CliRun run =
        CliRun.run(Map.of(), true, "--demo", "voipnow", "list", "--page-size", "1", "--limit", "1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("\rlisted 1 extension, 1 page ...");
    assertThat(run.out()).contains("1 extension in 1 page: 1 AVAILABLE");
  }

  @Test
  void theListingSummaryGroupsThousands() {
    CliRun run = CliRun.run("--demo", "voipnow", "list", "--page-size", "5000", "--limit", "5000");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("5,000 extensions in 1 page: 2,000 AVAILABLE, 1,500 BUSY")
        .doesNotContain("5000 extensions");
  }

  // Version, help, usage.

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("presence \\(presence-sdk\\) \\d+\\.\\d+\\.\\d+\\S*\\R");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpIsACommandToo() {
    CliRun top = CliRun.run("help");
    CliRun vendor = CliRun.run("help", "voipnow");

    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("Usage: presence").contains("vonage", "talkdesk", "voipnow");
    assertThat(vendor.exitCode()).isZero();
    assertThat(vendor.out()).contains("Usage: presence voipnow").contains("list");
  }

  @Test
  void noVendorShowsTheUsage() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("give a vendor: vonage, talkdesk or voipnow")
        .contains("Usage: presence")
        .contains("--demo", "--json", "--version");
  }

  @Test
  void anUnknownVendorOrCommandListsTheKnownOnes() {
    CliRun vendor = CliRun.run("zoom", "presences");
    CliRun command = CliRun.run("--demo", "vonage", "nap");

    assertThat(vendor.exitCode()).isEqualTo(2);
    assertThat(vendor.err())
        .contains("unknown vendor 'zoom'; the vendors are vonage, talkdesk and voipnow")
        .doesNotContain("Unmatched argument");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err())
        .contains("unknown command 'nap' of vonage; the commands are ")
        .contains("availability", "definitions", "presences", "set-presence");
  }

  // The same output for every vendor.

  @Test
  void aListingLineIsAPresenceLine() {
    CliRun listed =
        CliRun.run(
            "--demo", "--json", "voipnow", "list", "--extension", "0001*100", "--limit", "1");
    CliRun read = CliRun.run("--demo", "--json", "voipnow", "presence", "0001*100");

    assertThat(listed.exitCode()).isZero();
    assertThat(read.exitCode()).isZero();
    Map<String, Object> line = listed.jsonLines().get(0);
    Map<String, Object> presence = read.jsonLines().get(0);
    assertThat(listed.jsonLines()).hasSize(1);
    assertThat(line)
        .containsOnlyKeys(
            "vendor", "userId", "state", "vendorStatus", "label", "updatedAt", "detail")
        .containsEntry("userId", "0001*100");
    // The same object, but for the registrations' expiry, which the fake counts from now.
    assertThat(line)
        .usingRecursiveComparison()
        .ignoringFields("detail.registrations")
        .isEqualTo(presence);
    assertThat(line.keySet()).containsExactlyElementsOf(presence.keySet());
  }

  @Test
  void voipNowPresencesShowStatusNamesAsTheListingDoes() {
    CliRun presences = CliRun.run("--demo", "voipnow", "presences", "0001*100", "0001*101");
    CliRun listed = CliRun.run("--demo", "voipnow", "list", "--limit", "2");

    assertThat(presences.out()).contains("0001*100  AVAILABLE  ONLINE ");
    assertThat(listed.out()).contains("0001*100   ONLINE ");
    assertThat(presences.out().lines().skip(1))
        .allSatisfy(row -> assertThat(row.split(" +")[2]).matches("[A-Z]+"));
  }

  @Test
  void availabilityHasRealColumns() {
    CliRun run = CliRun.run("--demo", "vonage", "availability");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).contains("liveness: live");
    assertThat(run.out())
        .doesNotContain("extendedAway", "incompatiblePresence", "loggedOut", "SUMMARY")
        .containsPattern("(?m)^PRESENCE +AGENTS$")
        .containsPattern("(?m)^Extended away +\\d+$")
        .containsPattern("(?m)^AVAILABILITY +AGENTS$")
        .containsPattern("(?m)^Incompatible presence +\\d+$");
    // The counts are right-aligned under their header.
    String header = lines.get(0);
    assertThat(lines.subList(1, 5)).allSatisfy(row -> assertThat(row).hasSize(header.length()));
  }
}
