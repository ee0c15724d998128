package io.github.presencesdk.talkdesk;

import io.github.presencesdk.internal.EnumLookup;

/**
 * A Talkdesk user status. The four documented values can be read and written; {@link #UNKNOWN}
 * stands for any value this SDK does not know yet and is only ever read (the raw value is in {@link
 * TalkdeskPresence#rawStatus()}).
 */
public enum TalkdeskStatus {
  /** {@code available}: the user can take work (unless busy with ongoing interactions). */
  AVAILABLE("available"),
  /** {@code away}: the user stepped away, often with a custom status saying why. */
  AWAY("away"),
  /** {@code offline}: the user is signed out. */
  OFFLINE("offline"),
  /** {@code hidden}: the user chose to appear offline. */
  HIDDEN("hidden"),
  /** A value Talkdesk sent that this SDK does not know; cannot be written. */
  UNKNOWN("");

  private static final EnumLookup<TalkdeskStatus> LOOKUP =
      EnumLookup.ignoringCase(TalkdeskStatus.class, TalkdeskStatus::wireValue, UNKNOWN);

  private final String wireValue;

  TalkdeskStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value on the wire, such as {@code "available"}; empty for {@link #UNKNOWN}. */
  public String wireValue() {
    return wireValue;
  }

  /** Returns true for the statuses a status update may set (all but {@link #UNKNOWN}). */
  public boolean isWritable() {
    return this != UNKNOWN;
  }

  /** The status for a wire value, ignoring case; {@link #UNKNOWN} for any other value. */
  public static TalkdeskStatus fromWireValue(String wireValue) {
    return LOOKUP.lookup(wireValue);
  }
}
