package io.github.presencesdk.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake answers to one request: status, headers and body text (empty for none). */
record Answer(int status, Map<String, String> headers, String body) {
  static final String JSON = "application/json; charset=utf-8";

  Answer {
    headers = Map.copyOf(headers);
  }

  static Answer json(int status, String body) {
    return new Answer(status, Map.of("Content-Type", JSON), body);
  }

  static Answer noContent() {
    return new Answer(204, Map.of(), "");
  }

  Answer withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Answer(status, copy, body);
  }
}
