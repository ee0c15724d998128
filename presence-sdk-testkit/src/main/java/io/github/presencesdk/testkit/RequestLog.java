package io.github.presencesdk.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fake was asked: every request in arrival order, and how many API requests were in flight
 * at once.
 *
 * <p>Thread-safe; every method returns a snapshot.
 */
public final class RequestLog {
  private final List<RecordedCall> calls = new ArrayList<>(); // guarded by this
  private final List<Flight> flights = new ArrayList<>(); // guarded by this

  RequestLog() {}

  /** Every recorded call, API and token, in the order the fake received them. */
  public synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  /** How many calls were recorded, API and token. */
  public synchronized int count() {
    return calls.size();
  }

  /** The calls to the API, without the token endpoint. */
  public synchronized List<RecordedCall> apiCalls() {
    return calls.stream().filter(call -> !call.tokenCall()).toList();
  }

  /** The calls to the token endpoint. */
  public synchronized List<RecordedCall> tokenCalls() {
    return calls.stream().filter(RecordedCall::tokenCall).toList();
  }

  /**
   * The ids of all API calls, in call order, with repeats: a test checks which users a client asked
   * for and that it asked for none twice.
   */
  public synchronized List<String> idsRequested() {
    List<String> ids = new ArrayList<>();
    for (RecordedCall call : calls) {
      if (!call.tokenCall()) {
        ids.addAll(call.ids());
      }
    }
    return List.copyOf(ids);
  }

  /** Forgets every call, and the concurrency measured so far. */
  public synchronized void clear() {
    calls.clear();
    flights.clear();
  }

  /**
   * The highest number of API requests that were in flight at the same time since the fake started
   * or the log was last cleared.
   *
   * <p>A request is in flight from the moment the fake's dispatcher receives it until its response
   * body is written (or, if the client went away first, until its planned delay has passed). Fast
   * answers rarely overlap: to observe a client's concurrency, make the calls slow, for example
   * with {@code faults().times(Integer.MAX_VALUE).slow(Duration.ofMillis(100))}.
   */
  public int maxConcurrent() {
    List<long[]> events = new ArrayList<>();
    synchronized (this) {
      for (Flight flight : flights) {
        events.add(new long[] {flight.start, 1});
        events.add(new long[] {flight.end(), -1});
      }
    }
    // Starts sort before ends at the same instant, so touching intervals count as overlapping.
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
    int current = 0;
    int max = 0;
    for (long[] event : events) {
      current += (int) event[1];
      max = Math.max(max, current);
    }
    return max;
  }

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  /** Marks an API request as in flight from now. */
  Flight begin(long plannedDelayNanos) {
    Flight flight = new Flight(System.nanoTime(), plannedDelayNanos);
    synchronized (this) {
      flights.add(flight);
    }
    return flight;
  }

  /** One API request in flight. */
  static final class Flight {
    final long start;
    private final long planned;
    private volatile long finished = -1;

    Flight(long start, long plannedDelayNanos) {
      this.start = start;
      this.planned = plannedDelayNanos;
    }

    /** Marks the response as written; later calls do nothing. */
    void finish() {
      if (finished < 0) {
        finished = Math.max(start, System.nanoTime());
      }
    }

    long end() {
      long done = finished;
      return done >= 0 ? done : start + planned;
    }
  }
}
