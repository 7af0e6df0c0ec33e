package dev.hermitcloud.examples.bench;

import dev.hermitcloud.internal.host.HostFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code hermit --version} takes to start, from the release archive (with and without the
 * class-data archive its launcher records on the first run) and from the source tree's {@code ./hermit}.
 * Prints median, minimum and maximum wall time of each; the first, recording run is reported on its own.
 *
 * <pre>
 * ./mvnw -B -ntp -DskipTests package -pl examples/cli -am
 * ./hermit --class dev.hermitcloud.examples.bench.CliStartupBench [RUNS]
 * </pre>
 */
public final class CliStartupBench {
  private CliStartupBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path root = Path.of("").toAbsolutePath();
    Path archive;
    try (var found = Files.list(root.resolve("examples/cli/target"))) {
      archive = found.filter(p -> p.getFileName().toString().endsWith("-dist.tar.gz")).findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "no release archive in examples/cli/target: run ./mvnw -B -ntp -DskipTests package -pl examples/cli -am"));
    }
    Path work = Files.createTempDirectory("hermit-startup");
    try {
      exec(List.of("tar", "-xzf", archive.toString(), "-C", work.toString()), Map.of());
      Path hermit;
      try (var dirs = Files.list(work)) {
        hermit = dirs.findFirst().orElseThrow().resolve("bin/hermit");
      }
      Map<String, String> home = Map.of("HOME", work.resolve("home").toString());
      System.out.printf("hermit --version, %d runs each, %d cores, %s%n", runs,
          Runtime.getRuntime().availableProcessors(), Runtime.version());
      System.out.printf("  release archive, first run (records the class-data archive): %.3f s%n",
          exec(List.of(hermit.toString(), "--version"), home));
      report("release archive, class-data archive", runs, List.of(hermit.toString(), "--version"), home);
      report("release archive, HERMIT_CDS=off", runs, List.of(hermit.toString(), "--version"),
          Map.of("HOME", home.get("HOME"), "HERMIT_CDS", "off"));
      report("source tree ./hermit (built)", runs, List.of(root.resolve("hermit").toString(), "--version"), Map.of());
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private static void report(String label, int runs, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      seconds.add(exec(command, env));
    }
    seconds.sort(Double::compare);
    System.out.printf("  %-40s median %.3f s  min %.3f s  max %.3f s%n", label, seconds.get(runs / 2),
        seconds.get(0), seconds.get(runs - 1));
  }

  private static double exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " failed");
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
