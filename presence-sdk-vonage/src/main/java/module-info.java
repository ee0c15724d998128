/** The presence-sdk client for vonage. */
module io.github.presencesdk.vonage {
  requires transitive io.github.presencesdk;
}
