package dev.hermitcloud.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code hermit demo} run as a user runs it, in a JVM of its own whose temporary directory is the test's,
 * so that what it leaves behind (files, QEMU processes) can be seen.
 */
record Demo(int exit, String stdout, String stderr, List<String> leftovers) {
  static Demo run(Path tmp, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), HermitCli.class.getName(), "demo"));
    command.addAll(List.of(args));
    Path out = tmp.resolveSibling("demo.out");
    Path err = tmp.resolveSibling("demo.err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
    return new Demo(process.exitValue(), Files.readString(out), Files.readString(err), leftovers(tmp));
  }

  /**
   * Files under {@code tmp}, and processes whose command line names it (a QEMU writing its serial log
   * there), which are then stopped: the demo this test started should have stopped them.
   */
  private static List<String> leftovers(Path tmp) throws IOException {
    List<String> left = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp)) {
      files.forEach(f -> left.add(f.toString()));
    }
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(tmp.toString())).orElse(false))
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .forEach(p -> {
          left.add("process " + p.pid() + ": " + p.info().commandLine().orElse("?"));
          p.destroy();
        });
    return left;
  }

  String output() {
    return stdout + stderr;
  }
}
