package io.github.presencesdk.voipnow;

/**
 * How a VoipNow server spells the values of {@code filterOp} and {@code sortOrder}.
 *
 * <p>VoipNow's documentation shows two spellings. The List Presence reference page lists neither
 * parameter in its parameter tables; its error table says that {@code filterOp} "must be set to one
 * of the values: contains, equals, starts with or present" and {@code sortOrder} "to one of the
 * values: ascending or descending". The Unified API v5 pages spell them {@code equals}, {@code
 * contains}, {@code startsWith}, {@code inArray} and {@code asc}, {@code desc}.
 *
 * <table>
 *   <caption>Wire values per dialect</caption>
 *   <tr><th>option</th><th>{@link #V5} (default)</th><th>{@link #V3}</th></tr>
 *   <tr><td>{@code EQUALS}</td><td>{@code equals}</td><td>{@code equals}</td></tr>
 *   <tr><td>{@code CONTAINS}</td><td>{@code contains}</td><td>{@code contains}</td></tr>
 *   <tr><td>{@code STARTS_WITH}</td><td>{@code startsWith}</td><td>{@code starts with}</td></tr>
 *   <tr><td>{@code IN_ARRAY}</td><td>{@code inArray}</td><td>not available</td></tr>
 *   <tr><td>{@code ASCENDING}</td><td>{@code asc}</td><td>{@code ascending}</td></tr>
 *   <tr><td>{@code DESCENDING}</td><td>{@code desc}</td><td>{@code descending}</td></tr>
 * </table>
 *
 * <p>The client sends one dialect, chosen with {@link VoipNowClient.Builder#queryDialect}; the
 * default is {@link #V5}, the current API, whose {@code inArray} lets a bulk read ask for many
 * extensions per request. If a server answers {@code filterop_invalid} or {@code sortorder_invalid}
 * to a filter or sort order, it may speak the other one. The {@code present} operation of the older
 * pages is not offered: every presence entry has an extension.
 */
public enum QueryDialect {
  /**
   * The Unified API v5 spelling, the default: {@code startsWith}, {@code inArray}, {@code asc},
   * {@code desc}.
   */
  V5,

  /**
   * The older spelling of the reference page's error table: {@code starts with}, {@code ascending},
   * {@code descending}. It has no {@code inArray}, so {@link ListPresenceRequest.FilterOp#IN_ARRAY}
   * filters are refused before sending and {@link VoipNowClient#presences} asks for one extension
   * per request.
   */
  V3;

  /** Returns true if this dialect has a wire value for {@code op}. */
  public boolean supports(ListPresenceRequest.FilterOp op) {
    return this == V5 || op != ListPresenceRequest.FilterOp.IN_ARRAY;
  }
}
