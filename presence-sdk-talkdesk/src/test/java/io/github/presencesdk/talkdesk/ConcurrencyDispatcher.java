package io.github.presencesdk.talkdesk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers presence requests per user and counts how many the server is handling at once.
 *
 * <p>The first {@code expectedInFlight} requests are held until that many are in flight together,
 * and every request is held a moment, so that a client exceeding its limit is seen exceeding it.
 * What the tests assert is the largest count the server saw, never a duration.
 */
final class ConcurrencyDispatcher extends Dispatcher {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final CountDownLatch firstWave;
  private final Function<String, MockResponse> byUserId;
  private final List<String> userIds = new CopyOnWriteArrayList<>();

  ConcurrencyDispatcher(int expectedInFlight, Function<String, MockResponse> byUserId) {
    this.firstWave = new CountDownLatch(expectedInFlight);
    this.byUserId = byUserId;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      firstWave.countDown();
      if (!firstWave.await(30, TimeUnit.SECONDS)) {
        // Only reached when the client never runs the expected number at once: release everyone
        // so that the test fails on its assertion instead of waiting here for each request.
        while (firstWave.getCount() > 0) {
          firstWave.countDown();
        }
      }
      Thread.sleep(2);
    } finally {
      inFlight.decrementAndGet();
    }
    // Path: /users/{id}/presence
    String userId = request.getUrl().pathSegments().get(1);
    userIds.add(userId);
    return byUserId.apply(userId);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  List<String> userIds() {
    return userIds;
  }
}
