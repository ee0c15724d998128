package com.example.consumer;

import io.github.presencesdk.Capability;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Uses the public API of the installed artifact the way an application would. */
public final class Main {
  record Detail(String raw) implements PresenceDetail {}

  public static void main(String[] args) {
    Presence<Detail> ready =
        Presence.of("u1", PresenceState.AVAILABLE, "Ready", "Ready", null, new Detail("Ready"));
    PresenceBatch<Detail> batch =
        PresenceBatch.of(List.of("u1", "u2"), Map.of("u1", ready), Set.of("u2"));
    check(batch.presence("u1").orElseThrow().isAvailable(), "u1 is available");
    check(batch.unknownIds().contains("u2"), "u2 is unknown");

    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100)).jitter(0).build();
    check(policy.backoff(3, 0).equals(Duration.ofMillis(400)), "backoff grows");

    PresenceException failure = new PartialFailureException(batch, Map.of());
    check(failure.getMessage().startsWith("0 of 2"), "partial failure message");
    check(Capability.valueOf("SET_PRESENCE") == Capability.SET_PRESENCE, "capabilities");

    System.out.println("presence-sdk-api works from a project outside the build: " + batch);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("failed: " + what);
    }
  }
}
