/**
 * The presence-sdk client for the Talkdesk Presence API: {@link
 * io.github.presencesdk.talkdesk.TalkdeskClient}.
 */
module io.github.presencesdk.talkdesk {
  requires transitive io.github.presencesdk;
  requires com.squareup.moshi;
  requires okio;

  exports io.github.presencesdk.talkdesk;
}
