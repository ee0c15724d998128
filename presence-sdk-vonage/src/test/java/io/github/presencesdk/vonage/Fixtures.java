package io.github.presencesdk.vonage;

import com.squareup.moshi.JsonReader;
import io.github.presencesdk.RetryPolicy;
import io.github.presencesdk.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** The documented VCC payloads kept under {@code fixtures/}, and helpers built on them. */
final class Fixtures {
  static final String TOKEN = "tok-static-for-tests";
  static final String USER_A = "daab05ec-ba50-45af-a6fd-3b01cdc6f39b";
  static final String USER_B = "c07da2cc-7a64-476e-aa95-be7042332a95";

  private Fixtures() {}

  /** The text of {@code fixtures/<name>}. */
  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON into maps, lists, strings, doubles and booleans, for comparing bodies. */
  static Object parse(String json) {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse fixture(int code, String name) {
    return json(code, read(name));
  }

  /**
   * One entry of a presence answer, derived from the documented one-user answer with another user
   * id, category type and optional sub-category.
   */
  static String userPresence(String userId, String categoryType) {
    return read("presence-user.json")
        .replace(USER_A, userId)
        .replace("\"categoryType\": \"LoggedOut\"", "\"categoryType\": \"" + categoryType + "\"");
  }

  /** A bulk answer holding one documented-shape entry for each of {@code userIds}. */
  static String bulkAnswer(List<String> userIds) {
    StringBuilder out = new StringBuilder("[");
    for (String id : userIds) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(userPresence(id, "Ready"));
    }
    return out.append(']').toString();
  }

  /** The ids of a recorded bulk request, split at the commas of its {@code userId} value. */
  static List<String> requestedIds(RecordedRequest request) {
    String value = request.getUrl().queryParameter("userId");
    return value == null ? List.of() : Arrays.asList(value.split(",", -1));
  }

  /** A client for {@code server} with a static token and the given retries. */
  static VonageClient.Builder clientFor(MockWebServer server, RecordingSleeper sleeper) {
    return VonageClient.builder()
        .baseUrl(server.url("/"))
        .accessToken(TOKEN)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).build())
        .sleeper(sleeper);
  }

  /** Records the waits the client asks for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }
}
