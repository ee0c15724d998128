package com.example.modular;

import io.github.presencesdk.testkit.TalkdeskFake;
import io.github.presencesdk.testkit.VoipNowFake;
import io.github.presencesdk.testkit.VonageFake;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the three fakes on the class path (the testkit is a test dependency), then runs {@link
 * Main} with {@code java --module-path}, on the application's runtime dependencies only.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    String runtime = Files.readString(Path.of("target", "runtime-modules.txt")).trim();
    String modulePath = Path.of("target", "classes") + File.pathSeparator + runtime;
    try (VonageFake vonage = VonageFake.demo();
        TalkdeskFake talkdesk = TalkdeskFake.demo();
        VoipNowFake voipnow = VoipNowFake.demo()) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("--module-path");
      command.add(modulePath);
      command.add("--module");
      command.add("com.example.modular/com.example.modular.Main");
      command.add(vonage.baseUrl().toString());
      command.add(vonage.tokenUrl().toString());
      command.add(vonage.clientId());
      command.add(vonage.clientSecret());
      command.add(String.join(",", vonage.userIds().subList(0, 60)));
      command.add(talkdesk.baseUrl().toString());
      command.add(talkdesk.tokenUrl().toString());
      command.add(talkdesk.clientId());
      command.add(talkdesk.clientSecret());
      command.add(String.join(",", talkdesk.userIds().subList(0, 4)));
      command.add(voipnow.baseUrl().toString());
      command.add(voipnow.tokenUrl().toString());
      command.add(voipnow.clientId());
      command.add(voipnow.clientSecret());
      command.add(String.join(",", voipnow.extensions().subList(0, 5)));
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new AssertionError("the module-path application exited with " + exit);
      }
      if (vonage.requests().apiCalls().size() != 2 || talkdesk.requests().apiCalls().size() != 4) {
        throw new AssertionError(
            "unexpected requests: VCC "
                + vonage.requests().apiCalls().size()
                + ", Talkdesk "
                + talkdesk.requests().apiCalls().size());
      }
    }
  }
}
