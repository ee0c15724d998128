/** In-process fake vendor servers for testing presence-sdk integrations. */
module io.github.presencesdk.testkit {
  requires transitive mockwebserver3;
  requires transitive okhttp3;
  requires transitive org.jspecify;
  requires com.squareup.moshi;
  requires java.logging;
  requires okio;

  exports io.github.presencesdk.testkit;
}
