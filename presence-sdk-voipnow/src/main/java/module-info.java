/**
 * The presence-sdk client for the VoipNow Unified API: {@link
 * io.github.presencesdk.voipnow.VoipNowClient} lists the presence of extensions page by page and
 * reads extensions through the vendor-neutral {@link io.github.presencesdk.PresenceClient}.
 */
module io.github.presencesdk.voipnow {
  requires transitive io.github.presencesdk;
  requires com.squareup.moshi;
  requires okio;

  exports io.github.presencesdk.voipnow;
}
