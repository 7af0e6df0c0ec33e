package dev.hermitcloud.echokernel;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints, per NIC model, under TCG: boot time (QEMU started to the kernel's "listening" line, and to the
 * first 200 through the port forward), then requests per second and latency (median, p99) of 200
 * sequential GETs, one connection each. Figures only; nothing is asserted. Run from core/echo-kernel after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes dev.hermitcloud.echokernel.EchoKernelBenchmark [NIC...]}
 */
public final class EchoKernelBenchmark {
  static final int REQUESTS = 200;
  static final int WARM_UP = 10;

  private EchoKernelBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String> nics = args.length > 0 ? List.of(args)
        : List.of("virtio-net-pci", "virtio-net-pci,disable-modern=on", "e1000", "rtl8139");
    System.out.printf("%-34s %12s %12s %8s %10s %8s%n", "NIC (-device)", "boot->listen", "boot->answer", "req/s",
        "median ms", "p99 ms");
    for (String nic : nics) {
      run(nic);
    }
  }

  static void run(String nic) throws IOException {
    long start = System.nanoTime();
    try (QemuGuest guest = QemuGuest.withPortForward(Path.of("target", "qemu", "benchmark-" + nic.replaceAll("\\W", "_")),
        nic, EchoKernel.commandLine(8000), 8000)) {
      int port = guest.hostPort();
      double listenMs = -1;
      while (!answers(port)) {
        if (listenMs < 0 && guest.report().contains(EchoKernel.LISTENING)) {
          listenMs = (System.nanoTime() - start) / 1e6;
        }
        if (!guest.alive() || System.nanoTime() - start > QemuGuest.BOOT_TIMEOUT.toNanos()) {
          throw new IllegalStateException(nic + ": no answer\n" + guest.describe());
        }
        QemuGuest.sleep(20);
      }
      double bootMs = (System.nanoTime() - start) / 1e6;
      if (listenMs < 0) {
        listenMs = bootMs; // it listened between two probes
      }
      for (int i = 0; i < WARM_UP; i++) {
        RawHttp.get(port, "/warm-up");
      }
      List<Double> latencies = new ArrayList<>();
      long begin = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        long t = System.nanoTime();
        RawHttp.Answer answer = RawHttp.get(port, "/bench?i=" + i);
        latencies.add((System.nanoTime() - t) / 1e6);
        if (answer.status() != 200) {
          throw new IllegalStateException(nic + ": " + answer);
        }
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      Collections.sort(latencies);
      System.out.printf("%-34s %9.0f ms %9.0f ms %8.0f %10.2f %8.2f%n", nic, listenMs, bootMs, REQUESTS / seconds,
          latencies.get(REQUESTS / 2), latencies.get((int) Math.ceil(REQUESTS * 0.99) - 1));
    }
  }

  /**
   * One short probe. Before the guest listens, slirp accepts the connection anyway and then holds it
   * until its SYN to the guest times out (seconds), so a probe that waits long would measure slirp.
   */
  private static boolean answers(int port) {
    try (Socket s = RawHttp.connect(port)) {
      s.setSoTimeout(300);
      s.getOutputStream().write("GET /first HTTP/1.1\r\nHost: b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return RawHttp.parse(RawHttp.readToEnd(s.getInputStream())).status() == 200;
    } catch (IOException | RuntimeException | AssertionError e) {
      return false;
    }
  }
}
