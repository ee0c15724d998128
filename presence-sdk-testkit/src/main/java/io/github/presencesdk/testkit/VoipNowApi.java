package io.github.presencesdk.testkit;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The VoipNow UAPI presence listing over an in-memory world. Thread-safe. */
final class VoipNowApi implements FakeServer.Api {
  static final Set<String> FIELDS = Set.of("extension", "status", "registration");
  static final Set<String> FILTER_OPS = Set.of("equals", "contains", "startsWith", "inArray");
  static final Set<String> SELF_USERS = Set.of("@me", "@viewer", "@owner");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

  /** One registration of a phone to an extension. */
  record Registration(String agent, int registration, @Nullable Instant expire) {}

  /** One extension's presence; replaced as a whole when it changes. */
  record Extension(String number, int status, List<Registration> registrations) {}

  private final String userId;
  private final int maxCount;
  private final int maxStartIndex;
  private final List<String> numbers;
  private final Map<String, Extension> extensions = new ConcurrentHashMap<>();
  private final TokenIssuer tokens;
  private volatile boolean numbersAsStrings;

  VoipNowApi(
      String userId,
      int maxCount,
      int maxStartIndex,
      boolean numbersAsStrings,
      List<Extension> extensions,
      TokenIssuer tokens) {
    this.userId = userId;
    this.maxCount = maxCount;
    this.maxStartIndex = maxStartIndex;
    this.numbersAsStrings = numbersAsStrings;
    List<String> order = new ArrayList<>();
    for (Extension extension : extensions) {
      order.add(extension.number());
      this.extensions.put(extension.number(), extension);
    }
    this.numbers = List.copyOf(order);
    this.tokens = tokens;
  }

  String userId() {
    return userId;
  }

  List<String> numbers() {
    return numbers;
  }

  void numbersAsStrings(boolean value) {
    numbersAsStrings = value;
  }

  Extension extension(String number) {
    Extension extension = extensions.get(number);
    if (extension == null) {
      throw new IllegalArgumentException("extension is not seeded in this fake: " + number);
    }
    return extension;
  }

  void setStatus(String number, int status) {
    extension(number);
    extensions.computeIfPresent(
        number, (k, old) -> new Extension(old.number(), status, old.registrations()));
  }

  // ---- routing ------------------------------------------------------------------------------

