package io.github.presencesdk.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.testkit.VonageFake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --client-secret} without a value: asked for on standard error, never on standard output,
 * where it would break a {@code --json} pipe; read without echo on a terminal, as a line of
 * standard input without one, and a clear failure when there is neither.
 */
final class CliSecretPromptTest {
  private static final String SECRET = "prompt-s3cr3t-marker-3";
  private static final String AGENT = "c07da2cc-7a64-476e-aa95-be7042332a95";

  @Test
  void withoutATerminalTheSecretIsReadFromStandardInputAndThePromptGoesToStandardError() {
    try (VonageFake fake = fake()) {
      CliRun run =
          CliRun.withInput(Map.of(), false, SECRET + "\n", null, args(fake, "--client-secret"));

      assertThat(run.exitCode()).isZero();
      // Standard output holds the JSON line and nothing else.
      assertThat(run.jsonLines())
          .singleElement()
          .satisfies(l -> assertThat(l).containsEntry("userId", AGENT));
      assertThat(run.err())
          .startsWith("Enter the vonage client secret (--client-secret): ")
          .doesNotContain("((")
          .doesNotContain(SECRET);
    }
  }

  @Test
  void onATerminalTheSecretIsReadWithoutEcho() {
    try (VonageFake fake = fake()) {
      boolean[] asked = {false};
      CliRun run =
          CliRun.withInput(
              Map.of(),
              false,
              "",
              () -> {
                asked[0] = true;
                return SECRET.toCharArray();
              },
              args(fake, "--client-secret"));

      assertThat(run.exitCode()).isZero();
      assertThat(asked[0]).isTrue();
      assertThat(run.jsonLines()).hasSize(1);
      assertThat(run.err()).isEqualTo("Enter the vonage client secret (--client-secret): ");
    }
  }

  @Test
  void withNoTerminalAndNoInputItFailsNamingTheOptionAndTheVariable() {
    try (VonageFake fake = fake()) {
      CliRun json = CliRun.withInput(Map.of(), false, "", null, args(fake, "--client-secret"));
      CliRun table =
          CliRun.withInput(
              Map.of(),
              false,
              "",
              null,
              "vonage",
              "presence",
              AGENT,
              "--region",
              "emea",
              "--client-id",
              "app-1",
              "--client-secret");

      assertThat(json.exitCode()).isEqualTo(2);
      assertThat(json.out()).isEmpty();
      // The prompt, then the error as a JSON line.
      List<String> errLines = json.err().lines().toList();
      assertThat(errLines).hasSize(2);
      assertThat(errLines.get(0)).isEqualTo("Enter the vonage client secret (--client-secret): ");
      assertThat(new CliRun(2, "", errLines.get(1)).jsonErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e).containsEntry("error", "usage");
                assertThat((String) e.get("message"))
                    .contains("--client-secret has no value")
                    .contains("VONAGE_CLIENT_SECRET");
              });
      assertThat(table.exitCode()).isEqualTo(2);
      assertThat(table.out()).isEmpty();
      assertThat(table.err()).contains("--client-secret has no value", "VONAGE_CLIENT_SECRET");
      assertThat(fake.requests().count()).isZero();
    }
  }

  @Test
  void aTerminalThatWouldEchoIsNotReadFrom() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SecretPrompt prompt =
        new SecretPrompt(
            new PrintStream(err, true, UTF_8),
            new ByteArrayInputStream((SECRET + "\n").getBytes(UTF_8)),
            true,
            null);

    assertThatThrownBy(
            () -> prompt.ask("talkdesk access token", "--access-token", "TALKDESK_ACCESS_TOKEN"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--access-token has no value")
        .hasMessageContaining("without echo")
        .hasMessageContaining("TALKDESK_ACCESS_TOKEN");
    assertThat(err.toString(UTF_8)).isEmpty();
  }

  private static VonageFake fake() {
    return VonageFake.builder().demoWorld().clientSecret(SECRET).build();
  }

  private static String[] args(VonageFake fake, String... more) {
    String[] base = {
      "--json",
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
}
