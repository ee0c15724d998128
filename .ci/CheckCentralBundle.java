import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Checks what a release build staged for Maven Central ({@code ./mvnw -Prelease deploy} writes it
 * to target/staging-deploy) and zips it into target/central-bundle.zip, the bundle the Central
 * Portal takes: for each published module, the files the portal requires (POM; for jars also the
 * sources and javadoc jars; checksums; signatures when signing ran), a POM with the metadata
 * Central refuses to publish without, and nothing of the modules that are not published.
 *
 * <p>Usage: {@code java .ci/CheckCentralBundle.java target/staging-deploy VERSION [--signed]}.
 * Exits with 1 and a list of what is missing.
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
    Path staging = Path.of(args[0]);
    String version = args[1];
    boolean signed = args.length > 2 && args[2].equals("--signed");
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(staging)) {
      System.err.println("nothing staged at " + staging);
      System.exit(1);
    }
    Map<String, byte[]> entries = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staging)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      String name = staging.relativize(file).toString().replace('\\', '/');
      // Repository metadata is the deploy plugin's, not part of a Central bundle.
      if (name.contains("maven-metadata")) {
        continue;
      }
      entries.put(name, name.endsWith(".pom") ? Files.readAllBytes(file) : new byte[0]);
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
    Path bundle = staging.resolveSibling("central-bundle.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
      for (String name : entries.keySet()) {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(staging.resolve(name), zip);
        zip.closeEntry();
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
      Matcher matcher = Pattern.compile("<" + element + "(\\s[^>]*)?>\\s*[^\\s]").matcher(text);
      if (!matcher.find()) {
        problems.add(module + " POM has no <" + element + ">");
      }
    }
    if (!text.contains("<license>") || !text.contains("<developer>")) {
      problems.add(module + " POM lists no license or no developer");
    }
  }
}
