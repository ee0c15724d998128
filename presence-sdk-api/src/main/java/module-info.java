/**
 * The vendor-neutral contract of presence-sdk: {@link io.github.presencesdk.PresenceClient}, the
 * presence model, the exception tree and the configuration types.
 *
 * <p>The {@code internal} package holds the HTTP core the vendor modules share; it is exported to
 * those modules only and is not part of the public API.
 */
module io.github.presencesdk {
  requires transitive okhttp3;
  requires transitive org.jspecify;
  requires com.squareup.moshi;
  requires okio;

  exports io.github.presencesdk;
  exports io.github.presencesdk.internal to
      io.github.presencesdk.vonage,
      io.github.presencesdk.talkdesk,
      io.github.presencesdk.voipnow;
}
