package io.github.presencesdk.testkit;

import static io.github.presencesdk.testkit.TestHttp.bearer;
import static io.github.presencesdk.testkit.TestHttp.fixtureJson;
import static io.github.presencesdk.testkit.TestHttp.get;
import static io.github.presencesdk.testkit.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.testkit.TestHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class VoipNowFakeTest {
  /** The demo world, shared by the read-only tests. */
  private static VoipNowFake demo;

  private final MutableClock clock = new MutableClock(Instant.parse("2011-02-11T15:10:55Z"));
  private final List<VoipNowFake> fakes = new ArrayList<>();

  @BeforeAll
  static void startDemo() {
    demo = VoipNowFake.demo();
  }

  @AfterAll
  static void stopDemo() {
    demo.close();
  }

  @AfterEach
  void closeFakes() {
    fakes.forEach(VoipNowFake::close);
  }

  private VoipNowFake start(VoipNowFake.Builder builder) {
    VoipNowFake fake = builder.clock(clock).build();
    fakes.add(fake);
    return fake;
  }

  private static Reply list(VoipNowFake fake, String pathAndQuery) {
    return get(fake.baseUrl().resolve(pathAndQuery), "Authorization", bearer(fake.staticToken()));
  }

  private static List<Object> entries(Reply reply) {
    return TestHttp.list(reply.object().get("entry"));
  }

  private static void assertError(Reply reply, int status, String code) {
    assertThat(reply.code()).isEqualTo(status);
    assertThat(reply.object()).containsOnlyKeys("error");
    assertThat(TestHttp.field(reply.object(), "error", "code")).isEqualTo(code);
    assertThat((String) TestHttp.field(reply.object(), "error", "message")).isNotBlank();
  }

  @Test
  void oneExtensionAnswersLikeTheDocumentedExample() {
    VoipNowFake fake =
        start(VoipNowFake.builder().extension("0003*210", 0, "3CXPhone 5.0.14439.0", -1));

    Reply reply = list(fake, "/uapi/extensions/@me/0003*210/presence/");

    assertThat(reply.code()).isEqualTo(200);
    Map<String, Object> documented = TestHttp.map(fixtureJson("voipnow-list-presence.json"));
    // The documented example says totalResults 2 but lists one entry; the fake counts what it
    // lists.
    documented.put("totalResults", 1.0);
    assertThat(reply.json()).isEqualTo(documented);
  }

  @Test
  void defaultPageIsTwentyEntriesInSeedOrder() {
    Reply reply = list(demo, "/uapi/extensions/@me/@self/presence");

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.object())
        .containsEntry("startIndex", 0.0)
        .containsEntry("totalResults", 12000.0)
        .containsEntry("itemsPerPage", 20.0)
        .containsEntry("filtered", false)
        .containsEntry("sorted", false);
    assertThat(entries(reply))
        .extracting(e -> TestHttp.field(e, "extension"))
        .containsExactlyElementsOf(demo.extensions().subList(0, 20));
    assertThat(demo.extensions().get(0)).isEqualTo("0001*100");
  }

  @Test
  void listingSpansPagesOfFiveThousandUpToTheStartIndexBound() {
    Reply first = list(demo, "/uapi/extensions/@me/@self/presence?count=5000&startIndex=0");
    Reply second = list(demo, "/uapi/extensions/@me/@self/presence?count=5000&startIndex=5000");
    Reply third = list(demo, "/uapi/extensions/@me/@self/presence?count=5000&startIndex=10000");

    assertThat(entries(first)).hasSize(5000);
    assertThat(entries(second)).hasSize(5000);
    assertThat(second.object())
        .containsEntry("startIndex", 5000.0)
        .containsEntry("totalResults", 12000.0);
    assertThat(TestHttp.field(entries(second).get(0), "extension"))
        .isEqualTo(demo.extensions().get(5000));
    assertError(third, 400, "startindex_invalid");
  }

  @Test
  void aFilteredListingReachesTheRest() {
    Reply reply =
        list(
            demo,
            "/uapi/extensions/@me/@self/presence?count=5000&filterBy=extension&filterOp=startsWith&filterValue=0024*");

    assertThat(reply.object())
        .containsEntry("totalResults", 500.0)
        .containsEntry("filtered", true)
        .containsEntry("itemsPerPage", 5000.0);
    assertThat(entries(reply))
        .hasSize(500)
        .allSatisfy(e -> assertThat((String) TestHttp.field(e, "extension")).startsWith("0024*"));
  }

  @ParameterizedTest
  @CsvSource({
    "count=5001, count_invalid",
    "count=0, count_invalid",
    "count=-1, count_invalid",
    "count=ten, count_invalid",
    "count=, count_invalid",
    "startIndex=5001, startindex_invalid",
    "startIndex=-1, startindex_invalid",
    "startIndex=x, startindex_invalid",
    "filterBy=status&filterValue=1, filterby_invalid",
    "filterBy=extension&filterOp=present&filterValue=1, filterop_invalid",
    "filterBy=extension&filterOp=starts%20with&filterValue=1, filterop_invalid",
    "filterBy=extension, filtervalue_invalid",
    "filterBy=extension&filterValue=, filtervalue_invalid",
    "sortOrder=up, sortorder_invalid",
    "fields=extension%2Cid, fields_invalid",
    "fields=, fields_invalid"
  })
  void invalidParametersGetTheVendorsErrorCodes(String query, String code) {
    assertError(list(demo, "/uapi/extensions/@me/@self/presence?" + query), 400, code);
  }

  @Test
  void boundsAreConfigurable() {
    VoipNowFake fake =
        start(VoipNowFake.builder().extension("0001*100", 1).maxCount(4999).maxStartIndex(4999));

    assertError(list(fake, "/uapi/extensions/@me/@self/presence?count=5000"), 400, "count_invalid");
    assertError(
        list(fake, "/uapi/extensions/@me/@self/presence?startIndex=5000"),
        400,
        "startindex_invalid");
    assertThat(list(fake, "/uapi/extensions/@me/@self/presence?count=4999&startIndex=4999").code())
        .isEqualTo(200);
  }

  @Test
  void filterOperators() {
    String base = "/uapi/extensions/@me/@self/presence?filterBy=extension&count=5000";

    Reply equals = list(demo, base + "&filterValue=0002*345");
    Reply contains = list(demo, base + "&filterOp=contains&filterValue=*59");
    Reply inArray = list(demo, base + "&filterOp=inArray&filterValue=0001*100,0024*599,0099*100");

    assertThat(entries(equals))
        .extracting(e -> TestHttp.field(e, "extension"))
        .containsExactly("0002*345");
    assertThat(contains.object()).containsEntry("totalResults", 240.0);
    assertThat(entries(inArray))
        .extracting(e -> TestHttp.field(e, "extension"))
        .containsExactly("0001*100", "0024*599");
  }

  @Test
  void sortOrderAcceptsBothSpellings() {
    Reply desc = list(demo, "/uapi/extensions/@me/@self/presence?count=2&sortOrder=desc");
    Reply descending =
        list(demo, "/uapi/extensions/@me/@self/presence?count=2&sortOrder=descending");
    Reply asc = list(demo, "/uapi/extensions/@me/@self/presence?count=2&sortOrder=ascending");

    assertThat(desc.object()).containsEntry("sorted", true);
    assertThat(entries(desc))
        .extracting(e -> TestHttp.field(e, "extension"))
        .containsExactly("0024*599", "0024*598");
    assertThat(descending.json()).isEqualTo(desc.json());
    assertThat(entries(asc))
        .extracting(e -> TestHttp.field(e, "extension"))
        .containsExactly("0001*100", "0001*101");
  }

  @Test
  void fieldsSelectWhatEachEntryCarries() {
    Reply reply =
        list(demo, "/uapi/extensions/@me/@self/presence?count=50&fields=extension,status");
    Reply all = list(demo, "/uapi/extensions/@me/@self/presence?count=50");

    assertThat(entries(reply))
        .allSatisfy(e -> assertThat(TestHttp.map(e)).containsOnlyKeys("extension", "status"));
    assertThat(entries(all))
        .allSatisfy(
            e ->
                assertThat(TestHttp.map(e))
                    .containsOnlyKeys("extension", "status", "registration"));
  }

  @Test
  void emptyResultIs204AndAPagePastTheEndIsEmpty() {
    Reply none =
        list(
            demo,
            "/uapi/extensions/@me/@self/presence?filterBy=extension&filterOp=startsWith&filterValue=0099*");
    Reply past =
        list(
            demo,
            "/uapi/extensions/@me/@self/presence?filterBy=extension&filterOp=startsWith&filterValue=0001*&startIndex=500");

    assertThat(none.code()).isEqualTo(204);
    assertThat(none.body()).isEmpty();
    assertThat(past.code()).isEqualTo(200);
    assertThat(past.object())
        .containsEntry("totalResults", 500.0)
        .containsEntry("startIndex", 500.0);
    assertThat(entries(past)).isEmpty();
  }

  @Test
  void userAndExtensionInThePath() {
    for (String user : List.of("@me", "@viewer", "@owner", demo.userId())) {
      assertThat(list(demo, "/uapi/extensions/" + user + "/0001*100/presence").code())
          .as(user)
          .isEqualTo(200);
    }
    assertError(list(demo, "/uapi/extensions/42/@self/presence"), 400, "user_invalid");
    assertError(list(demo, "/uapi/extensions/@me/0099*100/presence"), 400, "extension_invalid");
    assertError(list(demo, "/uapi/extensions/@me/100/presence"), 400, "extension_invalid");
  }

  @Test
  void numbersCanBeSentAsStrings() {
    VoipNowFake fake = start(VoipNowFake.builder().extension("0001*100", 1, "Zoiper 5.6.1", 1));

    Map<String, Object> numbers = list(fake, "/uapi/extensions/@me/@self/presence").object();
    fake.setNumbersAsStrings(true);
    Map<String, Object> strings = list(fake, "/uapi/extensions/@me/@self/presence").object();

    assertThat(numbers).containsEntry("totalResults", 1.0);
    assertThat(TestHttp.field(TestHttp.list(numbers.get("entry")).get(0), "status")).isEqualTo(1.0);
    assertThat(strings)
        .containsEntry("startIndex", "0")
        .containsEntry("totalResults", "1")
        .containsEntry("itemsPerPage", "20");
    Map<String, Object> entry = TestHttp.map(TestHttp.list(strings.get("entry")).get(0));
    assertThat(entry.get("status")).isEqualTo("1");
    assertThat(entry.get("registration"))
        .isEqualTo(
            json(
                "[{\"agent\":\"Zoiper 5.6.1\",\"registration\":\"1\",\"expire\":\"2011-02-11T16:10:55Z\"}]"));
  }

  @Test
  void expiredRegistrationsCarryNoExpiry() {
    VoipNowFake fake =
        start(
            VoipNowFake.builder()
                .extension("0001*100", 0, "Polycom VVX 450 6.4.3", -2)
                .registration("0001*100", "Zoiper 5.6.1", 2));

    Reply reply = list(fake, "/uapi/extensions/@me/@self/presence");

    assertThat(TestHttp.field(entries(reply).get(0), "registration"))
        .isEqualTo(
            json(
                "[{\"agent\":\"Polycom VVX 450 6.4.3\",\"registration\":\"-2\"},"
                    + "{\"agent\":\"Zoiper 5.6.1\",\"registration\":\"2\"}]"));
  }

  @Test
  void setStatusChangesTheListing() {
    VoipNowFake fake =
        start(VoipNowFake.builder().extension("0001*100", 1).extension("0001*101", 0));

    fake.setStatus("0001*101", 3);

    Reply reply = list(fake, "/uapi/extensions/@me/0001*101/presence");
    assertThat(TestHttp.field(entries(reply).get(0), "status")).isEqualTo(3.0);
    assertThat(fake.status("0001*101")).isEqualTo(3);
    assertThatThrownBy(() -> fake.setStatus("0001*101", 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void tokenEndpointTakesCredentialsInTheFormBody() {
    VoipNowFake fake =
        start(
            VoipNowFake.builder()
                .extension("0001*100", 1)
                .clientId("app")
                .clientSecret("app-s3cr3t-pw"));

    Reply ok = TestHttp.tokenWithBody(fake.tokenUrl(), "app", "app-s3cr3t-pw");
    Reply wrong = TestHttp.tokenWithBody(fake.tokenUrl(), "app", "nope");
    Reply grant =
        TestHttp.send(
            "POST",
            fake.tokenUrl(),
            new okhttp3.FormBody.Builder()
                .add("grant_type", "implicit")
                .add("client_id", "app")
                .add("client_secret", "app-s3cr3t-pw")
                .build());

    assertThat(fake.tokenUrl().encodedPath()).isEqualTo("/oauth/token.php");
    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.object())
        .containsOnlyKeys("access_token", "token_type", "expires_in")
        .containsEntry("expires_in", 3600.0)
        .containsEntry("token_type", "Bearer");
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(wrong.object()).containsEntry("error", "invalid_client");
    assertThat(grant.code()).isEqualTo(400);
    assertThat(grant.object()).containsEntry("error", "unsupported_grant_type");
    HttpUrl url = fake.baseUrl().resolve("/uapi/extensions/@me/@self/presence");
    assertThat(get(url, "Authorization", bearer((String) ok.object().get("access_token"))).code())
        .isEqualTo(200);
    clock.advance(Duration.ofHours(1));
    assertError(
        get(url, "Authorization", bearer((String) ok.object().get("access_token"))),
        401,
        "access_denied");
  }

  @Test
  void callsWithoutAValidTokenGetAccessDenied() {
    HttpUrl url = demo.baseUrl().resolve("/uapi/extensions/@me/@self/presence");

    assertError(get(url), 401, "access_denied");
    assertError(get(url, "Authorization", "Bearer nope"), 401, "access_denied");
  }

  @Test
  void otherPathsAndMethodsAreNotImplemented() {
    assertError(list(demo, "/uapi/extensions/@me/@self"), 501, "request_not_implemented");
    assertError(
        TestHttp.send(
            "DELETE",
            demo.baseUrl().resolve("/uapi/extensions/@me/@self/presence"),
            okhttp3.RequestBody.create(new byte[0]),
            "Authorization",
            bearer(demo.staticToken())),
        501,
        "request_not_implemented");
  }

  @Test
  void demoWorldHasTwelveThousandExtensionsWithMixedStates() {
    assertThat(demo.extensions()).hasSize(12000).doesNotHaveDuplicates().endsWith("0024*599");
    assertThat(demo.extensions()).allMatch(e -> e.matches("00[0-2][0-9]\\*[1-5][0-9][0-9]"));
    List<Object> page = entries(list(demo, "/uapi/extensions/@me/@self/presence?count=100"));
    assertThat(page).extracting(e -> TestHttp.field(e, "status")).contains(0.0, 1.0, 2.0, 3.0);
    List<Object> registrations = new ArrayList<>();
    for (Object entry : page) {
      registrations.addAll(TestHttp.list(TestHttp.field(entry, "registration")));
    }
    assertThat(registrations)
        .extracting(r -> TestHttp.field(r, "registration"))
        .contains("1", "-1", "-2", "2");
    assertThat(page)
        .anySatisfy(e -> assertThat(TestHttp.list(TestHttp.field(e, "registration"))).hasSize(2));
    assertThat(page)
        .anySatisfy(e -> assertThat(TestHttp.list(TestHttp.field(e, "registration"))).isEmpty());
  }

  @Test
  void builderRejectsBadSeedsAtOnce() {
    VoipNowFake.Builder builder = VoipNowFake.builder();

    assertThatThrownBy(() -> builder.extension("210", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extension");
    assertThatThrownBy(() -> builder.extension("0003*210", 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> builder.extension("0003*210", 1, "phone", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registration");
    assertThatThrownBy(() -> builder.registration("0009*999", "phone", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extension");
    assertThatThrownBy(() -> builder.maxCount(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCount");
    assertThatThrownBy(() -> builder.userId("@me"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
  }
}
