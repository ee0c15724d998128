package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.presencesdk.internal.RuntimeLibraries.Found;
import java.util.List;
import okio.Okio;
import org.junit.jupiter.api.Test;

final class RuntimeLibrariesTest {
  private static final List<String> ONE_OKHTTP = List.of("file:/repo/okhttp-jvm-5.3.2.jar");
  private static final List<String> ONE_OKIO = List.of("file:/repo/okio-jvm-3.16.4.jar");

  @Test
  void theLibrariesThisBuildResolvedPass() {
    assertThatCode(RuntimeLibraries::check).doesNotThrowAnyException();
    assertThat(RuntimeLibraries.problem(Found.inThisRuntime())).isNull();
  }

  @Test
  void theOkioVersionIsReadFromItsJar() {
    assertThat(RuntimeLibraries.versionOf(Okio.class)).isEqualTo(RuntimeLibraries.OKIO_VERSION);
  }

  @Test
  void okioFromMoshiIsRefusedWithTheVersionsFoundAndTheDependencyToAdd() {
    Found found = new Found("5.3.2", "3.7.0", false, "2.2.21", ONE_OKHTTP, ONE_OKIO);

    assertThat(RuntimeLibraries.problem(found))
        .startsWith("presence-sdk cannot run on the libraries on this class path:")
        .contains("okio 3.7.0 is older than the okio 3.16 OkHttp 5.3 calls into")
        .contains("Found OkHttp 5.3.2, okio 3.7.0, kotlin-stdlib 2.2.21.")
        .contains("Add com.squareup.okio:okio-jvm:3.16.4 to your dependencies")
        .contains("\"Version clashes\"");
  }

  @Test
  void okHttpFourIsRefused() {
    Found found = new Found("4.12.0", "3.16.4", true, "1.9.25", ONE_OKHTTP, ONE_OKIO);

    assertThat(RuntimeLibraries.problem(found))
        .contains("OkHttp 4.12.0 is not OkHttp 5")
        .contains("Add com.squareup.okhttp3:okhttp-jvm:5.3.2 to your dependencies");
  }

  @Test
  void missingLibrariesAreNamed() {
    Found found = new Found(null, null, false, null, List.of(), List.of());

    assertThat(RuntimeLibraries.problem(found))
        .contains(
            "OkHttp is missing; okio is missing; kotlin-stdlib, which OkHttp and okio run on,")
        .contains("Found OkHttp (missing), okio (missing), kotlin-stdlib (missing).")
        .contains(
            "Add com.squareup.okhttp3:okhttp-jvm:5.3.2 and com.squareup.okio:okio-jvm:3.16.4 and"
                + " org.jetbrains.kotlin:kotlin-stdlib:2.2.21");
  }

  @Test
  void twoCopiesOfOkHttpAreRefusedWithBothLocations() {
    Found found =
        new Found(
            "5.3.2",
            "3.16.4",
            true,
            "2.2.21",
            List.of("file:/repo/okhttp-4.12.0.jar", "file:/repo/okhttp-jvm-5.3.2.jar"),
            ONE_OKIO);

    assertThat(RuntimeLibraries.problem(found))
        .contains(
            "OkHttp is on the class path more than once: [file:/repo/okhttp-4.12.0.jar,"
                + " file:/repo/okhttp-jvm-5.3.2.jar]")
        .contains("exclude the other copy (an okhttp 4.x jar next to okhttp-jvm 5.x)");
  }

  @Test
  void anOlderKotlinStdlibThatOkHttpRunsOnPasses() {
    // OkHttp 5 and okio 3.16 run on the Kotlin 1.9 that Spring Boot 3.5 pins (the consumer
    // matrix runs them on it), so only a missing stdlib is refused.
    Found found = new Found("5.3.2", "3.16.4", true, "1.9.25", ONE_OKHTTP, ONE_OKIO);

    assertThat(RuntimeLibraries.problem(found)).isNull();
  }

  @Test
  void versionsAreReadFromJarNamesOnDiskAndInsideBootJars() {
    assertThat(RuntimeLibraries.versionInJarName("file:/m2/okio-jvm-3.7.0.jar")).isEqualTo("3.7.0");
    assertThat(
            RuntimeLibraries.versionInJarName(
                "jar:nested:/app.jar/!BOOT-INF/lib/okio-jvm-3.16.4.jar!/"))
        .isEqualTo("3.16.4");
    assertThat(RuntimeLibraries.versionInJarName("file:/classes/")).isNull();
  }
}
