/** The presence-sdk client for voipnow. */
module io.github.presencesdk.voipnow {
  requires transitive io.github.presencesdk;
}
