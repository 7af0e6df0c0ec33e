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
 * How long the CLI takes to start from the release archive: {@code --version} (answered before any
 * command is built), {@code deploy --help} (one subcommand built), {@code --help} (all of them), and
 * {@code --help} again with a class-data archive recorded by one {@code --help} run, the experiment that
 * showed the launcher should not use one; then the source tree's {@code ./hermit --version}. Prints
 * median, minimum and maximum wall time of each, and the load average, since a busy machine doubles them.
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
      String cli = hermit.toString();
      System.out.printf("hermit start-up, %d runs each, %d cores, %s, load average %s%n", runs,
          Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
      report("release archive: --version", runs, List.of(cli, "--version"), home);
      report("release archive: deploy --help", runs, List.of(cli, "deploy", "--help"), home);
      report("release archive: --help", runs, List.of(cli, "--help"), home);
      Path jsa = work.resolve("help.jsa");
      exec(List.of(cli, "--help"), Map.of("HOME", home.get("HOME"), "HERMIT_JAVA_OPTS",
          "-XX:ArchiveClassesAtExit=" + jsa + " -Xlog:cds=off -Xlog:cds+dynamic=off"));
      report("release archive: --help, class-data archive", runs, List.of(cli, "--help"),
          Map.of("HOME", home.get("HOME"), "HERMIT_JAVA_OPTS", "-XX:SharedArchiveFile=" + jsa + " -Xshare:on"));
      report("source tree: ./hermit --version (built)", runs, List.of(root.resolve("hermit").toString(), "--version"), Map.of());
      System.out.printf("load average after: %s%n", loadAverage());
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static void report(String label, int runs, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      seconds.add(exec(command, env));
    }
    seconds.sort(Double::compare);
    System.out.printf("  %-48s median %.3f s  min %.3f s  max %.3f s%n", label, seconds.get(runs / 2),
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
