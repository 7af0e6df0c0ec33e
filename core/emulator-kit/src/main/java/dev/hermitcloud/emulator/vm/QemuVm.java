package dev.hermitcloud.emulator.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One QEMU process booting a raw disk through BIOS with TCG, user-mode networking without forwards (they
 * are added and removed through the HMP monitor socket as the firewall changes), and the first serial port
 * in a file that a thread tails. No {@code isa-debug-exit}: the clouds have none, so a guest that writes to
 * it halts there as it would on them; a guest powers off through ACPI, which ends QEMU. Stopped by its PID.
 */
final class QemuVm {
  private static final Duration TAIL_PERIOD = Duration.ofMillis(100);

  private final String name;
  private final Path dir;
  private final Process process;
  private final VmEvents events;
  private final Thread tail;
  private volatile boolean stopping;

  private QemuVm(String name, Path dir, Process process, VmEvents events) {
    this.name = name;
    this.dir = dir;
    this.process = process;
    this.events = events;
    this.tail = new Thread(this::tailSerial, "vm-serial-" + name);
    tail.setDaemon(true);
  }

  /** Boots {@code disk} ({@code raw} or {@code qcow2}; read-only: writes go to a throw-away overlay) in {@code dir}. */
  static QemuVm start(String qemu, String name, Path disk, String format, Path dir, int memoryMib, VmEvents events)
      throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve("monitor.sock"));
    Files.write(dir.resolve("serial.log"), new byte[0]);
    List<String> command = new ArrayList<>(List.of(qemu,
        "-name", "emulated-" + name, "-machine", "pc", "-accel", "tcg", "-cpu", "qemu64",
        "-m", Integer.toString(memoryMib), "-smp", "1", "-display", "none", "-no-reboot",
        "-serial", "file:" + dir.resolve("serial.log"),
        "-monitor", "unix:" + dir.resolve("monitor.sock") + ",server,nowait",
        "-drive", "file=" + disk + ",format=" + format + ",if=ide,snapshot=on",
        "-netdev", "user,id=net0", "-device", "virtio-net-pci,netdev=net0"));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("qemu.out").toFile()).start();
    } catch (IOException e) {
      throw new IOException(qemu + " cannot be started (install the Debian package qemu-system-x86): " + e.getMessage(), e);
    }
    QemuVm vm = new QemuVm(name, dir, process, events);
    vm.tail.start();
    process.onExit().thenRun(() -> {
      try {
        vm.tail.join(TAIL_PERIOD.toMillis() * 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      events.exited(process.exitValue(), vm.stopping);
    });
    return vm;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Sends one HMP command ({@code hostfwd_add net0 tcp:127.0.0.2:8000-:8000}) and returns QEMU's answer. */
  String monitor(String command) throws IOException {
    Path socket = dir.resolve("monitor.sock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(socket) && process.isAlive() && System.nanoTime() < deadline) {
      sleep(20);
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      OutputStream out = Channels.newOutputStream(channel);
      InputStream in = Channels.newInputStream(channel);
      readPrompt(in);
      out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return readPrompt(in);
    }
  }

  /** Kills the VM by its PID and waits for it. */
  void stop() {
    stopping = true;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The monitor's output up to its next {@code (qemu) } prompt. */
  private static String readPrompt(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      text.append((char) b);
      if (text.length() >= 7 && text.substring(text.length() - 7).equals("(qemu) ")) {
        break;
      }
    }
    return text.toString();
  }

  private void tailSerial() {
    Path log = dir.resolve("serial.log");
    long offset = 0;
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    while (true) {
      boolean alive = process.isAlive();
      try (var channel = Files.newByteChannel(log)) {
        channel.position(offset);
        int read;
        while ((read = channel.read(buffer.clear())) > 0) {
          offset += read;
          events.serial(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        }
      } catch (IOException e) {
        // the file is written by QEMU; a failed read is tried again on the next period
      }
      if (!alive) {
        return;
      }
      sleep(TAIL_PERIOD.toMillis());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "vm " + name + " (pid " + process.pid() + ")";
  }
}
