package io.github.presencesdk.examples.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;

/**
 * Asks for a secret given as a bare option ({@code --client-secret} with no value). The prompt goes
 * to standard error, never to standard output, where it would mix with the results.
 *
 * <p>On a terminal the secret is read without echo. Without one, it is read as a line from standard
 * input, so that it can be piped in; but not when standard input is a terminal that would echo it
 * (standard output redirected), and not when standard input is empty: then asking fails with a
 * message that names the option and the environment variable to use instead.
 */
final class SecretPrompt {
  /** Reads a line from the terminal without echo; null at its end. */
  interface Terminal {
    char @Nullable [] readWithoutEcho();
  }

  private final PrintStream err;
  private final InputStream in;
  private final boolean stdinIsTerminal;
  private final @Nullable Terminal terminal;
  private @Nullable BufferedReader lines;

  /**
   * @param err where the prompt goes
   * @param in standard input, read when there is no terminal
   * @param stdinIsTerminal whether standard input is a terminal, which would echo what is typed
   * @param terminal the terminal to read without echo, or null when there is none
   */
  SecretPrompt(
      PrintStream err, InputStream in, boolean stdinIsTerminal, @Nullable Terminal terminal) {
    this.err = err;
    this.in = in;
    this.stdinIsTerminal = stdinIsTerminal;
    this.terminal = terminal;
  }

  /** The process's terminal, when standard input and output both are one; else null. */
  @SuppressWarnings("SystemConsoleNull") // handled: no console, no terminal
  static @Nullable Terminal console() {
    Console console = System.console();
    if (console == null || !PresenceCli.hasTerminal()) {
      return null;
    }
    return () -> console.readPassword("");
  }

  /**
   * Asks for a secret.
   *
   * @param what what is asked for, such as {@code vonage client secret}
   * @param option the option given without a value, such as {@code --client-secret}
   * @param environmentVariable where the secret can be given instead
   * @return the secret, not blank
   * @throws IllegalStateException when there is no way to ask, or nothing was entered; the message
   *     names the option and the environment variable
   */
  String ask(String what, String option, String environmentVariable) {
    String instead = "; set " + environmentVariable + " instead, or give the value after " + option;
    Terminal tty = terminal;
    if (tty == null && stdinIsTerminal) {
      throw new IllegalStateException(
          option
              + " has no value, and it cannot be asked for without echo while standard output is"
              + " redirected"
              + instead);
    }
    err.print("Enter the " + what + " (" + option + "): ");
    err.flush();
    char[] typed = tty != null ? tty.readWithoutEcho() : readLine();
    if (tty == null) {
      err.println();
    }
    String value = typed == null ? "" : new String(typed).strip();
    if (value.isEmpty()) {
      throw new IllegalStateException(
          option
              + " has no value, and "
              + (tty != null
                  ? "none was entered"
                  : "standard input has none (no terminal to ask on)")
              + instead);
    }
    return value;
  }

  private char @Nullable [] readLine() {
    try {
      BufferedReader reader = lines;
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        lines = reader;
      }
      String line = reader.readLine();
      return line == null ? null : line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read standard input", e);
    }
  }
}
