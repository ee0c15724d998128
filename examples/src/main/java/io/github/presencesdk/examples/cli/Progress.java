package io.github.presencesdk.examples.cli;

import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * A progress line on standard error, rewritten in place ({@code \r}) and erased when done; silent
 * when there is no terminal to show it on, so that redirected output stays clean.
 */
final class Progress {
  private final @Nullable PrintStream err;
  private int shown;

  /** Creates a progress line on {@code err}, or a silent one when {@code err} is null. */
  Progress(@Nullable PrintStream err) {
    this.err = err;
  }

  /** Replaces the progress line with {@code text}. */
  void show(String text) {
    PrintStream stream = err;
    if (stream == null) {
      return;
    }
    StringBuilder line = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < shown; i++) {
      line.append(' ');
    }
    stream.print(line);
    stream.flush();
    shown = text.length();
  }

  /** Erases the progress line. */
  void clear() {
    PrintStream stream = err;
    if (stream == null || shown == 0) {
      return;
    }
    stream.print("\r" + " ".repeat(shown) + "\r");
    stream.flush();
    shown = 0;
  }
}
