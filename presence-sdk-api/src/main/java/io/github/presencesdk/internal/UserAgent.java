package io.github.presencesdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Builds the {@code User-Agent}: {@code presence-sdk/<version> (<vendor>) Java/<version>}. */
public final class UserAgent {
  /** The SDK version, from the build. */
  public static final String SDK_VERSION = loadVersion();

  private UserAgent() {}

  /** The User-Agent for {@code vendor}. */
  public static String of(String vendor) {
    return "presence-sdk/"
        + SDK_VERSION
        + " ("
        + vendor
        + ") Java/"
        + System.getProperty("java.version");
  }

  private static String loadVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
