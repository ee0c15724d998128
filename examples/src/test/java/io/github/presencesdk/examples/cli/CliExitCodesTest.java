package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testkit.TalkdeskFake;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.testkit.VonageFake;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exit code 3 for the vendor's error answers, 4 for network failures, and for a partial failure 4
 * only when every failed id failed on the network.
 */
final class CliExitCodesTest {
  private static final String AGENT = "c07da2cc-7a64-476e-aa95-be7042332a95";

  @Test
  void anUnknownUserIsAVendorErrorWithStatusCodeAndMessage() {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      CliRun run = CliRun.run(talkdesk(fake, "presence", "61a4f2b9c3e8d5001a7bffff"));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains("talkdesk answered with an error (NotFoundException)")
          .contains("status:     404")
          .contains("code:       3900404")
          .contains("User not found");
    }
  }

  @Test
  void aMissingScopeIsAVendorError() {
    CliRun run =
        CliRun.run("--demo", "talkdesk", "custom-statuses", "--scope", "presence-user:read");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("PermissionDeniedException")
        .contains("status:     403")
        .contains("code:       3900403")
        .contains("Missing scope account-custom-status:read");
  }

  @Test
  void aMissingVonageScopeIsAVendorErrorWithTheScopesTheOperationTakes() {
    CliRun run = CliRun.run("--demo", "vonage", "availability", "--scope", "users:read");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("vonage answered with an error (PermissionDeniedException)")
        .contains("status:     403")
        .contains("agents-availability:read");
  }

  @Test
  void aRefusedPresenceIdIsAVendorErrorWithTheFieldItNames() {
    CliRun run =
        CliRun.run(
            "--demo", "vonage", "set-presence", AGENT, "11111111-1111-1111-1111-111111111111");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("vonage answered with an error (BadRequestException)")
        .contains("status:     400")
        .contains("field:      presenceId");
  }

  @Test
  void serverErrorsAfterTheLastRetryAreAVendorError() {
    try (VonageFake fake = VonageFake.builder().demoWorld().build()) {
      // 503 is retried: the three attempts of the default policy each get one.
      fake.faults().times(3).serverError(503);

      CliRun run = CliRun.run(vonage(fake, "presence", AGENT));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("ServerException").contains("status:     503");
      assertThat(fake.requests().apiCalls()).hasSize(3);
      assertThat(fake.faults().pending()).isZero();
    }
  }

  @Test
  void aPartialFailurePrintsWhatWasReadAndEachFailure() {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      List<String> ids = fake.userIds().subList(0, 3);
      // 500 is not retried: one is enough to fail the second user; the other two are read.
      fake.faults().onPath("/users/" + ids.get(1) + "/").serverError(500);

      CliRun run = CliRun.run(talkdesk(fake, "presences", ids.get(0), ids.get(1), ids.get(2)));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out()).contains(ids.get(0)).contains(ids.get(2)).doesNotContain(ids.get(1));
      assertThat(run.err())
          .contains("1 of 3 ids could not be read")
          .contains(ids.get(1))
          .contains("ServerException")
          .contains("status:     500");
      assertThat(fake.requests().idsRequested()).containsOnlyOnce(ids.get(1));
      assertThat(fake.faults().pending()).isZero();
    }
  }

  @Test
  void aPartialFailureOfNetworkFailuresOnlyIsANetworkFailure() {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      List<String> ids = fake.userIds().subList(0, 3);
      // Reads are retried: each of the three attempts for the second user loses its connection.
      fake.faults().onPath("/users/" + ids.get(1) + "/").times(3).disconnect();

      CliRun run = CliRun.run(talkdesk(fake, "presences", ids.get(0), ids.get(1), ids.get(2)));

      assertThat(run.exitCode()).isEqualTo(4);
      assertThat(run.out()).contains(ids.get(0)).contains(ids.get(2)).doesNotContain(ids.get(1));
      assertThat(run.err())
          .contains("1 of 3 ids could not be read")
          .contains("  " + ids.get(1) + ": network failure (PresenceIoException)");
      assertThat(fake.faults().pending()).isZero();
    }
  }

  @Test
  void aPartialFailureWithAVendorErrorAmongNetworkFailuresIsAVendorError() {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      List<String> ids = fake.userIds().subList(0, 3);
      fake.faults().onPath("/users/" + ids.get(0) + "/").times(3).disconnect();
      fake.faults().onPath("/users/" + ids.get(1) + "/").serverError(500);

      CliRun run = CliRun.run(talkdesk(fake, "presences", ids.get(0), ids.get(1), ids.get(2)));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out())
          .contains(ids.get(2))
          .doesNotContain(ids.get(0))
          .doesNotContain(ids.get(1));
      assertThat(run.err())
          .contains("2 of 3 ids could not be read")
          .contains("  " + ids.get(0) + ": network failure (PresenceIoException)")
          .contains("  " + ids.get(1) + ": talkdesk answered with an error (ServerException)");
      assertThat(fake.faults().pending()).isZero();
    }
  }

  private static VoipNowFake fiveExtensions() {
    return VoipNowFake.builder()
        .extension("0003*201", 1)
        .extension("0003*202", 2)
        .extension("0003*203", 3)
        .extension("0003*204", 1)
        .extension("0003*205", 0)
        .build();
  }

  @Test
  void aListingThatFailsOnALaterPagePrintsWhatItListedButNoSummary() {
    try (VoipNowFake fake = fiveExtensions()) {
      // The first page is answered (a short delay is the way to let one request through), the
      // second gets a 500, which is not retried.
      fake.faults().slow(Duration.ofMillis(1)).serverError(500);

      CliRun run = CliRun.run(voipNow(fake, "list", "--page-size", "2"));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.out())
          .contains(fake.extensions().get(0))
          .contains(fake.extensions().get(1))
          .doesNotContain(fake.extensions().get(2))
          .doesNotContain(" in 1 page")
          .doesNotContain("extensions in");
      assertThat(run.err()).contains("ServerException").contains("status:     500");
      assertThat(fake.requests().apiCalls()).hasSize(2);
      assertThat(fake.faults().pending()).isZero();
    }
  }

  @Test
  void aListingThatEndsPrintsItsSummary() {
    try (VoipNowFake fake = fiveExtensions()) {
      CliRun run = CliRun.run(voipNow(fake, "list", "--page-size", "2"));

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("0003*205").contains("5 extensions in 3 pages: ");
    }
  }

  @Test
  void aClosedPortIsANetworkFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CliRun run =
        CliRun.run(
            "vonage",
            "presence",
            AGENT,
            "--base-url",
            "http://127.0.0.1:" + port + "/",
            "--access-token",
            "tok-closed-port-1");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("network failure").contains("PresenceIoException");
  }

  @Test
  void aTokenEndpointOnAClosedPortIsANetworkFailureToo() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (VonageFake fake = VonageFake.demo()) {
      CliRun run =
          CliRun.run(
              "vonage",
              "presence",
              AGENT,
              "--base-url",
              fake.baseUrl().toString(),
              "--token-url",
              "http://127.0.0.1:" + port + "/Auth/connect/token",
              "--client-id",
              fake.clientId(),
              "--client-secret",
              fake.clientSecret());

      assertThat(run.exitCode()).isEqualTo(4);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains("network failure")
          .contains("could not get an access token from http://127.0.0.1:" + port);
      assertThat(fake.requests().apiCalls()).isEmpty();
    }
  }

  static String[] vonage(VonageFake fake, String... command) {
    return withConnection(
        command,
        "vonage",
        "--base-url",
        fake.baseUrl().toString(),
        "--token-url",
        fake.tokenUrl().toString(),
        "--client-id",
        fake.clientId(),
        "--client-secret",
        fake.clientSecret());
  }

  static String[] talkdesk(TalkdeskFake fake, String... command) {
    return withConnection(
        command,
        "talkdesk",
        "--base-url",
        fake.baseUrl().toString(),
        "--token-url",
        fake.tokenUrl().toString(),
        "--client-id",
        fake.clientId(),
        "--client-secret",
        fake.clientSecret());
  }

  static String[] voipNow(VoipNowFake fake, String... command) {
    return withConnection(
        command,
        "voipnow",
        "--base-url",
        fake.baseUrl().toString(),
        "--token-url",
        fake.tokenUrl().toString(),
        "--client-id",
        fake.clientId(),
        "--client-secret",
        fake.clientSecret());
  }

  private static String[] withConnection(String[] command, String vendor, String... connection) {
    String[] args = new String[1 + command.length + connection.length];
    args[0] = vendor;
    System.arraycopy(command, 0, args, 1, command.length);
    System.arraycopy(connection, 0, args, 1 + command.length, connection.length);
    return args;
  }
}
