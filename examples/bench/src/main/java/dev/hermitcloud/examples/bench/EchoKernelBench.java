package dev.hermitcloud.examples.bench;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.examples.EchoUnikernel;
import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.local.Accelerator;
import dev.hermitcloud.local.Local;
import dev.hermitcloud.local.NicModel;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Port;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The echo kernel on the local target, through the SDK: how long from QEMU's start to the first answer
 * to {@code GET /hello}, and how fast sequential GETs (one connection each, as the kernel closes after
 * every answer) go through QEMU's port forward, per NIC model. Under TCG always; under KVM too when the
 * SDK's KVM self-test passes (else the reason is printed).
 *
 * <pre>
 * ./hermit --class dev.hermitcloud.examples.bench.EchoKernelBench                     # 200 GETs, every NIC
 * ./hermit --class dev.hermitcloud.examples.bench.EchoKernelBench 500 VIRTIO E1000
 * </pre>
 *
 * "start to answer" runs from the moment the engine starts the instance step (QEMU launched on the
 * image built before) to the first 200 answer; polls go every 10 ms. The machine's load average is
 * printed with the figures, since QEMU's emulation competes with everything else on it.
 */
public final class EchoKernelBench {
  private static final int PORT = 8000;
  private static final int WARM_UP = 10;

  private EchoKernelBench() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<NicModel> nics = args.length > 1
        ? Arrays.stream(args, 1, args.length).map(NicModel::valueOf).toList() : List.of(NicModel.values());
    System.out.printf("echo kernel on the local target: %d sequential GETs per NIC, %d cores, load average %s%n",
        requests, Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.printf("%-5s %-8s %9s %17s %11s %9s %9s%n", "accel", "nic", "apply", "start to answer", "requests/s", "median", "p99");
    for (NicModel nic : nics) {
      run(Accelerator.TCG, nic, requests);
    }
    for (NicModel nic : nics) {
      Optional<String> noKvm = run(Accelerator.AUTO, nic, requests);
      if (noKvm.isPresent()) {
        System.out.println("kvm   not measured: " + noKvm.get());
        break;
      }
    }
    System.out.printf("load average after: %s%n", loadAverage());
  }

  /** One deployment measured and destroyed; for AUTO, the reason KVM was not used, if it was not (nothing measured then). */
  private static Optional<String> run(Accelerator accel, NicModel nic, int requests) throws Exception {
    Path work = Files.createTempDirectory("echo-bench");
    Local local = Local.qemu().stateDir(work.resolve("state")).accelerator(accel).nic(nic);
    AtomicLong instanceStarted = new AtomicLong();
    AtomicReference<String> tcgBecause = new AtomicReference<>();
    try {
      long start = System.nanoTime();
      // no health check: apply returns once QEMU runs, and the bench itself times the first answer
      try (Deployment d = Hermit.deploy(EchoUnikernel.write(work, "echo-bench", PORT)).to(local)
          .expose(Port.tcp(PORT)).from("127.0.0.0/8")
          .onProgress(event -> {
            if (event instanceof ProgressEvent.StepStarted s && s.change().kind() == ResourceKind.INSTANCE) {
              instanceStarted.set(System.nanoTime());
            } else if (event instanceof ProgressEvent.Notice n && n.message().startsWith("using TCG")) {
              tcgBecause.set(n.message());
            }
          }).apply()) {
        double apply = seconds(System.nanoTime() - start);
        if (accel == Accelerator.AUTO && tcgBecause.get() != null) {
          return Optional.of(tcgBecause.get());
        }
        String address = d.address();
        firstAnswer(address);
        double startToAnswer = seconds(System.nanoTime() - instanceStarted.get());
        for (int i = 0; i < WARM_UP; i++) {
          get(address);
        }
        long[] latencies = new long[requests];
        long began = System.nanoTime();
        for (int i = 0; i < requests; i++) {
          long t = System.nanoTime();
          get(address);
          latencies[i] = System.nanoTime() - t;
        }
        double total = seconds(System.nanoTime() - began);
        Arrays.sort(latencies);
        System.out.printf("%-5s %-8s %8.2fs %16.2fs %11.0f %7.1fms %7.1fms%n", accel == Accelerator.TCG ? "tcg" : "kvm",
            nic.name().toLowerCase(), apply, startToAnswer, requests / total,
            millis(latencies[requests / 2]), millis(latencies[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)]));
        return Optional.empty();
      }
    } finally {
      Hermit.destroy("echo-bench").on(local);
      HostFiles.deleteTree(work);
    }
  }

  /** Polls until the kernel answers; the forward accepts (and drops) connections before the guest listens. */
  private static void firstAnswer(String address) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (true) {
      try {
        get(address);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the echo kernel did not answer on " + address + ":" + PORT + " within 300 s", notYet);
        }
        Thread.sleep(10);
      }
    }
  }

  /** One {@code GET /hello} on a connection of its own, read to the kernel's close; fails unless it is a 200. */
  private static void get(String address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, PORT), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /hello HTTP/1.1\r\nHost: " + address + ":" + PORT + "\r\nUser-Agent: hermit-bench\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      if (!new String(answer, 0, Math.min(answer.length, 15), StandardCharsets.US_ASCII).equals("HTTP/1.1 200 OK")) {
        throw new IOException("not a 200 answer: " + answer.length + " bytes");
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", new ArrayList<>(List.of(fields)).subList(0, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
