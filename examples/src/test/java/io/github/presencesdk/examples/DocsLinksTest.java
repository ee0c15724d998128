package io.github.presencesdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, of the pages under docs/ and of the modules' READMEs leads to a
 * file that exists, and every {@code #anchor} to a heading of its page, as GitHub names them.
 */
final class DocsLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** An inline Markdown link or image: {@code [text](target)}. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static final Pattern FENCE = Pattern.compile("(?ms)^[ \\t]*```.*?^[ \\t]*```");

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (String page : ReadmeSnippetsTest.pages()) {
      pages.add(ROOT.resolve(page));
    }
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules
          .map(dir -> dir.resolve("README.md"))
          .filter(p -> !p.getParent().equals(ROOT) && Files.isRegularFile(p))
          .sorted()
          .forEach(pages::add);
    }
    assertThat(pages).contains(ROOT.resolve("docs/cli.md"), ROOT.resolve("docs/vonage.md"));

    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      String text = FENCE.matcher(Files.readString(page)).replaceAll("");
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String where = ROOT.relativize(page) + ": (" + target + ")";
        if (!Files.exists(linked)) {
          broken.add(where + " leads to no file");
        } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
          broken.add(where + " names no heading of " + ROOT.relativize(linked));
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(broken).as("broken links").isEmpty();
  }

  /** The anchors GitHub gives the headings of a Markdown file. */
  private static Set<String> anchors(Path markdown) throws IOException {
    Set<String> anchors = new HashSet<>();
    String text = FENCE.matcher(Files.readString(markdown)).replaceAll("");
    for (String line : text.lines().toList()) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        String anchor = heading.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
        String unique = anchor;
        for (int n = 1; !anchors.add(unique); n++) {
          unique = anchor + "-" + n;
        }
      }
    }
    return anchors;
  }
}
