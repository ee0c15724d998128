package io.github.presencesdk.talkdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Loads the documented payloads under {@code src/test/resources/fixtures}. */
final class Fixtures {
  /** The user id inside {@code presence-available.json}, replaced to derive other users. */
  static final String AVAILABLE_USER_ID = "61a4f2b9c3e8d5001a7b9c11";

  private Fixtures() {}

  static String load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The idle, available presence of the fixture, as if it belonged to {@code userId}. */
  static String availablePresenceOf(String userId) {
    return load("presence-available.json").replace(AVAILABLE_USER_ID, userId);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse fixture(int code, String name) {
    return json(code, load(name));
  }
}
