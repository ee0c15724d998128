package io.github.presencesdk.vonage;

/**
 * The liveness of the interactions an availability summary is computed for: whether agents must
 * have capacity for a live interaction (a call), a semi-live one (such as a chat) or a non-live one
 * (such as an email).
 *
 * <p>VCC documents examples with {@code semilive} and {@code nonlive}; its example for live
 * interactions sends no {@code liveness} at all, from which this SDK infers (no VCC page states it)
 * that live is the default. Every value that a request sets is sent, {@link #LIVE} as {@code
 * "live"}; a request that sets none sends no field, exactly as VCC's live example.
 */
public enum Liveness {
  /**
   * Live interactions, sent as {@code "live"}; also what VCC is taken to count when no liveness is
   * sent.
   */
  LIVE("live"),
  /** Semi-live interactions, sent as {@code "semilive"}. */
  SEMILIVE("semilive"),
  /** Non-live interactions, sent as {@code "nonlive"}. */
  NONLIVE("nonlive");

  private final String wireValue;

  Liveness(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value's name in VCC's API, such as {@code "semilive"}. */
  public String wireValue() {
    return wireValue;
  }
}
