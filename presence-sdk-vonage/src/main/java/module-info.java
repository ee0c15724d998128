/**
 * The presence-sdk client for Vonage Contact Center (VCC, formerly NewVoiceMedia): agent presence,
 * presence definitions and availability summaries. The entry point is {@link
 * io.github.presencesdk.vonage.VonageClient}.
 */
module io.github.presencesdk.vonage {
  requires transitive io.github.presencesdk;
  requires com.squareup.moshi;
  requires okio;

  exports io.github.presencesdk.vonage;
}
