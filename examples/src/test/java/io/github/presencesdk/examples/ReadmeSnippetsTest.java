package io.github.presencesdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Java examples honest: every region of the example sources between {@code //
 * README: <name>} and {@code // README: end} must appear in README.md unchanged (apart from its
 * indentation), so the README only shows code that this module compiles.
 */
final class ReadmeSnippetsTest {
  private static final Pattern REGION =
      Pattern.compile("(?ms)^[ \\t]*// README: (?!end)[^\\n]*\\n(.*?)^[ \\t]*// README: end");

  @Test
  void everyMarkedRegionIsShownInTheReadme() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = normalize(Files.readString(root.resolve("README.md")));
    List<String> regions = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("examples/src/main/java"))) {
      for (Path file :
          (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = REGION.matcher(Files.readString(file));
        while (m.find()) {
          regions.add(m.group(1));
        }
      }
    }

    assertThat(regions).isNotEmpty();
    for (String region : regions) {
      assertThat(readme).contains(normalize(dedent(region)));
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
