package io.github.presencesdk.testkit;

import static io.github.presencesdk.testkit.TestHttp.bearer;
import static io.github.presencesdk.testkit.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.testkit.TestHttp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

final class RequestLogTest {
  private static final String ACCEPT = "application/vnd.newvoicemedia.v1+json";
  private static final String DAAB = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b";
  private static final String C07D = "c07da2cc-7a64-476e-aa95-be7042332a95";

  @Test
  void vonageCallsAreRecordedWithTheirIdsAndStatus() {
    try (VonageFake fake = VonageFake.demo()) {
      String token =
          (String)
              TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret())
                  .object()
                  .get("access_token");

      get(
          fake.baseUrl().resolve("/agents/presences/users?userId=" + DAAB + "," + C07D),
          "Accept",
          ACCEPT,
          "Authorization",
          bearer(token));
      get(fake.baseUrl().resolve("/agents/" + C07D + "/presence"), "Accept", ACCEPT);

      List<RecordedCall> all = fake.requests().all();
      assertThat(fake.requests().count()).isEqualTo(3);
      assertThat(all).hasSize(3);
      assertThat(fake.requests().tokenCalls())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.method()).isEqualTo("POST");
                assertThat(call.path()).isEqualTo("/Auth/connect/token");
                assertThat(call.tokenCall()).isTrue();
                assertThat(call.ids()).isEmpty();
                assertThat(call.status()).isEqualTo(200);
              });
      List<RecordedCall> api = fake.requests().apiCalls();
      assertThat(api).hasSize(2);
      RecordedCall bulk = api.get(0);
      assertThat(bulk.method()).isEqualTo("GET");
      assertThat(bulk.path()).isEqualTo("/agents/presences/users");
      assertThat(bulk.query()).isEqualTo(Map.of("userId", List.of(DAAB + "," + C07D)));
      assertThat(bulk.queryParameter("userId")).isEqualTo(DAAB + "," + C07D);
      assertThat(bulk.queryParameter("other")).isNull();
      assertThat(bulk.ids()).containsExactly(DAAB, C07D);
      assertThat(bulk.status()).isEqualTo(200);
      assertThat(bulk.authorizationPresent()).isTrue();
      assertThat(bulk.tokenCall()).isFalse();
      RecordedCall single = api.get(1);
      assertThat(single.ids()).containsExactly(C07D);
      assertThat(single.status()).isEqualTo(401);
      assertThat(single.authorizationPresent()).isFalse();
      assertThat(fake.requests().idsRequested()).containsExactly(DAAB, C07D, C07D);
      assertThat(all.toString()).doesNotContain(token).doesNotContain(fake.clientSecret());
    }
  }

  @Test
  void talkdeskAndVoipNowIdsComeFromThePathAndTheFilter() {
    try (TalkdeskFake talkdesk = TalkdeskFake.demo();
        VoipNowFake voipNow = VoipNowFake.demo()) {
      String user = talkdesk.userIds().get(3);
      get(
          talkdesk.baseUrl().resolve("/users/" + user + "/presence"),
          "Authorization",
          bearer(talkdesk.staticToken()));
      get(
          talkdesk.baseUrl().resolve("/account/custom-status"),
          "Authorization",
          bearer(talkdesk.staticToken()));
      get(
          voipNow.baseUrl().resolve("/uapi/extensions/@me/0001*100/presence"),
          "Authorization",
          bearer(voipNow.staticToken()));
      get(
          voipNow
              .baseUrl()
              .resolve(
                  "/uapi/extensions/@me/@self/presence?filterBy=extension&filterOp=inArray&filterValue=0001*101,0001*102"),
          "Authorization",
          bearer(voipNow.staticToken()));
      get(
          voipNow
              .baseUrl()
              .resolve(
                  "/uapi/extensions/@me/@self/presence?filterBy=extension&filterOp=startsWith&filterValue=0002*"),
          "Authorization",
          bearer(voipNow.staticToken()));

      assertThat(talkdesk.requests().idsRequested()).containsExactly(user);
      assertThat(talkdesk.requests().apiCalls())
          .extracting(RecordedCall::path)
          .containsExactly("/users/" + user + "/presence", "/account/custom-status");
      assertThat(voipNow.requests().idsRequested())
          .containsExactly("0001*100", "0001*101", "0001*102", "0002*");
      assertThat(voipNow.requests().apiCalls().get(0).path())
          .isEqualTo("/uapi/extensions/@me/0001*100/presence");
      assertThat(voipNow.requests().apiCalls().get(1).queryParameter("filterOp"))
          .isEqualTo("inArray");
    }
  }

  @Test
  void clearForgetsEverything() {
    try (VonageFake fake = VonageFake.builder().build()) {
      TestHttp.tokenWithBody(fake.tokenUrl(), fake.clientId(), fake.clientSecret());
      get(
          fake.baseUrl().resolve("/agents/presence-definitions"),
          "Accept",
          ACCEPT,
          "Authorization",
          bearer(fake.staticToken()));

      fake.requests().clear();

      assertThat(fake.requests().all()).isEmpty();
      assertThat(fake.requests().count()).isZero();
      assertThat(fake.requests().maxConcurrent()).isZero();
    }
  }

  @Test
  void sequentialCallsNeverOverlap() {
    try (VonageFake fake = VonageFake.demo()) {
      for (String id : fake.userIds().subList(0, 5)) {
        Reply reply =
            get(
                fake.baseUrl().resolve("/agents/" + id + "/presence"),
                "Accept",
                ACCEPT,
                "Authorization",
                bearer(fake.staticToken()));
        assertThat(reply.code()).isEqualTo(200);
      }

      assertThat(fake.requests().maxConcurrent()).isEqualTo(1);
    }
  }

  @Test
  void slowParallelCallsAreSeenInFlightTogether() throws Exception {
    try (TalkdeskFake fake = TalkdeskFake.demo()) {
      fake.faults().times(Integer.MAX_VALUE).slow(Duration.ofMillis(800));
      List<CompletableFuture<Integer>> codes = new ArrayList<>();
      for (String id : fake.userIds().subList(0, 3)) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Request request =
            new Request.Builder()
                .url(fake.baseUrl().resolve("/users/" + id + "/presence"))
                .header("Authorization", bearer(fake.staticToken()))
                .build();
        TestHttp.CLIENT
            .newCall(request)
            .enqueue(
                new Callback() {
                  @Override
                  public void onFailure(Call call, IOException e) {
                    code.completeExceptionally(e);
                  }

                  @Override
                  public void onResponse(Call call, Response response) {
                    try (response) {
                      code.complete(response.code());
                    }
                  }
                });
        codes.add(code);
      }
      for (CompletableFuture<Integer> code : codes) {
        assertThat(code.get()).isEqualTo(200);
      }

      assertThat(fake.requests().maxConcurrent()).isEqualTo(3);
      assertThat(fake.requests().apiCalls()).hasSize(3);
    }
  }
}
