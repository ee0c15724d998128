package io.github.presencesdk.testkit;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/** Plain OkHttp calls to the fakes, and JSON parsing for assertions. */
final class TestHttp {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** No silent retry, so that a disconnect shows as an exception. */
  static final OkHttpClient CLIENT =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  private TestHttp() {}

  /** A response read in full. */
  record Reply(int code, Headers headers, String body) {
    Object json() {
      return TestHttp.json(body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Object> array() {
      return (List<Object>) json();
    }
  }

  static Reply send(Request request) {
    try (Response response = CLIENT.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply get(HttpUrl url, String... headers) {
    return send(new Request.Builder().url(url).headers(Headers.of(headers)).build());
  }

  static Reply send(String method, HttpUrl url, RequestBody body, String... headers) {
    return send(
        new Request.Builder().url(url).headers(Headers.of(headers)).method(method, body).build());
  }

  static RequestBody jsonBody(String text, String contentType) {
    return RequestBody.create(text, MediaType.get(contentType));
  }

  static RequestBody jsonBody(String text) {
    return RequestBody.create(text, JSON);
  }

  /** A client-credentials token request with the credentials in the form body. */
  static Reply tokenWithBody(HttpUrl tokenUrl, String clientId, String clientSecret) {
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .build();
    return send(new Request.Builder().url(tokenUrl).post(form).build());
  }

  /** A client-credentials token request with HTTP Basic and optional extra form fields. */
  static Reply tokenWithBasic(
      HttpUrl tokenUrl, String clientId, String clientSecret, String... fields) {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return send(
        new Request.Builder()
            .url(tokenUrl)
            .header("Authorization", Credentials.basic(clientId, clientSecret))
            .post(form.build())
            .build());
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** A value inside parsed JSON, by a path of object keys. */
  static Object field(Object json, String... keys) {
    Object value = json;
    for (String key : keys) {
      value = ((Map<?, ?>) value).get(key);
    }
    return value;
  }

  /** Parses JSON into maps, lists, strings, doubles, booleans and nulls. */
  static Object json(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalStateException("trailing data");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixture(String name) {
    try (InputStream in = TestHttp.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object fixtureJson(String name) {
    return json(fixture(name));
  }
}
