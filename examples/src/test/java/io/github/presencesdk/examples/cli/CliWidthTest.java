package io.github.presencesdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tables fit the width: {@code COLUMNS}, else the terminal's as the launcher measured it, else 80.
 * Ids are never cut; other cells are, with an ellipsis.
 */
final class CliWidthTest {
  private static final Pattern GUID_ROW =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}  .*");

  @Test
  void at80ColumnsEveryLineFitsAndIdsAreWhole() {
    CliRun run = CliRun.run(Map.of("COLUMNS", "80"), "--demo", "vonage", "presences");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(121).allSatisfy(line -> assertThat(line.length()).isLessThan(81));
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(row -> assertThat(row).matches(GUID_ROW).contains(Text.ELLIPSIS));
    // The state is whole too: only the columns after it are cut.
    assertThat(run.out()).contains("daab05ec-ba50-45af-a6fd-3b01cdc6f39b  OFFLINE  ");
  }

  @Test
  void at160ColumnsNothingIsCut() {
    CliRun run = CliRun.run(Map.of("COLUMNS", "160"), "--demo", "vonage", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(161));
    assertThat(run.out())
        .doesNotContain(Text.ELLIPSIS)
        .contains(
            "daab05ec-ba50-45af-a6fd-3b01cdc6f39b  OFFLINE    LoggedOut      Logged Out      "
                + "2021-10-22T13:16:26.730Z");
  }

  @Test
  void withoutColumnsOrATerminalTheWidthIs80() {
    // A blank COLUMNS is no width; the test JVM has no launcher property either.
    CliRun run = CliRun.run(Map.of("COLUMNS", " "), "--demo", "talkdesk", "presences");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(81));
    assertThat(run.out()).contains(Text.ELLIPSIS);
  }

  @Test
  void helpIsFittedToo() {
    CliRun run = CliRun.run(Map.of("COLUMNS", "80"), "vonage", "availability", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(81));
  }

  @Test
  void columnsWinsOverTheTerminalWhichWinsOverTheDefault() {
    assertThat(Text.width("100", "120")).isEqualTo(100);
    assertThat(Text.width(null, "120")).isEqualTo(120);
    assertThat(Text.width("wide", "120")).isEqualTo(120);
    assertThat(Text.width("0", null)).isEqualTo(80);
    assertThat(Text.width(null, null)).isEqualTo(80);
    assertThat(Text.width("10", null)).isEqualTo(Text.MIN_WIDTH);
  }

  @Test
  void aTableCutsTheWidestColumnsKeepsTheKeptOnesAndSaysHowManyRowsAreNotShown() {
    TextTable table =
        new TextTable("ID", "NOTE", "WHEN")
            .keep(0)
            .row("0123456789abcdef", "a rather long note that does not fit", "2021-10-22T13:16:26Z")
            .row("fedcba9876543210", "short", "2021-10-22T13:16:27Z")
            .more(116);

    List<String> lines = table.lines(50, "  ");

    assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line.length()).isLessThan(51));
    assertThat(lines.get(1)).startsWith("  0123456789abcdef  a rather").contains(Text.ELLIPSIS);
    assertThat(lines.get(2)).startsWith("  fedcba9876543210  short");
    assertThat(lines.get(3)).isEqualTo("  " + Text.ELLIPSIS + " 116 more");
    assertThat(table.lines(200, "").get(1)).contains("a rather long note that does not fit");
  }

  @Test
  void aFreeTextColumnIsCutBeforeTheOthers() {
    TextTable table =
        new TextTable("ID", "WHEN", "NOTE")
            .keep(0)
            .cutFirst(2)
            .row("id-1", "2021-10-22T13:16:26Z", "a long note that is cut first");

    String row = table.lines(50, "").get(1);

    assertThat(row)
        .hasSize(50)
        .contains("2021-10-22T13:16:26Z  a long note")
        .endsWith(Text.ELLIPSIS);
  }

  @Test
  void aTalkdeskTableAt80ColumnsCutsTheDetailFirst() {
    CliRun run = CliRun.run(Map.of("COLUMNS", "80"), "--demo", "talkdesk", "presences");

    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(81));
    assertThat(run.out()).contains("61a4f2b9c3e8d5001a7b0002  AWAY       away");
  }

  @Test
  void proseWrapsBetweenWordsWithAHangingIndentAndKeepsItsSpacing() {
    assertThat(Text.wrap("  getMessage()    one two three four", 30, 16))
        .containsExactly("  getMessage()    one two", " ".repeat(18) + "three four");
    assertThat(Text.wrap("short", 80, 2)).containsExactly("short");
  }
}
