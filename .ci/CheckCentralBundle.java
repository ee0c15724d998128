import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks the Maven Central bundle a release build made: for each published module, the files the
 * Central Portal requires (POM; for jars also the sources and javadoc jars; checksums; signatures
 * when signing ran) and a POM with the metadata Central refuses to publish without.
 *
 * <p>Usage: {@code java .ci/CheckCentralBundle.java target/central-publishing/central-bundle.zip
 * VERSION [--signed]}. Exits with 1 and a list of what is missing.
 */
public final class CheckCentralBundle {
  private static final List<String> JAR_MODULES =
      List.of(
          "presence-sdk-api",
          "presence-sdk-vonage",
          "presence-sdk-talkdesk",
          "presence-sdk-voipnow",
          "presence-sdk-testkit");
  private static final List<String> POM_MODULES = List.of("presence-sdk-bom", "presence-sdk-parent");
  private static final List<String> NOT_PUBLISHED =
      List.of(
          "presence-sdk-test-support",
          "presence-sdk-reliability-tests",
          "presence-sdk-examples",
          "presence-sdk-integration-tests",
          "presence-sdk-benchmarks");
  private static final String GROUP_PATH = "io/github/presencesdk/";

  public static void main(String[] args) throws IOException {
    Path bundle = Path.of(args[0]);
    String version = args[1];
    boolean signed = args.length > 2 && args[2].equals("--signed");
    List<String> problems = new ArrayList<>();
    if (!Files.isRegularFile(bundle)) {
      System.err.println("no bundle at " + bundle);
      System.exit(1);
    }
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (entry.getName().endsWith(".pom")) {
          try (InputStream in = zip.getInputStream(entry)) {
            entries.put(entry.getName(), in.readAllBytes());
          }
        } else {
          entries.put(entry.getName(), new byte[0]);
        }
      }
    }
    for (String module : JAR_MODULES) {
      String base = GROUP_PATH + module + "/" + version + "/" + module + "-" + version;
      for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
        requireFile(entries, base + suffix, signed, problems);
      }
      checkPom(module, entries.get(base + ".pom"), parentPom(entries, version), problems);
    }
    for (String module : POM_MODULES) {
      String base = GROUP_PATH + module + "/" + version + "/" + module + "-" + version;
      requireFile(entries, base + ".pom", signed, problems);
      checkPom(module, entries.get(base + ".pom"), new byte[0], problems);
    }
    for (String name : entries.keySet()) {
      for (String module : NOT_PUBLISHED) {
        if (name.startsWith(GROUP_PATH + module + "/")) {
          problems.add(name + ": " + module + " is not published, but is in the bundle");
        }
      }
    }
    TreeSet<String> modules = new TreeSet<>();
    for (String name : entries.keySet()) {
      if (name.startsWith(GROUP_PATH) && name.endsWith(".pom")) {
        modules.add(name.substring(GROUP_PATH.length(), name.indexOf('/', GROUP_PATH.length())));
      }
    }
    System.out.println(
        "central bundle "
            + bundle
            + ": "
            + entries.size()
            + " files, modules "
            + modules
            + (signed ? ", signed" : ", unsigned (no key configured)"));
    if (!problems.isEmpty()) {
      problems.forEach(problem -> System.err.println("  missing or wrong: " + problem));
      System.exit(1);
    }
    System.out.println("central bundle complete: jar, sources, javadoc, POM and checksums per module");
  }

  private static void requireFile(
      Map<String, byte[]> entries, String name, boolean signed, List<String> problems) {
    if (!entries.containsKey(name)) {
      problems.add(name);
      return;
    }
    for (String checksum : List.of(".md5", ".sha1")) {
      if (!entries.containsKey(name + checksum)) {
        problems.add(name + checksum);
      }
    }
    if (signed && !entries.containsKey(name + ".asc")) {
      problems.add(name + ".asc");
    }
  }

  private static byte[] parentPom(Map<String, byte[]> entries, String version) {
    byte[] parent =
        entries.get(
            GROUP_PATH
                + "presence-sdk-parent/"
                + version
                + "/presence-sdk-parent-"
                + version
                + ".pom");
    return parent == null ? new byte[0] : parent;
  }

  /**
   * Central requires name, description, url, a license, a developer and scm in every POM; a module
   * may inherit all but its own name and description from the parent POM, which is published too.
   */
  private static void checkPom(String module, byte[] pom, byte[] parent, List<String> problems) {
    if (pom == null) {
      return;
    }
    String own = new String(pom, StandardCharsets.UTF_8);
    for (String element : List.of("name", "description")) {
      if (!Pattern.compile("<" + element + ">\\s*[^<\\s]").matcher(own).find()) {
        problems.add(module + " POM has no <" + element + "> of its own");
      }
    }
    String text = own + new String(parent, StandardCharsets.UTF_8);
    for (String element :
        List.of(
            "url",
            "licenses",
            "developers",
            "scm",
            "connection",
            "developerConnection")) {
      Matcher matcher = Pattern.compile("<" + element + ">\\s*[^\\s]").matcher(text);
      if (!matcher.find()) {
        problems.add(module + " POM has no <" + element + ">");
      }
    }
    if (!text.contains("<license>") || !text.contains("<developer>")) {
      problems.add(module + " POM lists no license or no developer");
    }
  }
}
