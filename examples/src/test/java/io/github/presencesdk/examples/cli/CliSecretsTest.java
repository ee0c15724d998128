package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testkit.VonageFake;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client secrets and tokens, from options or the environment, never appear in what the tool prints:
 * not on success, not in errors, not in JSON, not in help.
 */
final class CliSecretsTest {
  private static final String SECRET = "cli-s3cr3t-marker-1";
  private static final String TOKEN = "tok-cli-marker-1";
  private static final String AGENT = "c07da2cc-7a64-476e-aa95-be7042332a95";

  @Test
  void aSecretGivenAsAnOptionIsNotPrintedOnSuccess() {
    try (VonageFake fake = fake()) {
      CliRun table = CliRun.run(args(fake, "--client-secret", SECRET));
      CliRun json = CliRun.run(args(fake, "--json", "--client-secret=" + SECRET));

      assertThat(table.exitCode()).isZero();
      assertThat(table.out()).contains(AGENT);
      assertThat(json.exitCode()).isZero();
      assertNoSecret(table, json);
    }
  }

  @Test
  void aWrongSecretIsNotPrintedInTheError() {
    String wrong = "wrong-s3cr3t-marker-2";
    try (VonageFake fake = fake()) {
      CliRun table = CliRun.run(args(fake, "--client-secret", wrong));
      CliRun json = CliRun.run(args(fake, "--json", "--client-secret", wrong));

      assertThat(table.exitCode()).isEqualTo(3);
      assertThat(table.err()).contains("AuthenticationException");
      assertThat(json.exitCode()).isEqualTo(3);
      assertThat(table.all() + json.all()).doesNotContain(wrong);
    }
  }

  @Test
  void secretsFromTheEnvironmentAreNotPrintedOnErrors() {
    try (VonageFake fake = fake()) {
      // 500 is not retried: the one call fails with it.
      fake.faults().serverError(500);
      Map<String, String> env =
          Map.of(
              "VONAGE_BASE_URL", fake.baseUrl().toString(),
              "VONAGE_TOKEN_URL", fake.tokenUrl().toString(),
              "VONAGE_CLIENT_ID", fake.clientId(),
              "VONAGE_CLIENT_SECRET", SECRET);

      CliRun run = CliRun.run(env, "vonage", "presence", AGENT);

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(fake.faults().pending()).isZero();
      assertNoSecret(run);
    }
  }

  @Test
  void anAccessTokenIsNotPrintedWhenRefused() {
    try (VonageFake fake = fake()) {
      fake.revokeTokens();
      Map<String, String> env = Map.of("VONAGE_ACCESS_TOKEN", TOKEN);

      CliRun run =
          CliRun.run(env, "vonage", "presence", AGENT, "--base-url", fake.baseUrl().toString());
      CliRun json =
          CliRun.run(
              "--json",
              "vonage",
              "presence",
              AGENT,
              "--base-url",
              fake.baseUrl().toString(),
              "--access-token",
              TOKEN);

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("401");
      assertThat(json.exitCode()).isEqualTo(3);
      assertNoSecret(run, json);
    }
  }

  @Test
  void aMistypedSecretOptionIsNotEchoed() {
    CliRun inline = CliRun.run("vonage", "presences", "--client-secrte=" + SECRET, "a");
    CliRun separate = CliRun.run("vonage", "presences", "--clientsecret", SECRET, "a");
    CliRun json = CliRun.run("--json", "vonage", "presences", "--secret=" + SECRET);

    assertThat(inline.exitCode()).isEqualTo(2);
    assertThat(inline.err()).contains("Unknown option");
    assertThat(separate.exitCode()).isEqualTo(2);
    assertThat(json.exitCode()).isEqualTo(2);
    assertNoSecret(inline, separate, json);
  }

  @Test
  void helpShowsNoSecretFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "VONAGE_CLIENT_SECRET", SECRET,
            "TALKDESK_ACCESS_TOKEN", TOKEN,
            "VOIPNOW_CLIENT_SECRET", SECRET);

    CliRun vonage = CliRun.run(env, "vonage", "presences", "--help");
    CliRun talkdesk = CliRun.run(env, "talkdesk", "--help");
    CliRun voipNow = CliRun.run(env, "voipnow", "list", "--help");

    assertThat(vonage.out()).contains("--client-secret");
    assertNoSecret(vonage, talkdesk, voipNow);
  }

  private static VonageFake fake() {
    return VonageFake.builder().demoWorld().clientSecret(SECRET).staticToken(TOKEN).build();
  }

  private static String[] args(VonageFake fake, String... more) {
    String[] base = {
      "vonage",
      "presence",
      AGENT,
      "--base-url",
      fake.baseUrl().toString(),
      "--token-url",
      fake.tokenUrl().toString(),
      "--client-id",
      fake.clientId()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  private static void assertNoSecret(CliRun... runs) {
    for (CliRun run : runs) {
      assertThat(run.all()).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("s3cr3t");
    }
  }
}
