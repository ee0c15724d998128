package io.github.presencesdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before repeating a failed request.
 *
 * <p>Connection failures and the statuses 408, 429, 502, 503 and 504 are retried up to {@link
 * #maxAttempts()} attempts in all, waiting {@code initialBackoff × multiplier^(n-1)} (at most
 * {@link #maxBackoff()}) before attempt {@code n+1}, reduced by a random part of up to {@link
 * #jitter()} of that wait so that many clients do not retry in step. A {@code Retry-After} header
 * from the vendor replaces the computed wait, capped by {@link #maxRetryAfter()}. A request that
 * may have reached the server is repeated only if the operation is safe to repeat; 408 and 429,
 * which say the request was not processed, are repeated for every operation.
 *
 * <p>Instances are immutable; start from {@link #defaults()} or {@link #builder()}.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /** Three attempts, 500 ms doubling up to 8 s, 20% jitter, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that makes one attempt and never retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from this policy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The most attempts a call makes, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the second attempt. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest computed wait between attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The factor by which the wait grows after each attempt. */
  public double multiplier() {
    return multiplier;
  }

  /** The largest fraction of a wait that is randomly taken off it, from 0 to 1. */
  public double jitter() {
    return jitter;
  }

  /** The longest {@code Retry-After} wait that is honoured; longer ones are cut to this. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The computed wait before attempt {@code attempt + 1}, for a random draw {@code random} in [0,
   * 1).
   */
  public Duration backoff(int attempt, double random) {
    double base =
        (double) initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, (double) maxBackoff.toNanos());
    return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + '}';
  }

  /** Builds a {@link RetryPolicy}; every setter checks its argument at once. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    Builder() {}

    Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.multiplier = policy.multiplier;
      this.jitter = policy.jitter;
      this.maxRetryAfter = policy.maxRetryAfter;
    }

    /** Sets the most attempts per call, at least 1 (1 disables retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException(
            "maxAttempts must be between 1 and 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the wait before the second attempt; zero or positive. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /** Sets the longest computed wait; zero or positive. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /** Sets the growth factor, at least 1. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException(
            "multiplier must be a finite number >= 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** Sets the random fraction taken off each wait, from 0 (none) to 1. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Sets the cap on waits asked for by {@code Retry-After}; zero or positive. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException(
            "maxBackoff ("
                + maxBackoff
                + ") must not be less than initialBackoff ("
                + initialBackoff
                + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff)
        && multiplier == p.multiplier
        && jitter == p.jitter
        && maxRetryAfter.equals(p.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
  }
}
