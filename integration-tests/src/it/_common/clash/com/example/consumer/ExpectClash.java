package com.example.consumer;

import io.github.presencesdk.vonage.VonageClient;

/**
 * A build that holds okio at Moshi's 3.7.0: building a client must fail at once with a message
 * that names the versions found and the dependency to add, not with a linkage error later.
 */
public final class ExpectClash {
  private ExpectClash() {}

  public static void main(String[] args) {
    Resolved.printVersions();
    try {
      VonageClient.builder().baseUrl("http://127.0.0.1:9").accessToken("example-token").build();
      throw new AssertionError("consumer check failed: the client was built on okio 3.7.0");
    } catch (IllegalStateException expected) {
      String message = String.valueOf(expected.getMessage());
      System.out.println("building a client failed as it should: " + message);
      Check.that(message.contains("okio 3.7.0 is older than"), "the message names okio 3.7.0");
      Check.that(message.contains("Found OkHttp 5.3.2, okio 3.7.0"), "the message names both");
      Check.that(
          message.contains("com.squareup.okio:okio-jvm:3.16.4"), "the message names the fix");
    }
    System.out.println("consumer ok: a clear failure on okio 3.7.0");
  }
}
