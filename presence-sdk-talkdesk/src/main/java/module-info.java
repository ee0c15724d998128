/** The presence-sdk client for talkdesk. */
module io.github.presencesdk.talkdesk {
  requires transitive io.github.presencesdk;
}
