package io.github.presencesdk.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether the progress line is shown: the launcher tests standard error itself ({@code [ -t 2 ]})
 * and says so in a system property, which the tool follows; started otherwise, the tool falls back
 * to asking whether the process has a terminal.
 */
final class CliTerminalTest {
  private static final String PROPERTY = "-D" + PresenceCli.STDERR_IS_TERMINAL + "=";

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    // launcher's property, console, progress shown, console asked
    "true, false, true, false",
    "TRUE, false, true, false",
    "false, true, false, false",
    " false , true, false, false",
    ", true, true, true",
    ", false, false, true",
    "yes, false, false, true",
    "'', true, true, true"
  })
  void theLauncherDecidesAndTheConsoleIsTheFallback(
      String launcher, boolean console, boolean expected, boolean fallback) {
    boolean[] asked = {false};

    boolean shown =
        PresenceCli.stderrIsTerminal(
            launcher,
            () -> {
              asked[0] = true;
              return console;
            });

    assertThat(shown).isEqualTo(expected);
    assertThat(asked[0]).as("console asked").isEqualTo(fallback);
  }

  @Test
  void theLauncherSaysNoWhenStandardErrorIsRedirected() throws Exception {
    String printed =
        launch("bash bin/launch " + PresenceCli.class.getName() + " 2>/dev/null", false);

    assertThat(printed).contains(PROPERTY + "false");
  }

  @Test
  void theLauncherSaysYesWhenOnlyStandardErrorIsATerminal() throws Exception {
    assumeScript();
    Path out = dir.resolve("out.txt");

    // Standard output goes to a file, as with 'presence ... > file': System.console() is null
    // then, yet the progress line belongs on the terminal that standard error still is.
    launch("bash bin/launch " + PresenceCli.class.getName() + " > " + out, true);

    assertThat(Files.readString(out, UTF_8)).contains(PROPERTY + "true");
  }

  @Test
  void theLauncherSaysNoWhenOnlyStandardErrorIsRedirectedFromATerminal() throws Exception {
    assumeScript();

    // Standard input and output are the terminal, so System.console() would say yes.
    String printed =
        launch("bash bin/launch " + PresenceCli.class.getName() + " 2> /dev/null", true);

    assertThat(printed).contains(PROPERTY + "false");
  }

  @Test
  void theLauncherPassesTheWidthOfTheTerminalStandardOutputIsOn() throws Exception {
    assumeScript();
    Path out = dir.resolve("out.txt");

    String onTerminal =
        launch("stty cols 123 rows 40; bash bin/launch " + PresenceCli.class.getName(), true);
    launch(
        "stty cols 123 rows 40; bash bin/launch " + PresenceCli.class.getName() + " > " + out,
        true);

    assertThat(onTerminal).contains("-D" + Text.COLUMNS_PROPERTY + "=123");
    // Written to a file, the output has no terminal width: the tool's default applies.
    assertThat(Files.readString(out, UTF_8)).doesNotContain(Text.COLUMNS_PROPERTY);
  }

  @Test
  void noColorCodeOfTheBuildPrecedesTheProgramsOutputOnATerminal() throws Exception {
    assumeScript();
    // A copy of the launcher in a tree of its own, with a Maven that writes a color reset to each
    // of
    // its streams that is a terminal (as Maven does), and a "java" that prints a banner.
    Path root = dir.resolve("root");
    Path bin = Files.createDirectories(root.resolve("examples/bin"));
    Files.copy(Path.of("bin/launch"), bin.resolve("launch"));
    script(
        root.resolve("mvnw"),
        "[[ -t 1 ]] && printf '\\033[0m'",
        "[[ -t 2 ]] && printf '\\033[0m' >&2",
        "mkdir -p examples/target/classes",
        "printf '%s' \"$PWD/examples/target/classes\" > examples/target/classpath.txt",
        "exit 0");
    Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
    script(jdk.resolve("java"), "echo BANNER");

    ProcessBuilder builder =
        new ProcessBuilder(
                "/usr/bin/script",
                "-q",
                "-e",
                "-c",
                "bash " + bin.resolve("launch") + " Main",
                "/dev/null")
            .directory(root.toFile());
    builder.environment().put("JAVA_HOME", jdk.getParent().toString());
    Path log = dir.resolve("session.log");
    builder.redirectOutput(log.toFile()).redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the launcher ended").isTrue();

    String session = Files.readString(log, UTF_8);
    assertThat(session).contains("Building presence-sdk").contains("BANNER");
    assertThat(session).doesNotContain("\u001b");
  }

  private static void script(Path file, String... lines) throws Exception {
    Files.writeString(file, "#!/usr/bin/env bash\n" + String.join("\n", lines) + "\n", UTF_8);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  private static void assumeScript() {
    assumeThat(new File("/usr/bin/script"))
        .as("util-linux script, to run the launcher on a terminal")
        .exists();
  }

  /**
   * Runs {@code command} with bash in this module's directory, on a new terminal ({@code script})
   * or with every stream a pipe, and with the launcher's dry run; returns standard output.
   */
  private String launch(String command, boolean terminal) throws Exception {
    List<String> argv =
        terminal
            ? List.of("/usr/bin/script", "-q", "-e", "-c", command, "/dev/null")
            : List.of("bash", "-c", command);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(new File("."));
    builder.environment().put("PRESENCE_LAUNCH_DRY_RUN", "1");
    Path out = dir.resolve("launch-out.txt");
    builder.redirectOutput(out.toFile()).redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    // A hang guard only: the dry run prints a line and ends.
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
    assertThat(process.exitValue()).isZero();
    return Files.readString(out, UTF_8);
  }
}
