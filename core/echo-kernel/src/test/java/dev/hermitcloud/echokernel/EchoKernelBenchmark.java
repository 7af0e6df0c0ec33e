package dev.hermitcloud.echokernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints, per NIC model, under TCG: boot-to-first-answer time (QEMU started to first 200 through the port
 * forward), then requests per second and latency (median, p99) of 200 sequential GETs, one connection
 * each. Figures only; nothing is asserted. Run from core/echo-kernel after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes dev.hermitcloud.echokernel.EchoKernelBenchmark [NIC...]}
 */
public final class EchoKernelBenchmark {
  static final int REQUESTS = 200;
  static final int WARM_UP = 10;

  private EchoKernelBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String> nics = args.length > 0 ? List.of(args)
        : List.of("virtio-net-pci", "virtio-net-pci,disable-modern=on", "e1000", "rtl8139");
    System.out.printf("%-34s %14s %10s %12s %10s%n", "NIC (-device)", "boot->answer", "req/s", "median ms", "p99 ms");
    for (String nic : nics) {
      run(nic);
    }
  }

  static void run(String nic) throws IOException {
    long start = System.nanoTime();
    try (QemuGuest guest = QemuGuest.withPortForward(Path.of("target", "qemu", "benchmark-" + nic.replaceAll("\\W", "_")),
        nic, EchoKernel.commandLine(8000), 8000)) {
      int port = guest.hostPort();
      while (!answers(port)) {
        if (!guest.alive() || System.nanoTime() - start > QemuGuest.BOOT_TIMEOUT.toNanos()) {
          throw new IllegalStateException(nic + ": no answer\n" + guest.describe());
        }
        QemuGuest.sleep(20);
      }
      double bootMs = (System.nanoTime() - start) / 1e6;
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
      System.out.printf("%-34s %11.0f ms %10.0f %12.2f %10.2f%n", nic, bootMs, REQUESTS / seconds,
          latencies.get(REQUESTS / 2), latencies.get((int) Math.ceil(REQUESTS * 0.99) - 1));
    }
  }

  private static boolean answers(int port) {
    try {
      return RawHttp.get(port, "/first").status() == 200;
    } catch (IOException | RuntimeException e) {
      return false; // slirp accepts before the guest listens, then drops the connection
    }
  }
}
