package io.github.presencesdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Java examples of the documentation honest: the Java blocks of README.md and of every
 * page under docs/ and the regions of this module's sources between {@code // README: <name>} and
 * {@code // README: end} must be the same code (apart from indentation). So the pages show only
 * code that this module compiles (and, for the testkit example, runs as a test), and a region that
 * is changed without its page, or a block of any page that is changed without its region, fails the
 * build.
 */
final class ReadmeSnippetsTest {
  private static final Pattern REGION =
      Pattern.compile("(?ms)^[ \\t]*// README: (?!end)([^\\n]*)\\n(.*?)^[ \\t]*// README: end");

  /** A fenced block marked as Java, also when indented (inside a list item). */
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("(?ms)^[ \\t]*```java[ \\t]*\\n(.*?)^[ \\t]*```");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The pages known to hold Java examples; every other page under docs/ is read too. */
  private static final List<String> PAGES_WITH_JAVA =
      List.of(
          "README.md",
          "docs/errors-and-retries.md",
          "docs/vonage.md",
          "docs/talkdesk.md",
          "docs/voipnow.md",
          "docs/testkit.md");

  private static Map<String, String> regions = Map.of();

  /** Each Java block of a page, with the page it is on. */
  private static List<Block> javaBlocks = List.of();

  private record Block(String page, String code) {}

  @BeforeAll
  static void read() throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    for (String source : List.of("examples/src/main/java", "examples/src/test/java")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(source))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          Matcher m = REGION.matcher(Files.readString(file));
          while (m.find()) {
            String name = m.group(1).strip();
            String previous = found.put(name, normalize(dedent(m.group(2))));
            assertThat(previous).as("README region '%s' is defined twice", name).isNull();
          }
        }
      }
    }
    regions = found;

    List<Block> blocks = new ArrayList<>();
    for (String page : pages()) {
      Matcher m = JAVA_BLOCK.matcher(Files.readString(ROOT.resolve(page)).replace("\r\n", "\n"));
      while (m.find()) {
        blocks.add(new Block(page, normalize(dedent(m.group(1)))));
      }
    }
    javaBlocks = blocks;
  }

  /** README.md and every Markdown page under docs/, as paths relative to the project root. */
  static List<String> pages() throws IOException {
    List<String> pages = new ArrayList<>();
    pages.add("README.md");
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files
          .filter(p -> p.toString().endsWith(".md"))
          .sorted()
          .forEach(p -> pages.add(ROOT.relativize(p).toString().replace('\\', '/')));
    }
    return pages;
  }

  @Test
  void everyPageWithExamplesIsRead() {
    assertThat(javaBlocks.stream().map(Block::page).distinct())
        .as("the pages whose ```java blocks are checked")
        .containsAll(PAGES_WITH_JAVA);
  }

  @Test
  void everyMarkedRegionIsShownOnAPage() {
    assertThat(regions).isNotEmpty();
    List<String> shown = javaBlocks.stream().map(Block::code).toList();
    regions.forEach(
        (name, region) ->
            assertThat(shown)
                .as(
                    "README.md or a page under docs/ shows region '%s' unchanged in a ```java block",
                    name)
                .contains(region));
  }

  @Test
  void everyJavaBlockOfEveryPageIsCompiledCode() {
    assertThat(javaBlocks).isNotEmpty();
    for (Block block : javaBlocks) {
      assertThat(regions.values())
          .as(
              "this ```java block of %s is a region of the examples module"
                  + " (// README: <name> ... // README: end):%n%s",
              block.page(), block.code())
          .contains(block.code());
    }
  }

  private static String dedent(String block) {
    int indent = Integer.MAX_VALUE;
    for (String line : block.lines().toList()) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : block.lines().toList()) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static String normalize(String text) {
    return text.replace("\r\n", "\n").strip();
  }
}
