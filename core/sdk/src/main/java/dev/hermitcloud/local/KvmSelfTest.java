package dev.hermitcloud.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether KVM really runs guests on this host, once, by booting {@link ProbeKernel} under it. An
 * openable {@code /dev/kvm} is not enough: a nested KVM can accept a guest and never run it, so a guest
 * must print before the verdict is "yes". The verdict is kept in a cache file keyed by the QEMU binary,
 * its version and the host kernel, so later runs pay nothing. A "yes" is only provisional: a nested KVM
 * can run the probe and still hang a real boot, so {@link AcceleratorChoice} turns it into a "no" here
 * when a real guest stays silent ({@link #remember}).
 */
final class KvmSelfTest {
  /** The outcome, with the reason people read when it is "no". */
  record Verdict(boolean usable, String reason) {}

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Path qemu;
  private final Path cacheDir;
  private final Path kvmDevice;
  private final Duration timeout;
  private String cacheKey;

  KvmSelfTest(Path qemu, Path cacheDir, Path kvmDevice, Duration timeout) {
    this.qemu = qemu;
    this.cacheDir = cacheDir;
    this.kvmDevice = kvmDevice;
    this.timeout = timeout;
  }

  /** The self-test for this host's {@code /dev/kvm}, caching under {@code $XDG_CACHE_HOME/hermit-cloud}. */
  static KvmSelfTest forHost(Path qemu) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new KvmSelfTest(qemu, base.resolve("hermit-cloud"), Path.of("/dev/kvm"), DEFAULT_TIMEOUT);
  }

  /** Whether guests run under KVM here: from the cache, else by booting the probe once. */
  synchronized Verdict verdict() throws IOException, InterruptedException {
    if (!Files.isReadable(kvmDevice) || !Files.isWritable(kvmDevice)) {
      return new Verdict(false, kvmDevice + " cannot be opened for reading and writing");
    }
    String key = cacheKey();
    Path cache = cacheFile();
    Properties cached = new Properties();
    if (Files.isRegularFile(cache)) {
      try (var in = Files.newInputStream(cache)) {
        cached.load(in);
      }
      if (key.equals(cached.getProperty("key"))) {
        return new Verdict(Boolean.parseBoolean(cached.getProperty("usable")), cached.getProperty("reason", ""));
      }
    }
    Verdict verdict = boot("kvm");
    remember(verdict);
    return verdict;
  }

  /**
   * Keeps {@code verdict} for later runs, replacing the cached one: what a real guest showed overrules the
   * probe, which only proves that KVM runs a few port writes.
   */
  synchronized void remember(Verdict verdict) throws IOException, InterruptedException {
    String key = cacheKey();
    Path cache = cacheFile();
    Properties store = new Properties();
    store.setProperty("key", key);
    store.setProperty("usable", Boolean.toString(verdict.usable()));
    store.setProperty("reason", verdict.reason());
    Files.createDirectories(cacheDir);
    Path partial = Files.createTempFile(cacheDir, "kvm-selftest", ".partial");
    try (var out = Files.newOutputStream(partial)) {
      store.store(out, "hermit-cloud: does KVM run guests on this host (delete to test again)");
    }
    Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Where the verdict is kept; deleting it makes the next AUTO run test KVM again. */
  Path cacheFile() {
    return cacheDir.resolve("kvm-selftest.properties");
  }

  /** Boots the probe under {@code accel} and says whether it printed its greeting and exited. */
  Verdict boot(String accel) throws IOException, InterruptedException {
    Files.createDirectories(cacheDir);
    Path work = Files.createTempDirectory(cacheDir, "probe");
    try {
      Path kernel = Files.write(work.resolve("probe.elf"), ProbeKernel.elf());
      Path serial = work.resolve("serial.log");
      List<String> command = List.of(qemu.toString(), "-machine", "pc", "-accel", accel, "-cpu", "kvm".equals(accel) ? "host" : "qemu64",
          "-m", "32", "-display", "none", "-monitor", "none", "-nodefaults", "-no-reboot",
          "-serial", "file:" + serial, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", kernel.toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(work.resolve("qemu.out").toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return new Verdict(false, "a guest under KVM printed nothing within " + timeout.toSeconds()
            + " s (a nested or broken KVM)");
      }
      String printed = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
      if (process.exitValue() == ProbeKernel.EXIT_STATUS && printed.contains(ProbeKernel.GREETING)) {
        return new Verdict(true, "a guest ran under " + accel);
      }
      String output = Files.readString(work.resolve("qemu.out"), StandardCharsets.UTF_8).strip();
      return new Verdict(false, "QEMU with -accel " + accel + " exited with " + process.exitValue()
          + (output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse("")));
    } finally {
      dev.hermitcloud.internal.host.HostFiles.deleteTree(work);
    }
  }

  /** The cache key, asked of QEMU once: the verdict and a later overruling both need it. */
  private synchronized String cacheKey() throws IOException, InterruptedException {
    if (cacheKey == null) {
      cacheKey = askCacheKey();
    }
    return cacheKey;
  }

  private String askCacheKey() throws IOException, InterruptedException {
    Process version = new ProcessBuilder(qemu.toString(), "--version").redirectErrorStream(true).start();
    String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor();
    String firstLine = text.lines().findFirst().orElse("").strip();
    return qemu.toAbsolutePath() + " | " + firstLine + " | " + System.getProperty("os.version");
  }
}
