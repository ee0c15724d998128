package com.example.modular;

import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.Arrays;
import java.util.List;

/**
 * Runs on the module path, in a JVM of its own: reads presences from the three vendors whose fake
 * servers the launcher started. Arguments, per vendor: base URL, token URL, client id, client
 * secret, then a comma-separated list of ids.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    check(Main.class.getModule().isNamed(), "runs as a named module");
    check(VonageClient.class.getModule().isNamed(), "the SDK is on the module path");
    System.out.println(
        "module path: "
            + Main.class.getModule().getName()
            + " reads "
            + VonageClient.class.getModule().getName()
            + ", "
            + okhttp3.OkHttpClient.class.getModule().getName()
            + ", "
            + okio.Okio.class.getModule().getName()
            + " "
            + okio.Okio.class.getModule().getDescriptor().rawVersion().orElse("?"));

    System.out.println("resolved okhttp " + field("okhttp3.OkHttp", "VERSION"));
    System.out.println("resolved okio " + moduleVersion(okio.Okio.class));
    System.out.println("resolved kotlin-stdlib " + field("kotlin.KotlinVersion", "CURRENT"));
    System.out.println("resolved moshi " + moduleVersion(type("com.squareup.moshi.Moshi")));

    List<String> vonageIds = ids(args[4]);
    try (VonageClient client =
        VonageClient.builder()
            .baseUrl(args[0])
            .tokenUrl(args[1])
            .clientCredentials(args[2], args[3])
            .scopes("users:read")
            .build()) {
      PresenceBatch<VonagePresence> batch = client.presences(vonageIds);
      check(batch.presences().size() == vonageIds.size(), "VCC presences " + batch);
      System.out.println("vonage on the module path: " + batch);
    }
    List<String> talkdeskIds = ids(args[9]);
    try (TalkdeskClient client =
        TalkdeskClient.builder()
            .baseUrl(args[5])
            .tokenUrl(args[6])
            .clientCredentials(args[7], args[8])
            .scopes(TalkdeskClient.SCOPE_PRESENCE_USER_READ)
            .build()) {
      PresenceBatch<TalkdeskPresence> batch = client.presences(talkdeskIds);
      check(batch.presences().size() == talkdeskIds.size(), "Talkdesk presences " + batch);
      System.out.println("talkdesk on the module path: " + batch);
    }
    List<String> extensions = ids(args[14]);
    try (VoipNowClient client =
        VoipNowClient.builder()
            .baseUrl(args[10])
            .tokenUrl(args[11])
            .clientCredentials(args[12], args[13])
            .build()) {
      PresenceBatch<ExtensionPresence> batch = client.presences(extensions);
      check(batch.presences().size() == extensions.size(), "VoipNow presences " + batch);
      long listed = client.list().stream().count();
      check(listed > 0, "VoipNow listing");
      System.out.println("voipnow on the module path: " + batch + ", listed " + listed);
    }
    System.out.println("consumer ok: module path");
  }

  private static String field(String type, String name) {
    try {
      return String.valueOf(Class.forName(type).getField(name).get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not on the module path", e);
    }
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name + " is not on the module path", e);
    }
  }

  /** An automatic module's version, which Java takes from its jar's name. */
  private static String moduleVersion(Class<?> type) {
    return type.getModule().getDescriptor().rawVersion().orElse("unknown");
  }

  private static List<String> ids(String commaSeparated) {
    return Arrays.asList(commaSeparated.split(","));
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("consumer check failed: " + what);
    }
  }
}
