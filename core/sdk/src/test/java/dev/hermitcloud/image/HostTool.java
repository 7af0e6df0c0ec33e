package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program from this machine used as a test oracle. A missing program fails the test with the Debian
 * package to install; a program that overruns its timeout is killed, with its children.
 */
record HostTool(String name, String debianPackage) {
  static final HostTool E2FSCK = new HostTool("e2fsck", "e2fsprogs");
  static final HostTool DEBUGFS = new HostTool("debugfs", "e2fsprogs");
  static final HostTool TAR = new HostTool("tar", "tar");
  static final HostTool QEMU_IMG = new HostTool("qemu-img", "qemu-utils");
  static final HostTool QEMU = new HostTool("qemu-system-x86_64", "qemu-system-x86");
  static final HostTool DU = new HostTool("du", "coreutils");
  static final HostTool CMP = new HostTool("cmp", "diffutils");
  static final HostTool GZIP = new HostTool("gzip", "gzip");

  // a guard against a hung tool, not a speed check: cmp reads 2 GiB of sparse zeros, slow on a loaded 2-core box
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** What a finished run left: exit status and everything it printed (stdout then stderr). */
  record Result(int exitCode, String output) {}

  Path path() {
    List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    directories.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    for (String directory : directories) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
        return Path.of(directory, name);
      }
    }
    return fail(name + " is needed by this test and not installed: apt-get install " + debianPackage);
  }

  Result run(String... args) throws IOException, InterruptedException {
    return run(DEFAULT_TIMEOUT, null, args);
  }

  /** Runs with {@code args}, standard output to {@code stdout} if given. */
  Result run(Duration timeout, Path stdout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(path().toString());
    command.addAll(List.of(args));
    Path out = stdout != null ? stdout : Files.createTempFile("hermit-test-out", ".txt");
    Path err = Files.createTempFile("hermit-test-err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return fail(String.join(" ", command) + " did not finish within " + timeout + "; stderr: "
            + Files.readString(err));
      }
      String text = (stdout != null ? "" : read(out)) + read(err);
      return new Result(process.exitValue(), text);
    } finally {
      kill(process);
      if (stdout == null) {
        Files.deleteIfExists(out);
      }
      Files.deleteIfExists(err);
    }
  }

  /** Runs and fails the test unless the program exits 0. */
  String check(String... args) throws IOException, InterruptedException {
    Result result = run(args);
    if (result.exitCode() != 0) {
      fail(name + " " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
