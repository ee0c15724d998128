package io.github.presencesdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testkit.TalkdeskFake;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.testkit.VonageFake;
import io.github.presencesdk.testsupport.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each per-vendor example program as its vendor page under docs/ shows it, in a JVM of its own
 * with the environment it reads, against the testkit's fakes, and checks what it prints and its
 * exit code.
 */
final class ExamplesSmokeTest {
  private static final String UNKNOWN_VCC_USER = "0b5e4a1c-9d3f-4e2a-8c7b-6f5e4d3c2b1a";
  private static final String UNKNOWN_TALKDESK_USER = "ffffffffffffffffffffffff";

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  @Test
  void vonageExampleReadsPresencesListsDefinitionsAndSetsAPresence() throws Exception {
    try (VonageFake fake = VonageFake.demo()) {
      String first = fake.userIds().get(1);
      String second = fake.userIds().get(2);

      Run run =
          run(
              VonageExample.class,
              Map.of(
                  "VONAGE_BASE_URL", fake.baseUrl().toString(),
                  "VONAGE_TOKEN_URL", fake.tokenUrl().toString(),
                  "VONAGE_CLIENT_ID", fake.clientId(),
                  "VONAGE_CLIENT_SECRET", fake.clientSecret()),
              "--set",
              VonageFake.AWAY_PRESENCE_ID,
              first,
              second,
              UNKNOWN_VCC_USER);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .contains("Presences:")
          .containsPattern("  " + first + "  AVAILABLE +Ready ")
          .contains("  " + second + "  ")
          .contains("  " + UNKNOWN_VCC_USER + "  (not known to VCC)")
          .contains("Presence definitions:")
          .containsPattern("  " + VonageFake.AWAY_PRESENCE_ID + "  Break +Away")
          .contains("  (not selectable)")
          .contains("Set " + first + " to:")
          .containsPattern("  " + first + "  AWAY +Away +Break ");
      assertThat(fake.currentPresenceId(first)).isEqualTo(VonageFake.AWAY_PRESENCE_ID);
    }
  }

  @Test
  void vonageExampleWithoutSettingsIsAUsageError() throws Exception {
    Run run = run(VonageExample.class, Map.of(), "c07da2cc-7a64-476e-aa95-be7042332a95");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: VonageExample");
  }

  @Test
  void talkdeskExampleReadsUsersListsCustomStatusesAndSetsAStatus() throws Exception {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      String first = fake.userIds().get(0);
      String second = fake.userIds().get(1);

      Run run =
          run(
              TalkdeskExample.class,
              Map.of(
                  "TALKDESK_BASE_URL", fake.baseUrl().toString(),
                  "TALKDESK_TOKEN_URL", fake.tokenUrl().toString(),
                  "TALKDESK_CLIENT_ID", fake.clientId(),
                  "TALKDESK_CLIENT_SECRET", fake.clientSecret()),
              "--set-status=away",
              first,
              second,
              UNKNOWN_TALKDESK_USER);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .contains("One user:\n  " + first + ": ")
          .contains("All users:")
          .contains("  " + second + ": ")
          .contains("  " + UNKNOWN_TALKDESK_USER + ": no such user")
          .contains("Custom statuses:")
          .contains("  " + fake.customStatusIds().get(0) + "  ")
          .contains("Status of " + first + " set to away");
      assertThat(fake.status(first)).isEqualTo("away");
    }
  }

  @Test
  void talkdeskExampleReportsAnUnknownFirstUserAsAVendorError() throws Exception {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      Run run =
          run(
              TalkdeskExample.class,
              Map.of(
                  "TALKDESK_BASE_URL", fake.baseUrl().toString(),
                  "TALKDESK_TOKEN_URL", fake.tokenUrl().toString(),
                  "TALKDESK_CLIENT_ID", fake.clientId(),
                  "TALKDESK_CLIENT_SECRET", fake.clientSecret()),
              UNKNOWN_TALKDESK_USER);

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("Talkdesk call failed: ").contains("404");
    }
  }

  @Test
  void voipNowExampleListsByPrefixAndReadsExtensions() throws Exception {
    try (VoipNowFake fake =
        VoipNowFake.builder()
            .extension("0003*201", 1)
            .extension("0003*202", 3)
            .extension("0003*203", 2, "Polycom VVX 450", 1)
            .extension("0004*201", 0)
            .build()) {
      Map<String, String> env =
          Map.of(
              "VOIPNOW_BASE_URL", fake.baseUrl().toString(),
              "VOIPNOW_TOKEN_URL", fake.tokenUrl().toString(),
              "VOIPNOW_CLIENT_ID", fake.clientId(),
              "VOIPNOW_CLIENT_SECRET", fake.clientSecret());

      Run listing = run(VoipNowExample.class, env, "--prefix", "0003*");
      Run reading = run(VoipNowExample.class, env, "0003*202", "0004*201", "0003*299");

      assertThat(listing.exitCode()).as(listing.err()).isZero();
      assertThat(listing.err()).isEmpty();
      assertThat(listing.out())
          .containsPattern("0003\\*201 +ONLINE +AVAILABLE +0 registration\\(s\\)")
          .containsPattern("0003\\*203 +RINGING +BUSY +1 registration\\(s\\)")
          .doesNotContain("0004*201")
          .contains("By state: {AVAILABLE=1, BUSY=2}");
      assertThat(reading.exitCode()).as(reading.err()).isZero();
      assertThat(reading.out())
          .containsPattern("0003\\*202 +BUSY +\\(VoipNow status 3\\)")
          .containsPattern("0004\\*201 +OFFLINE +\\(VoipNow status 0\\)")
          .containsPattern("0003\\*299 +not found");
    }
  }

  @Test
  void voipNowExampleReportsAnUnreachableHostAsANetworkFailure() throws Exception {
    Run run =
        run(
            VoipNowExample.class,
            Map.of(
                "VOIPNOW_BASE_URL", "http://127.0.0.1:9/",
                "VOIPNOW_ACCESS_TOKEN", "tok-example-unreachable"));

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("Could not reach VoipNow: ");
  }

  /**
   * Runs {@code main} in a new JVM on this test's class path, with the vendors' variables of this
   * process's environment replaced by {@code env}; output that holds a secret fails the test.
   */
  private Run run(Class<?> main, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            name -> {
              String upper = name.toUpperCase(Locale.ROOT);
              return upper.startsWith("VONAGE_")
                  || upper.startsWith("TALKDESK_")
                  || upper.startsWith("VOIPNOW_");
            });
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    // A hang guard only: each of these programs ends within a second or two.
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not end within 2 minutes");
    }
    Run run = new Run(process.exitValue(), read(out), read(err));
    Secrets.assertNoSecret("the standard output of " + main.getSimpleName(), run.out());
    Secrets.assertNoSecret("the standard error of " + main.getSimpleName(), run.err());
    return run;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, UTF_8).replace(System.lineSeparator(), "\n");
  }
}
