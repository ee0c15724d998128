package com.example.consumer;

/**
 * Runs the calls of each vendor named in the first argument (comma-separated, such as {@code
 * vonage,talkdesk}) after printing the versions this build resolved.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Resolved.printVersions();
    for (String vendor : args[0].split(",")) {
      String name = vendor.trim();
      String type;
      if (name.equals("vonage")) {
        type = "com.example.consumer.VonageCalls";
      } else if (name.equals("talkdesk")) {
        type = "com.example.consumer.TalkdeskCalls";
      } else if (name.equals("voipnow")) {
        type = "com.example.consumer.VoipNowCalls";
      } else {
        throw new IllegalArgumentException("no calls for vendor " + name);
      }
      // Looked up by name so that one program serves consumers with any set of vendor modules.
      Class.forName(type).getMethod("run").invoke(null);
    }
    System.out.println("consumer ok: " + args[0]);
  }
}
