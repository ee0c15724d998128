package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceClientBuilder;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One read or write of one vendor client, with the well-behaved fake server that answers it and the
 * check of a correct result.
 */
abstract class Operation {
  /** What a client is built with in the matrix. */
  record Env(
      HttpUrl baseUrl,
      OkHttpClient http,
      TestTime time,
      RetryPolicy retryPolicy,
      Duration attemptTimeout,
      Duration totalTimeout,
      String token) {
    /** {@code builder} set up with everything of this environment. */
    <B extends PresenceClientBuilder<B>> B configure(B builder) {
      return builder
          .baseUrl(baseUrl)
          .accessToken(token)
          .okHttpClient(http)
          .clock(time)
          .sleeper(time)
          .retryPolicy(retryPolicy)
          .attemptTimeout(attemptTimeout)
          .totalTimeout(totalTimeout);
    }
  }

  /** A status and body of the well-behaved server. */
  record Answer(int code, String body) {
    static Answer ok(String body) {
      return new Answer(200, body);
    }
  }

  final String vendor;
  final String name;
  final boolean retrySafe;

  Operation(String vendor, String name, boolean retrySafe) {
    this.vendor = vendor;
    this.name = name;
    this.retrySafe = retrySafe;
  }

  /** Builds the vendor's client. */
  abstract PresenceClient<?> client(Env env);

  /** Runs the operation. */
  abstract Object call(PresenceClient<?> client);

  /** The answer of a well-behaved server. */
  abstract Answer good(RecordedRequest request);

  /**
   * Checks that {@code result} is the correct answer to the operation when the server sent the good
   * body changed by {@code fault} (null for no change).
   */
  abstract void verify(Object result, Fault fault);

  /** Values this SDK does not know, by field name, for {@link Fault#UNKNOWN_ENUM_VALUES}. */
  abstract Map<String, Object> unknownEnumValues();

  /** Fields the answer can do without, for {@link Fault#MISSING_OPTIONAL_FIELDS}. */
  abstract Set<String> optionalFields();

  /** Fields the answer cannot do without, for {@link Fault#MISSING_REQUIRED_FIELDS}. */
  abstract Set<String> requiredFields();

  /**
   * The exception a persistent body fault must end in, or null if the operation must still return a
   * correct result.
   */
  Class<? extends RuntimeException> expectedForBodyFault(Fault fault) {
    return fault.kind.exception;
  }

  /** How many distinct requests a run against a well-behaved server sends. */
  int requestsWhenClean() {
    return bulk() ? chunks().size() : 1;
  }

  /** Whether the operation is a bulk read of ids. */
  final boolean bulk() {
    return chunkSize() > 0;
  }

  /** How many ids the client asks for in one request of a bulk read; 0 if not a bulk read. */
  int chunkSize() {
    return 0;
  }

  /** The ids a bulk read asks for, as the caller passes them (duplicates included). */
  List<String> requestedIds() {
    return List.of();
  }

  /** The distinct ids of a bulk read, in order. */
  final List<String> distinctIds() {
    return new ArrayList<>(new LinkedHashSet<>(requestedIds()));
  }

  /** The chunks the client splits a bulk read into. */
  final List<List<String>> chunks() {
    return bulk() ? partition(distinctIds(), chunkSize()) : List.of();
  }

  /** The id whose chunk fails in {@link Mode#ONE_CHUNK}. */
  String poisonId() {
    throw new UnsupportedOperationException(name + " is not a bulk read");
  }

  /** Whether {@code request} asks for the poison id. */
  boolean concernsPoison(RecordedRequest request) {
    throw new UnsupportedOperationException(name + " is not a bulk read");
  }

  /** Splits ids into chunks of {@code size}, as the core does. */
  static List<List<String>> partition(List<String> ids, int size) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
    }
    return chunks;
  }

  /**
   * Checks the result of a bulk read: every distinct id requested, in order, those in {@code
   * unknown} reported unknown and the others found, each presence passing {@code check}.
   */
  final void verifyBatch(
      Object result, List<String> unknown, BiConsumer<String, Presence<?>> check) {
    PresenceBatch<?> batch = (PresenceBatch<?>) result;
    assertThat(batch.requestedIds()).isEqualTo(distinctIds());
    assertThat(batch.unknownIds()).containsExactlyElementsOf(unknown);
    assertThat(batch.asMap().keySet())
        .containsExactlyElementsOf(
            distinctIds().stream().filter(id -> !unknown.contains(id)).toList());
    batch.asMap().forEach(check);
  }

  /**
   * Checks a presence of {@code id}: in {@code state} with {@code vendorStatus}, or, under {@link
   * Fault#UNKNOWN_ENUM_VALUES}, in {@link PresenceState#UNKNOWN} with {@code unknownStatus}.
   */
  static void verifyPresence(
      Presence<?> p,
      String id,
      Fault fault,
      PresenceState state,
      String vendorStatus,
      String unknownStatus) {
    assertThat(p.userId()).isEqualTo(id);
    if (fault == Fault.UNKNOWN_ENUM_VALUES) {
      assertThat(p.state()).isEqualTo(PresenceState.UNKNOWN);
      assertThat(p.vendorStatus()).isEqualTo(unknownStatus);
    } else {
      assertThat(p.state()).isEqualTo(state);
      assertThat(p.vendorStatus()).isEqualTo(vendorStatus);
    }
  }

  /**
   * Checks the presence a write answered with: {@code id}'s, in {@code state}, or in {@link
   * PresenceState#UNKNOWN} under {@link Fault#UNKNOWN_ENUM_VALUES}.
   */
  static void verifyWritten(Presence<?> p, String id, PresenceState state, Fault fault) {
    assertThat(p.userId()).isEqualTo(id);
    assertThat(p.state())
        .isEqualTo(fault == Fault.UNKNOWN_ENUM_VALUES ? PresenceState.UNKNOWN : state);
  }

  /**
   * Waits for the future of an async call and throws what it failed with, as the sync form throws
   * it: {@code join()} wraps the failure in a {@link CompletionException}.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return vendor + " " + name;
  }
}
