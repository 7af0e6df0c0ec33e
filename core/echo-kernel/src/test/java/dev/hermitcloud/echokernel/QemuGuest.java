package dev.hermitcloud.echokernel;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One QEMU (TCG, never KVM: the nested KVM here hangs guests) booting the echo kernel directly with
 * {@code -kernel}, its COM1 going to a file. Closing it stops that process; a shutdown hook stops any
 * left running if the JVM goes down first.
 */
final class QemuGuest implements AutoCloseable {
  static final String QEMU = "qemu-system-x86_64";
  static final String QEMU_PACKAGE = "qemu-system-x86";
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final Process process;
  private final Path serial;
  private final Path stderr;
  private final int hostPort;

  private QemuGuest(Process process, Path serial, Path stderr, int hostPort) {
    this.process = process;
    this.serial = serial;
    this.stderr = stderr;
    this.hostPort = hostPort;
  }

  /** Boots with user networking, 127.0.0.1:{free port} forwarded to the guest's {@code guestPort}. */
  static QemuGuest withPortForward(Path dir, String nic, String commandLine, int guestPort) throws IOException {
    for (int attempt = 1; ; attempt++) {
      int port = freeTcpPort();
      String netdev = "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:" + guestPort;
      QemuGuest guest = start(dir, nic, commandLine, netdev, port);
      // another process may take the port between our probe and QEMU's bind: QEMU then exits at once
      if (attempt < 3 && guest.exitedWith("host forwarding", Duration.ofMillis(500))) {
        continue;
      }
      return guest;
    }
  }

  /**
   * Boots with the guest's Ethernet frames carried as UDP datagrams: QEMU listens on 127.0.0.1:qemuPort
   * and sends each frame the guest transmits to 127.0.0.1:testPort.
   */
  static QemuGuest withFrameSocket(Path dir, String nic, String commandLine, int qemuPort, int testPort)
      throws IOException {
    String netdev = "socket,id=n0,udp=127.0.0.1:" + testPort + ",localaddr=127.0.0.1:" + qemuPort;
    return start(dir, nic, commandLine, netdev, -1);
  }

  private static QemuGuest start(Path dir, String nic, String commandLine, String netdev, int hostPort)
      throws IOException {
    Files.createDirectories(dir);
    Path kernel = EchoKernel.writeTo(dir);
    Path serial = dir.resolve("serial.log");
    Path stderr = dir.resolve("qemu.stderr");
    Files.deleteIfExists(serial);
    List<String> command = new ArrayList<>(List.of(qemu().toString(),
        "-machine", "pc", "-accel", "tcg", "-m", "64", "-smp", "1",
        "-display", "none", "-nodefaults", "-no-reboot", "-monitor", "none",
        "-serial", "file:" + serial,
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", // a kernel panic ends QEMU with status 99
        "-kernel", kernel.toString(), "-append", commandLine,
        "-netdev", netdev, "-device", nic + ",netdev=n0"));
    Process process = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("qemu.stdout").toFile())
        .redirectError(stderr.toFile())
        .start();
    RUNNING.add(process);
    return new QemuGuest(process, serial, stderr, hostPort);
  }

  /** Fails the test, naming the Debian package, when QEMU is not installed: tests never skip themselves. */
  static Path qemu() {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/bin"));
    return find(QEMU, QEMU_PACKAGE, dirs);
  }

  static Path find(String program, String debianPackage, List<String> dirs) {
    for (String d : dirs) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return Path.of(d, program);
      }
    }
    throw new AssertionError(program + " is needed by this test and not installed: apt-get install " + debianPackage);
  }

  static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The host port forwarded to the guest (port-forward guests only). */
  int hostPort() {
    return hostPort;
  }

  long pid() {
    return process.pid();
  }

  /** Everything the kernel printed so far. */
  String serial() {
    try {
      return Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  List<String> report() {
    return EchoKernel.reportIn(serial());
  }

  /** Waits for a kernel line matching {@code regex} (whole line, prefix included); fails with the log if none. */
  Matcher awaitLine(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : report()) {
        Matcher m = pattern.matcher(line);
        if (m.matches()) {
          return m;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("QEMU exited with " + process.exitValue() + " before printing /" + regex + "/\n"
            + describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line /" + regex + "/ within " + timeout + "\n" + describe());
      }
      sleep(50);
    }
  }

  /** Waits until the kernel serves {@code port}. */
  void awaitListening(int port) {
    awaitLine(Pattern.quote(EchoKernel.listeningLine(port)), BOOT_TIMEOUT);
  }

  /** Whether QEMU is still running: a panicking kernel ends it through isa-debug-exit. */
  boolean alive() {
    return process.isAlive();
  }

  String describe() {
    String err;
    try {
      err = Files.exists(stderr) ? Files.readString(stderr) : "";
    } catch (IOException e) {
      err = e.toString();
    }
    return "serial log:\n" + serial() + (err.isBlank() ? "" : "\nqemu stderr:\n" + err);
  }

  private boolean exitedWith(String text, Duration within) {
    try {
      if (process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        boolean matches = Files.readString(stderr).contains(text);
        close();
        return matches;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
