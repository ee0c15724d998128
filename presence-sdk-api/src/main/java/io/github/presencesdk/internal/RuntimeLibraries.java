package io.github.presencesdk.internal;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks, once per class loader, that the OkHttp, okio and kotlin-stdlib found at run time are a
 * combination the SDK runs on, so that a build that resolved the wrong versions fails when a client
 * is built, with a message that says what to add, instead of with a {@code NoSuchMethodError} deep
 * inside OkHttp on the first call.
 *
 * <p>What is checked is what breaks: OkHttp must be 5.x; okio must have what OkHttp 5.3 calls
 * ({@code okio.Okio.socket(java.net.Socket)}, which okio 3.7, the version Moshi asks for, lacks);
 * kotlin-stdlib must be there; and neither OkHttp nor okio may be on the class path twice (as when
 * an {@code okhttp} 4.x jar sits next to {@code okhttp-jvm} 5.x).
 */
public final class RuntimeLibraries {
  /** The versions the SDK is built and tested with; the message asks for these. */
  static final String OKHTTP_VERSION = "5.3.2";

  static final String OKIO_VERSION = "3.16.4";
  static final String KOTLIN_VERSION = "2.2.21";

  private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[\\w.+-]*?)\\.jar$");

  /** Null if the libraries found are fine; computed when the first client is built. */
  private static final class Outcome {
    static final @Nullable String PROBLEM = problem(Found.inThisRuntime());
  }

  private RuntimeLibraries() {}

  /**
   * Throws if the class path holds a combination of OkHttp, okio and kotlin-stdlib the SDK cannot
   * run on.
   *
   * @throws IllegalStateException naming the versions found and the dependency to add
   */
  public static void check() {
    String problem = Outcome.PROBLEM;
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /**
   * What was found at run time.
   *
   * @param okhttp OkHttp's version, or null if it is not there
   * @param okio okio's version as far as it can be told (from its jar or module), or null if okio
   *     is not there
   * @param okioHasSocket whether okio has {@code Okio.socket(Socket)}, which OkHttp 5.3 calls
   * @param kotlin kotlin-stdlib's version, or null if it is not there
   * @param okhttpCopies where {@code okhttp3.OkHttpClient} was found, more than one if duplicated
   * @param okioCopies where {@code okio.Okio} was found, more than one if duplicated
   */
  record Found(
      @Nullable String okhttp,
      @Nullable String okio,
      boolean okioHasSocket,
      @Nullable String kotlin,
      List<String> okhttpCopies,
      List<String> okioCopies) {

    static Found inThisRuntime() {
      ClassLoader loader = RuntimeLibraries.class.getClassLoader();
      Class<?> okio = load("okio.Okio", loader);
      boolean okioHasSocket = false;
      if (okio != null) {
        try {
          okio.getMethod("socket", java.net.Socket.class);
          okioHasSocket = true;
        } catch (NoSuchMethodException e) {
          okioHasSocket = false;
        }
      }
      return new Found(
          staticField("okhttp3.OkHttp", "VERSION", loader),
          okio == null ? null : versionOf(okio),
          okioHasSocket,
          staticField("kotlin.KotlinVersion", "CURRENT", loader),
          copies("okhttp3/OkHttpClient.class", loader),
          copies("okio/Okio.class", loader));
    }
  }

  /** The problem with what was found, in words a user can act on, or null if there is none. */
  static @Nullable String problem(Found found) {
    List<String> wrong = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    if (found.okhttp() == null || !found.okhttp().startsWith("5.")) {
      wrong.add(
          found.okhttp() == null
              ? "OkHttp is missing"
              : "OkHttp " + found.okhttp() + " is not OkHttp 5");
      fixes.add("com.squareup.okhttp3:okhttp-jvm:" + OKHTTP_VERSION);
    }
    if (found.okio() == null || !found.okioHasSocket()) {
      wrong.add(
          found.okio() == null
              ? "okio is missing"
              : "okio " + found.okio() + " is older than the okio 3.16 OkHttp 5.3 calls into");
      fixes.add("com.squareup.okio:okio-jvm:" + OKIO_VERSION);
    }
    if (found.kotlin() == null) {
      wrong.add("kotlin-stdlib, which OkHttp and okio run on, is missing");
      fixes.add("org.jetbrains.kotlin:kotlin-stdlib:" + KOTLIN_VERSION);
    }
    String duplicates = "";
    if (found.okhttpCopies().size() > 1) {
      wrong.add("OkHttp is on the class path more than once: " + found.okhttpCopies());
      duplicates = " and exclude the other copy (an okhttp 4.x jar next to okhttp-jvm 5.x)";
    }
    if (found.okioCopies().size() > 1) {
      wrong.add("okio is on the class path more than once: " + found.okioCopies());
      duplicates = " and exclude the other copy (an okio 2.x jar next to okio-jvm 3.x)";
    }
    if (wrong.isEmpty()) {
      return null;
    }
    String add =
        fixes.isEmpty()
            ? "Keep okhttp-jvm " + OKHTTP_VERSION + " and okio-jvm " + OKIO_VERSION
            : "Add " + String.join(" and ", fixes) + " to your dependencies";
    return "presence-sdk cannot run on the libraries on this class path: "
        + String.join("; ", wrong)
        + ". Found OkHttp "
        + orMissing(found.okhttp())
        + ", okio "
        + orMissing(found.okio())
        + ", kotlin-stdlib "
        + orMissing(found.kotlin())
        + ". "
        + add
        + duplicates
        + " (or remove the dependency management that holds them at these versions);"
        + " the SDK's README, section \"Version clashes\", explains why.";
  }

  private static String orMissing(@Nullable String version) {
    return version == null ? "(missing)" : version;
  }

  private static @Nullable Class<?> load(String name, @Nullable ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** A public static field's value as text; read reflectively because OkHttp's is inlined. */
  private static @Nullable String staticField(
      String className, String field, @Nullable ClassLoader loader) {
    Class<?> type = load(className, loader);
    if (type == null) {
      return null;
    }
    try {
      return String.valueOf(type.getField(field).get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "unknown";
    }
  }

  /** A library's version from its module descriptor or the name of its jar. */
  static String versionOf(Class<?> type) {
    Optional<String> fromModule =
        Optional.ofNullable(type.getModule().getDescriptor()).flatMap(ModuleDescriptor::rawVersion);
    if (fromModule.isPresent()) {
      return fromModule.get();
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      String version = versionInJarName(source.getLocation().toString());
      if (version != null) {
        return version;
      }
    }
    return "of unknown version";
  }

  /** The version in a jar's name, such as {@code 3.7.0} in {@code .../okio-jvm-3.7.0.jar}. */
  static @Nullable String versionInJarName(String location) {
    String path = location.endsWith("!/") ? location.substring(0, location.length() - 2) : location;
    Matcher matcher = JAR_VERSION.matcher(path);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static List<String> copies(String resource, @Nullable ClassLoader loader) {
    try {
      List<URL> urls =
          Collections.list(
              loader == null
                  ? ClassLoader.getSystemResources(resource)
                  : loader.getResources(resource));
      List<String> where = new ArrayList<>();
      for (URL url : urls) {
        String text = url.toString();
        int bang = text.indexOf("!/");
        where.add(bang < 0 ? text : text.substring(0, bang));
      }
      return where;
    } catch (IOException e) {
      return List.of();
    }
  }
}