  @Override
  public Answer answer(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    if (!isPresencePath(segments) || !request.getMethod().equals("GET")) {
      return error(
          501,
          "request_not_implemented",
          request.getMethod() + " " + request.getUrl().encodedPath() + " is not implemented.");
    }
    if (tokens.authorize(request.getHeaders().get("Authorization")) == null) {
      return error(401, "access_denied", "The access token is missing, invalid or expired.");
    }
    String user = segments.get(2);
    if (!SELF_USERS.contains(user) && !user.equals(userId)) {
      return error(400, "user_invalid", "The user id '" + user + "' does not exist.");
    }
    String extension = segments.get(3);
    if (!extension.equals("@self") && !extensions.containsKey(extension)) {
      return error(
          400,
          "extension_invalid",
          "The extension '" + extension + "' is not an extension of the user; use @self for all.");
    }
    HttpUrl url = request.getUrl();
    Integer count = number(url.queryParameter("count"), 20, 1, maxCount);
    if (count == null) {
      return error(400, "count_invalid", "count must be a number from 1 to " + maxCount + ".");
    }
    Integer startIndex = number(url.queryParameter("startIndex"), 0, 0, maxStartIndex);
    if (startIndex == null) {
      return error(
          400,
          "startindex_invalid",
          "startIndex must be a number from 0 to " + maxStartIndex + ".");
    }
    String filterBy = url.queryParameter("filterBy");
    if (filterBy != null && !filterBy.equals("extension")) {
      return error(400, "filterby_invalid", "filterBy can only be extension.");
    }
    String filterOp = url.queryParameter("filterOp");
    if (filterOp != null && !FILTER_OPS.contains(filterOp)) {
      return error(
          400, "filterop_invalid", "filterOp must be equals, contains, startsWith or inArray.");
    }
    String filterValue = url.queryParameter("filterValue");
    if (filterBy != null && (filterValue == null || filterValue.isEmpty())) {
      return error(400, "filtervalue_invalid", "filterValue is required with filterBy.");
    }
    String sortOrder = url.queryParameter("sortOrder");
    Boolean ascending = sortOrder == null ? null : ascending(sortOrder);
    if (sortOrder != null && ascending == null) {
      return error(400, "sortorder_invalid", "sortOrder must be asc or desc.");
    }
    Set<String> fields = fields(url.queryParameter("fields"));
    if (fields.isEmpty()) {
      return error(
          400, "fields_invalid", "fields must list names among extension, status, registration.");
    }

    List<Extension> matching = new ArrayList<>();
    Predicate<String> filter =
        filterBy == null || filterValue == null
            ? number -> true
            : filter(filterOp == null ? "equals" : filterOp, filterValue);
    for (String number : extension.equals("@self") ? numbers : List.of(extension)) {
      Extension current = extensions.get(number);
      if (current != null && filter.test(number)) {
        matching.add(current);
      }
    }
    if (ascending != null) {
      Comparator<Extension> byNumber = Comparator.comparing(Extension::number);
      matching.sort(ascending ? byNumber : byNumber.reversed());
    }
    if (matching.isEmpty()) {
      return new Answer(204, Map.of(), "");
    }
    int total = matching.size();
    List<Extension> page =
        startIndex >= total
            ? List.of()
            : matching.subList(startIndex, Math.min(total, startIndex + count));
    boolean strings = numbersAsStrings;
    boolean filtered = filterBy != null;
    boolean sorted = ascending != null;
    return Answer.json(
        200,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writeNumber(writer.name("startIndex"), startIndex, strings);
              writeNumber(writer.name("totalResults"), total, strings);
              writeNumber(writer.name("itemsPerPage"), count, strings);
              writer.name("filtered").value(filtered);
              writer.name("sorted").value(sorted);
              writer.name("entry").beginArray();
              for (Extension entry : page) {
                writeEntry(writer, entry, fields, strings);
              }
              writer.endArray();
              writer.endObject();
            }));
  }

  private static boolean isPresencePath(List<String> segments) {
    return segments.size() == 5
        && segments.get(0).equals("uapi")
        && segments.get(1).equals("extensions")
        && segments.get(4).equals("presence");
  }

  @Override
  public List<String> ids(RecordedRequest request) {
    List<String> segments = HttpParts.segments(request.getUrl());
    if (!isPresencePath(segments)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (!segments.get(3).equals("@self")) {
      ids.add(segments.get(3));
    }
    HttpUrl url = request.getUrl();
    String filterValue = url.queryParameter("filterValue");
    if (url.queryParameter("filterBy") != null && filterValue != null && !filterValue.isEmpty()) {
      if ("inArray".equals(url.queryParameter("filterOp"))) {
        ids.addAll(splitList(filterValue));
      } else {
        ids.add(filterValue);
      }
    }
    return ids;
  }

  @Override
  public Answer failure(int status) {
    if (status == 429) {
      return error(429, "too_many_requests", "Too many requests; retry later.");
    }
    return status == 501
        ? error(501, "request_not_implemented", "The request is not implemented.")
        : error(status, "internal_server_error", "The server could not complete the request.");
  }

  // ---- parameters ---------------------------------------------------------------------------

  /** A number parameter within bounds, the default when absent, or {@code null} when invalid. */
  private static @Nullable Integer number(@Nullable String value, int absent, int min, int max) {
    if (value == null) {
      return absent;
    }
    if (!NUMBER.matcher(value).matches()) {
      return null;
    }
    int number = Integer.parseInt(value);
    return number < min || number > max ? null : number;
  }

  private static @Nullable Boolean ascending(String sortOrder) {
    return switch (sortOrder.toLowerCase(Locale.ROOT)) {
      case "asc", "ascending" -> Boolean.TRUE;
      case "desc", "descending" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The fields asked for, every field when absent, or an empty set when the value is invalid. */
  private static Set<String> fields(@Nullable String value) {
    if (value == null) {
      return FIELDS;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String name : value.split(",", -1)) {
      String trimmed = name.trim();
      if (!FIELDS.contains(trimmed)) {
        return Set.of();
      }
      fields.add(trimmed);
    }
    return fields;
  }

  private static List<String> splitList(String value) {
    List<String> values = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      if (!item.isBlank()) {
        values.add(item.trim());
      }
    }
    return values;
  }

  private static Predicate<String> filter(String op, String value) {
    return switch (op) {
      case "contains" -> number -> number.contains(value);
      case "startsWith" -> number -> number.startsWith(value);
      case "inArray" -> {
        Set<String> values = Set.copyOf(splitList(value));
        yield values::contains;
      }
      default -> number -> number.equals(value);
    };
  }

  // ---- JSON ---------------------------------------------------------------------------------

  private static void writeNumber(JsonWriter writer, long value, boolean asString)
      throws IOException {
    if (asString) {
      writer.value(Long.toString(value));
    } else {
      writer.value(value);
    }
  }

  private static void writeEntry(
      JsonWriter writer, Extension extension, Set<String> fields, boolean strings)
      throws IOException {
    writer.beginObject();
    if (fields.contains("extension")) {
      writer.name("extension").value(extension.number());
    }
    if (fields.contains("status")) {
      writeNumber(writer.name("status"), extension.status(), strings);
    }
    if (fields.contains("registration")) {
      writer.name("registration").beginArray();
      for (Registration registration : extension.registrations()) {
        writer.beginObject();
        writer.name("agent").value(registration.agent());
        // The vendor's documented example sends this code as a string.
        writer.name("registration").value(Integer.toString(registration.registration()));
        if (registration.expire() != null) {
          writer.name("expire").value(JsonText.SECONDS.format(registration.expire()));
        }
        writer.endObject();
      }
      writer.endArray();
    }
    writer.endObject();
  }

  static Answer error(int status, String code, String message) {
    return Answer.json(
        status,
        JsonText.write(
            writer -> {
              writer.beginObject();
              writer.name("error").beginObject();
              writer.name("code").value(code);
              writer.name("message").value(message);
              writer.endObject();
              writer.endObject();
            }));
  }
}
