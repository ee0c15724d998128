package com.example.consumer;

import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What this application's build resolved: the version of each library the SDK runs on, found at
 * run time, and a check that each is on the class path (or module path) once.
 */
public final class Resolved {
  private Resolved() {}

  /** Prints one line per library and fails if a library is there twice. */
  public static void printVersions() {
    print("okhttp", "okhttp3/OkHttp.class", staticString("okhttp3.OkHttp", "VERSION"));
    print("okio", "okio/Okio.class", fromJarName("okio.Okio"));
    print("kotlin-stdlib", "kotlin/KotlinVersion.class", kotlinVersion());
    print("moshi", "com/squareup/moshi/Moshi.class", fromJarName("com.squareup.moshi.Moshi"));
  }

  private static void print(String library, String resource, String version) {
    List<URL> copies;
    try {
      copies = Collections.list(Resolved.class.getClassLoader().getResources(resource));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    // On the module path a class loader may not list resources of named modules; one is one.
    int count = Math.max(copies.size(), 1);
    System.out.println("resolved " + library + " " + version);
    Check.that(count == 1, library + " is on the path once, found " + copies);
  }

  private static String staticString(String className, String field) {
    try {
      return String.valueOf(Class.forName(className).getField(field).get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no " + className, e);
    }
  }

  private static String kotlinVersion() {
    try {
      return String.valueOf(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no kotlin-stdlib", e);
    }
  }

  /** The version in the name of the jar a class came from, such as okio-jvm-3.16.4.jar. */
  private static String fromJarName(String className) {
    try {
      CodeSource source = Class.forName(className).getProtectionDomain().getCodeSource();
      String path = source == null ? "" : source.getLocation().getPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      List<String> parts = new ArrayList<>(List.of(name.replace(".jar", "").split("-")));
      return parts.isEmpty() ? name : parts.get(parts.size() - 1);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no " + className, e);
    }
  }
}
