package com.example.consumer;

/** The consumer's own assertions: a failed one ends the program, and so the build, with a message. */
public final class Check {
  private Check() {}

  public static void that(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("consumer check failed: " + what);
    }
  }
}
