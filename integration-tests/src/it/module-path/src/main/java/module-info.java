/** An application on the module path that uses every vendor module. */
module com.example.modular {
  requires io.github.presencesdk.vonage;
  requires io.github.presencesdk.talkdesk;
  requires io.github.presencesdk.voipnow;
}
