package io.github.presencesdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.testkit.RecordedCall;
import io.github.presencesdk.testkit.VonageFake;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/testkit.md, run as the test it shows. */
final class TestkitReadmeTest {
  @Test
  void bulkReadRetriesARateLimitedRequest() {
    // README: testkit
    List<Duration> waits = new ArrayList<>();
    try (VonageFake vcc = VonageFake.demo(); // 120 agents, 6 presence definitions
        VonageClient client =
            VonageClient.builder()
                .baseUrl(vcc.baseUrl())
                .tokenUrl(vcc.tokenUrl().toString())
                .clientCredentials(vcc.clientId(), vcc.clientSecret())
                .maxConcurrency(1) // one request at a time, so the order below is fixed
                .sleeper(waits::add) // record the back-off instead of waiting
                .build()) {
      vcc.faults().rateLimited(Duration.ofSeconds(2)); // the next API call: 429, Retry-After: 2

      PresenceBatch<VonagePresence> batch = client.presences(vcc.userIds());

      assertThat(batch.presences()).hasSize(120);
      assertThat(waits).containsExactly(Duration.ofSeconds(2));
      assertThat(vcc.requests().apiCalls())
          .extracting(RecordedCall::status)
          .containsExactly(429, 200, 200, 200); // 50 + 50 + 20 ids, the first one retried
      assertThat(vcc.requests().tokenCalls()).hasSize(1);
    }
    // README: end
  }
}
