package io.github.presencesdk.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a class of this jar in a fresh JVM and reads the JSON line it prints last. */
final class Forks {
  private Forks() {}

  /** The result of a child JVM: its last JSON line and the wall time of the whole process. */
  record Outcome(Map<String, Object> result, double processMillis) {}

  static Outcome run(List<String> jvmOptions, Class<?> main, List<String> args)
      throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(main.getSimpleName() + " did not finish in 10 minutes");
    }
    double processMillis = (System.nanoTime() - start) / 1e6;
    if (process.exitValue() != 0) {
      throw new IOException(
          main.getSimpleName() + " exited with " + process.exitValue() + ":\n" + output);
    }
    String last = "";
    for (String line : output.lines().toList()) {
      if (line.startsWith("{")) {
        last = line;
      }
    }
    return new Outcome(JsonFiles.parseObject(last), processMillis);
  }
}
