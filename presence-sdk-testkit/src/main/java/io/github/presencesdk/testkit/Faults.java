package io.github.presencesdk.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fault switchboard of a fake: faults a test queues for the next requests.
 *
 * <p>Each fault applies to the next request, or the next {@link Scope#times(int) n} requests, that
 * match it. Without {@link #onPath(String) a path prefix} a fault matches every API request but
 * none to the token endpoint; with a prefix it matches every request whose path starts with it, so
 * a test reaches the token endpoint by naming its path:
 *
 * <pre>{@code
 * fake.faults().rateLimited(Duration.ofSeconds(2));            // the next API call gets 429
 * fake.faults().times(3).serverError(503);                      // the next three get 503
 * fake.faults().onPath("/agents/presences").disconnect();       // only a bulk read is cut
 * fake.faults().onPath(fake.tokenUrl().encodedPath()).serverError(500);
 * fake.faults().times(Integer.MAX_VALUE).slow(Duration.ofMillis(50)); // every call is slow
 * }</pre>
 *
 * <p>Faults queue in the order they are added; a request takes the first one that matches. What
 * each fault does:
 *
 * <ul>
 *   <li>{@link #rateLimited(Duration)}: status 429 with {@code Retry-After} in whole seconds
 *       (rounded up) and the vendor's error body; the request is not processed.
 *   <li>{@link #serverError(int)}: that 5xx status with the vendor's error body; not processed.
 *   <li>{@link #disconnect()}: the connection is closed before any response byte; not processed.
 *       The request log records status 0. OkHttp may retry such a call once on its own when {@code
 *       retryOnConnectionFailure} is on, and the retry takes the next fault or answer.
 *   <li>{@link #slow(Duration)}: processed normally; the response headers wait for the delay.
 *   <li>{@link #malformedBody()}: processed normally (a change of presence takes effect), then
 *       answered with status 200 and the first half of the real body, which is never valid JSON.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Faults {
  /** What a fault does. */
  enum Kind {
    NONE,
    RATE_LIMITED,
    SERVER_ERROR,
    DISCONNECT,
    SLOW,
    MALFORMED_BODY
  }

  /** One fault taken by one request. */
  record Fault(Kind kind, int status, Duration duration) {
    static final Fault NONE = new Fault(Kind.NONE, 0, Duration.ZERO);
  }

  private static final class Rule {
    final Fault fault;
    final @Nullable String pathPrefix;
    int remaining;

    Rule(Fault fault, @Nullable String pathPrefix, int remaining) {
      this.fault = fault;
      this.pathPrefix = pathPrefix;
      this.remaining = remaining;
    }

    boolean matches(String path, boolean tokenCall) {
      return pathPrefix == null ? !tokenCall : path.startsWith(pathPrefix);
    }
  }

  private final List<Rule> rules = new ArrayList<>(); // guarded by this

  Faults() {}

  /** Starts a fault that applies to the next {@code requests} matching requests. */
  public Scope times(int requests) {
    return new Scope(null, 1).times(requests);
  }

  /** Starts a fault that applies only to requests whose encoded path starts with the prefix. */
  public Scope onPath(String pathPrefix) {
    return new Scope(null, 1).onPath(pathPrefix);
  }

  /** Answers the next API request with 429 and {@code Retry-After}. */
  public Faults rateLimited(Duration retryAfter) {
    return new Scope(null, 1).rateLimited(retryAfter);
  }

  /** Answers the next API request with the given 5xx status. */
  public Faults serverError(int status) {
    return new Scope(null, 1).serverError(status);
  }

  /** Closes the connection of the next API request without answering. */
  public Faults disconnect() {
    return new Scope(null, 1).disconnect();
  }

  /** Delays the response headers of the next API request. */
  public Faults slow(Duration delay) {
    return new Scope(null, 1).slow(delay);
  }

  /** Answers the next API request with status 200 and a truncated JSON body. */
  public Faults malformedBody() {
    return new Scope(null, 1).malformedBody();
  }

  /** Removes every queued fault. */
  public synchronized void clear() {
    rules.clear();
  }

  /**
   * How many requests queued faults will still hit (saturating at {@link Integer#MAX_VALUE}). A
   * test asserts 0 to check that every fault it queued was used.
   */
  public synchronized int pending() {
    long sum = 0;
    for (Rule rule : rules) {
      sum += rule.remaining;
    }
    return (int) Math.min(sum, Integer.MAX_VALUE);
  }

  /** Takes the fault for one request, or returns {@link Fault#NONE} when none matches. */
  synchronized Fault take(String path, boolean tokenCall) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(path, tokenCall)) {
        if (--rule.remaining <= 0) {
          it.remove();
        }
        return rule.fault;
      }
    }
    return Fault.NONE;
  }

  private Faults add(Fault fault, @Nullable String pathPrefix, int times) {
    synchronized (this) {
      rules.add(new Rule(fault, pathPrefix, times));
    }
    return this;
  }

  /**
   * Which requests a fault applies to: a path prefix and a number of requests. Immutable; each
   * method returns a new scope, and the fault methods queue the fault on the switchboard.
   */
  public final class Scope {
    private final @Nullable String pathPrefix;
    private final int times;

    private Scope(@Nullable String pathPrefix, int times) {
      this.pathPrefix = pathPrefix;
      this.times = times;
    }

    /** Applies the fault to this many matching requests (at least 1). */
    public Scope times(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be at least 1: " + requests);
      }
      return new Scope(pathPrefix, requests);
    }

    /**
     * Applies the fault only to requests whose encoded path starts with {@code pathPrefix} (which
     * must start with {@code /}); this is also how a fault reaches the token endpoint.
     */
    public Scope onPath(String pathPrefix) {
      Objects.requireNonNull(pathPrefix, "pathPrefix");
      if (!pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException("pathPrefix must start with '/': " + pathPrefix);
      }
      return new Scope(pathPrefix, times);
    }

    /**
     * Answers with 429 and {@code Retry-After} set to {@code retryAfter} in seconds, rounded up.
     */
    public Faults rateLimited(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
      }
      return add(new Fault(Kind.RATE_LIMITED, 429, retryAfter), pathPrefix, times);
    }

    /** Answers with {@code status}, which must be from 500 to 599, and the vendor's error body. */
    public Faults serverError(int status) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("status must be from 500 to 599: " + status);
      }
      return add(new Fault(Kind.SERVER_ERROR, status, Duration.ZERO), pathPrefix, times);
    }

    /** Closes the connection before the response starts; the request is not processed. */
    public Faults disconnect() {
      return add(new Fault(Kind.DISCONNECT, 0, Duration.ZERO), pathPrefix, times);
    }

    /** Processes the request normally and delays the response headers by {@code delay}. */
    public Faults slow(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("delay must be positive: " + delay);
      }
      return add(new Fault(Kind.SLOW, 0, delay), pathPrefix, times);
    }

    /** Processes the request normally, then answers 200 with the first half of the body. */
    public Faults malformedBody() {
      return add(new Fault(Kind.MALFORMED_BODY, 200, Duration.ZERO), pathPrefix, times);
    }
  }
}
