package io.github.presencesdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The response bodies the benchmarks serve, in the vendors' documented shapes, generated in code so
 * that their size can be chosen. Every method is deterministic: the same arguments give the same
 * bytes.
 */
public final class Payloads {
  /** The VCC presence definitions the generated entries cycle through: category, description. */
  private static final String[][] VCC_PRESENCES = {
    {"Ready", "Ready", "Ready"},
    {"LoggedOut", "Logged Out", "Logged Out"},
    {"Away", "Away", "Break"},
    {"ExtendedAway", "Extended Away", "Lunch"},
  };

  private Payloads() {}

  /** The id of the {@code i}-th VCC user: a GUID, as VCC uses. */
  public static String vccUserId(int i) {
    return new UUID(0xdaab05ecba5045afL ^ ((long) i << 20), 0xa6fd3b01cdc6f39bL ^ i).toString();
  }

  /** The first {@code n} VCC user ids. */
  public static List<String> vccUserIds(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(vccUserId(i));
    }
    return ids;
  }

  /**
   * The answer of {@code GET /agents/presences/users?userId=...}: a JSON array with one presence
   * object per id, in the documented shape (the user id, {@code updated}, {@code presence} with
   * {@code presenceId}, {@code selectable}, {@code category}, {@code description}).
   */
  public static String vccPresences(List<String> userIds) {
    StringBuilder out = new StringBuilder(userIds.size() * 320);
    out.append('[');
    for (int i = 0; i < userIds.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String[] p = VCC_PRESENCES[i % VCC_PRESENCES.length];
      out.append("{\"userId\":\"")
          .append(userIds.get(i))
          .append("\",\"updated\":\"2021-10-22T13:")
          .append(two(i / 60 % 60))
          .append(':')
          .append(two(i % 60))
          .append(".730Z\",\"presence\":{\"presenceId\":\"")
          .append(new UUID(0x36054f94d55f4382L, 0x8132ecac185c8e4dL + (i % 4)))
          .append("\",\"selectable\":true,\"category\":{\"categoryType\":\"")
          .append(p[0])
          .append("\",\"description\":\"")
          .append(p[1])
          .append("\"},\"description\":\"")
          .append(p[2])
          .append("\"}}");
    }
    return out.append(']').toString();
  }

  /** The id of the {@code i}-th Talkdesk user: 24 hex digits, as Talkdesk uses. */
  public static String talkdeskUserId(int i) {
    return String.format("61a4f2b9c3e8%012x", i);
  }

  /** The first {@code n} Talkdesk user ids. */
  public static List<String> talkdeskUserIds(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(talkdeskUserId(i));
    }
    return ids;
  }

  /** The answer of {@code GET /users/{id}/presence} in the documented shape. */
  public static String talkdeskPresence(String userId) {
    return "{\"id\":\"d290f1ee-6c54-4b01-90e6-d701748f0851\",\"user_id\":\""
        + userId
        + "\",\"account_id\":\"5f3c8e2a1b4d6f0012c3a9e7\",\"status\":\"available\","
        + "\"custom_status\":\"Available\","
        + "\"custom_status_id\":\"b7e4d2a0-1c3f-4e5a-9b8d-7f6e5d4c3b2a\",\"occupancy\":100,"
        + "\"channels\":[{\"name\":\"voice\",\"devices\":[\"softphone-3f2a\"],\"occupancy\":100}],"
        + "\"devices\":[{\"id\":\"softphone-3f2a\"}],"
        + "\"interactions\":[{\"id\":\"c8a1e6f4-2b7d-4c9e-8a3f-5d1b0e9c7a64\","
        + "\"channel_name\":\"voice\",\"device_id\":\"softphone-3f2a\",\"cost\":100}],"
        + "\"updated_by\":\""
        + userId
        + "\",\"updated_at\":\"2023-06-14T09:41:27.512Z\",\"_links\":{\"self\":{\"href\":"
        + "\"https://api.talkdeskapp.com/users/"
        + userId
        + "/presence\"}}}";
  }

  /**
   * The extended number of the {@code i}-th VoipNow extension: {@code 0003*} and six digits, so
   * that a million extensions of one user share the prefix {@code 0003*} as real ones do.
   */
  public static String voipNowExtension(int i) {
    return "0003*" + String.format("%06d", i);
  }

  /**
   * A page of the VoipNow presence listing in the documented shape: the envelope and the entries
   * {@code from} (inclusive) to {@code to} (exclusive) of the extensions numbered {@code first} on.
   *
   * @param startIndex the index reported for the first entry
   * @param totalResults the total reported
   * @param itemsPerPage the page size reported
   * @param first the number of the first extension
   * @param size the number of entries
   */
  public static String voipNowPage(
      int startIndex, int totalResults, int itemsPerPage, int first, int size) {
    StringBuilder out = new StringBuilder(64 + size * 150);
    appendVoipNowPage(out, startIndex, totalResults, itemsPerPage, first, size);
    return out.toString();
  }

  /** Appends a page as {@link #voipNowPage} returns it. */
  public static void appendVoipNowPage(
      StringBuilder out, int startIndex, int totalResults, int itemsPerPage, int first, int size) {
    appendVoipNowPage(out, startIndex, totalResults, itemsPerPage, first, 1, size);
  }

  /**
   * Appends a page as {@link #voipNowPage} returns it, with the extensions numbered {@code first},
   * {@code first + step}, ...: a step of -1 gives a page of a listing sorted descending.
   */
  public static void appendVoipNowPage(
      StringBuilder out,
      int startIndex,
      int totalResults,
      int itemsPerPage,
      int first,
      int step,
      int size) {
    out.append("{\"startIndex\":")
        .append(startIndex)
        .append(",\"totalResults\":")
        .append(totalResults)
        .append(",\"itemsPerPage\":")
        .append(itemsPerPage)
        .append(",\"filtered\":false,\"sorted\":false,\"entry\":[");
    for (int k = 0; k < size; k++) {
      int i = first + k * step;
      if (k > 0) {
        out.append(',');
      }
      // Status cycles 0..3; registration state as a string, as the documented example sends it.
      out.append("{\"extension\":\"0003*");
      String digits = Integer.toString(i);
      for (int pad = digits.length(); pad < 6; pad++) {
        out.append('0');
      }
      out.append(digits)
          .append("\",\"status\":")
          .append(i % 4)
          .append(",\"registration\":[{\"agent\":\"3CXPhone 5.0.14439.0\",\"registration\":\"")
          .append(i % 3 == 0 ? "-1" : "1")
          .append("\",\"expire\":\"2011-02-10T15:")
          .append(two(i / 60 % 60))
          .append(':')
          .append(two(i % 60))
          .append("Z\"}]}");
    }
    out.append("]}");
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
