package io.github.presencesdk.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.squareup.moshi.JsonReader;
import io.github.presencesdk.testsupport.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * One run of the command-line tool, with what it printed. What it prints does not pass through
 * {@code System.out} and {@code System.err}, where the suite's secret scan looks, so every run is
 * scanned here: output that holds a token or a client secret fails the test.
 *
 * <p>Unless a test sets {@code COLUMNS} itself, the tool runs {@link #WIDE} columns wide, so that
 * tables are not cut and a test can look for whole rows.
 */
record CliRun(int exitCode, String out, String err) {
  /** The width the tool runs at when a test does not set {@code COLUMNS}. */
  static final String WIDE = "300";

  /** Runs the tool with {@code env} as its environment and no terminal. */
  static CliRun run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  /** Runs the tool with no environment and no terminal. */
  static CliRun run(String... args) {
    return run(Map.of(), false, args);
  }

  static CliRun run(Map<String, String> env, boolean terminal, String... args) {
    return withInput(env, terminal, "", null, args);
  }

  /**
   * Runs the tool with {@code stdin} as its standard input, and with {@code terminal} as the
   * terminal on which secrets are asked for without echo, or none when null.
   */
  static CliRun withInput(
      Map<String, String> env,
      boolean terminal,
      String stdin,
      SecretPrompt.@Nullable Terminal secretTerminal,
      String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.putIfAbsent("COLUMNS", WIDE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, UTF_8);
        PrintStream errStream = new PrintStream(err, true, UTF_8)) {
      SecretPrompt prompt =
          new SecretPrompt(
              errStream, new ByteArrayInputStream(stdin.getBytes(UTF_8)), false, secretTerminal);
      code = PresenceCli.run(args, outStream, errStream, environment, terminal, prompt);
    }
    CliRun run = new CliRun(code, out.toString(UTF_8), err.toString(UTF_8));
    // The message must not name the arguments: they may hold the secret.
    Secrets.assertNoSecret("the presence tool's standard output", run.out());
    Secrets.assertNoSecret("the presence tool's standard error", run.err());
    return run;
  }

  /** Standard output and standard error together. */
  String all() {
    return out + err;
  }

  /** The lines of standard output, each parsed as one JSON object. */
  List<Map<String, Object>> jsonLines() {
    return parseLines(out);
  }

  /** The lines of standard error, each parsed as one JSON object. */
  List<Map<String, Object>> jsonErrors() {
    return parseLines(err);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parseLines(String text) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String line : text.lines().toList()) {
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(line))) {
        Object value = reader.readJsonValue();
        if (!(value instanceof Map) || reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new AssertionError("not one JSON object: " + line);
        }
        objects.add((Map<String, Object>) value);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + line, e);
      }
    }
    return objects;
  }
}
