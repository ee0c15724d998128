package io.github.presencesdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.examples.cli.Text;
import io.github.presencesdk.testsupport.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo shows what the README promises, in its quick and its full form. */
final class DemoTest {
  /** Wide enough that nothing is wrapped or cut, for the tests that look for whole lines. */
  private static final int WIDE = 300;

  @Test
  void quickDemoShowsEveryVendorAndAMappedError() {
    Result result = run("--quick");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    String out = result.out();
    // VCC: 120 agents in one call, three requests of at most 50 ids.
    assertThat(out)
        .contains("vcc.presences(<120 agent ids>)")
        .contains("120 presences, 0 unknown, in 3 requests of [50, 50, 20] ids");
    // A set-presence and the changed presence.
    assertThat(out)
        .contains("before: Ready (category Ready, AVAILABLE)")
        .contains("after:  Break (category Away, AWAY)");
    // The availability summary.
    assertThat(out).containsPattern("presence: +\\d+ ready, \\d+ away").contains("available");
    // Talkdesk: one request per user, bounded fan-out, the unknown user reported as unknown.
    assertThat(out)
        .contains("40 presences; unknown: [ffffffffffffffffffffffff]")
        .contains("41 requests (one per user, 1 answered 404)");
    Matcher inFlight = Pattern.compile("at most (\\d+) in flight").matcher(out);
    assertThat(inFlight.find()).isTrue();
    assertThat(Integer.parseInt(inFlight.group(1))).isBetween(2, 8);
    // VoipNow: a listing over several pages.
    assertThat(out)
        .contains("500 extensions in 3 pages (200 + 200 + 100)")
        .containsPattern("(?m)^ +200 +400  extension  startsWith  0001\\* +asc +200$");
    // One vendor error, mapped.
    assertThat(out)
        .contains("PermissionDeniedException")
        .contains("statusCode()    403")
        .contains("errorCode()     3900403")
        .contains("vendorMessage() Missing scope account-custom-status:read");
  }

  @Test
  void fullDemoListsEveryVoipNowExtension() {
    Result result = run();

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("120 presences, 0 unknown, in 3 requests")
        .contains("12,000 extensions in 6 pages")
        .contains("from 6 requests")
        .containsPattern("(?m)^ +2000 +0 +asc +200$")
        .containsPattern("(?m)^ +2000 +0 +desc +200$")
        .doesNotContainPattern("(?m) 204$");
  }

  @Test
  void at80ColumnsNoLineIsWiderAndACutTableSaysHowManyRowsAreNotShown() {
    Result result = run(80, "--quick");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(81));
    assertThat(result.out())
        .contains("  " + Text.ELLIPSIS + " 116 more")
        .contains("  " + Text.ELLIPSIS + " 37 more")
        // Ids are never cut.
        .contains("  daab05ec-ba50-45af-a6fd-3b01cdc6f39b  OFFLINE  ");
  }

  @Test
  void at160ColumnsTheSampleTablesAreWhole() {
    Result result = run(160, "--quick");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(161));
    assertThat(result.out())
        .contains("OFFLINE    LoggedOut  Logged Out  2021-10-22T13:16:26.730Z")
        .contains(Text.ELLIPSIS + " 116 more");
  }

  @Test
  void theRequestsAreATableWhoseColumnsLineUpWhateverTheStartIndex() {
    Result result = run(80);

    List<String> rows =
        result.out().lines().filter(line -> line.matches(" +2000 +\\d+ .*")).toList();
    assertThat(rows).hasSize(6);
    assertThat(rows)
        .anySatisfy(row -> assertThat(row).contains(" 0 "))
        .anySatisfy(row -> assertThat(row).contains(" 4000 "));
    // Every row ends with the answer, in one column, so all rows are as long.
    assertThat(rows.stream().map(String::length).distinct()).hasSize(1);
    assertThat(result.out()).containsPattern("(?m)^ +count +startIndex +sortOrder +answer$");
  }

  @Test
  void countsAreForPeople() {
    Result result = run(WIDE);

    assertThat(result.out())
        .contains("12,000 extensions in 6 pages (2,000 + 2,000 + 2,000 + ")
        .contains("by status: 3,600 UNKNOWN, 4,800 ONLINE, 1,200 RINGING, 2,400 BUSY")
        .doesNotContain("{UNKNOWN=")
        .doesNotContainPattern("\\b1 pages\\b");
  }

  @Test
  void anUnknownArgumentIsAUsageError() {
    Result result = run("--fast");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("unknown argument '--fast'")
        .contains("Usage: demo [--quick]");
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    return run(WIDE, args);
  }

  private static Result run(int width, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      code = Demo.run(args, o, e, width);
    }
    Result result = new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    // The demo prints to streams of its own here, which the suite's secret scan does not see.
    Secrets.assertNoSecret("the demo's standard output", result.out());
    Secrets.assertNoSecret("the demo's standard error", result.err());
    return result;
  }
}
