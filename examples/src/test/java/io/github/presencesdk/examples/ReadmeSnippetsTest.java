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
 * Keeps the README's Java examples honest: the Java blocks of README.md and the regions of this
 * module's sources between {@code // README: <name>} and {@code // README: end} must be the same
 * code (apart from indentation). So the README shows only code that this module compiles (and, for
 * the testkit example, runs as a test), and a region that is changed without the README fails the
 * build.
 */
final class ReadmeSnippetsTest {
  private static final Pattern REGION =
      Pattern.compile("(?ms)^[ \\t]*// README: (?!end)([^\\n]*)\\n(.*?)^[ \\t]*// README: end");

  /** A fenced block marked as Java, also when indented (inside a list item). */
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("(?ms)^[ \\t]*```java[ \\t]*\\n(.*?)^[ \\t]*```");

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static Map<String, String> regions = Map.of();
  private static List<String> javaBlocks = List.of();

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

    List<String> blocks = new ArrayList<>();
    Matcher m =
        JAVA_BLOCK.matcher(Files.readString(ROOT.resolve("README.md")).replace("\r\n", "\n"));
    while (m.find()) {
      blocks.add(normalize(dedent(m.group(1))));
    }
    javaBlocks = blocks;
  }

  @Test
  void everyMarkedRegionIsShownInTheReadme() {
    assertThat(regions).isNotEmpty();
    regions.forEach(
        (name, region) ->
            assertThat(javaBlocks)
                .as("README.md shows region '%s' unchanged in a ```java block", name)
                .contains(region));
  }

  @Test
  void everyJavaBlockOfTheReadmeIsCompiledCode() {
    assertThat(javaBlocks).isNotEmpty();
    for (String block : javaBlocks) {
      assertThat(regions.values())
          .as(
              "this ```java block of README.md is a region of the examples module"
                  + " (// README: <name> ... // README: end):%n%s",
              block)
          .contains(block);
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
