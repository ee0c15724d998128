package com.example.consumer;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.VoipNowClient;
import java.util.List;
import java.util.stream.Collectors;

/** Real calls with the VoipNow client, over HTTP, against the testkit's VoipNow fake. */
public final class VoipNowCalls {
  private VoipNowCalls() {}

  public static void run() {
    try (VoipNowFake fake = VoipNowFake.demo();
        VoipNowClient client =
            VoipNowClient.builder()
                .baseUrl(fake.baseUrl().toString())
                .tokenUrl(fake.tokenUrl().toString())
                .clientCredentials(fake.clientId(), fake.clientSecret())
                .build()) {
      List<String> listed =
          client.list().stream().map(ExtensionPresence::extension).collect(Collectors.toList());
      Check.that(
          listed.size() == fake.extensions().size(),
          "every VoipNow extension listed: " + listed.size() + " of " + fake.extensions().size());
      List<String> some = fake.extensions().subList(0, 3);
      PresenceBatch<ExtensionPresence> batch = client.presences(some);
      Check.that(batch.presences().size() == 3,
          "three VoipNow extensions read: " + batch.presences().size());
      System.out.println(
          "voipnow: listed "
              + listed.size()
              + " extensions, read "
              + batch.size()
              + ", "
              + fake.requests().apiCalls().size()
              + " HTTP requests");
    }
  }
}
