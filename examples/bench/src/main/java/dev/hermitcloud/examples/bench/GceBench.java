package dev.hermitcloud.examples.bench;

import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.gce.Gce;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How close a fresh GCE deploy gets to its critical path, and what an unchanged re-apply costs, against
 * the fake with realistic delays: 50 ms per call and 2 s per operation.
 *
 * <p>The critical path is blob upload, then image import, then instance insert: each waits for the one
 * before (the firewall runs beside them). Wall time minus the three steps is what planning, connecting
 * and reading the result add. Run: {@code GceBench [--module-mib 8] [--count 1] [--latency-ms 50] [--op-ms 2000]}.
 */
public final class GceBench {
  private GceBench() {}

  public static void main(String[] args) throws Exception {
    int moduleMib = intOption(args, "--module-mib", 8);
    int count = intOption(args, "--count", 1);
    long latencyMs = intOption(args, "--latency-ms", 50);
    long operationMs = intOption(args, "--op-ms", 2000);
    Path work = Files.createTempDirectory("gce-bench");
    try (FakeGce fake = FakeGce.builder().project("bench-project").bucket("bench-bucket")
        .latency(Duration.ofMillis(latencyMs)).operationDuration(Duration.ofMillis(operationMs)).start()) {
      Gce target = Gce.project("bench-project").zone("us-central1-c").bucket("bench-bucket").endpoint(fake.endpoint());
      List<ProgressEvent> events = new CopyOnWriteArrayList<>();
      DeploymentDefinition.WithCreate deploy = Hermit.deploy(unikernel(work, moduleMib)).to(target).onProgress(events::add)
          .machineType(MachineType.named("f1-micro")).count(count).expose(Port.tcp(8000)).from("0.0.0.0/0");

      System.out.printf("GCE bench: %d ms per call, %d ms per operation, %d MiB module, %d instance(s)%n",
          latencyMs, operationMs, moduleMib, count);
      // The first round also pays for loading the Google client classes; the second shows steady state.
      for (String round : List.of("first run in this JVM", "second run")) {
        System.out.printf("%n== %s ==%n", round);
        events.clear();
        fake.stats().reset();
        long start = System.nanoTime();
        deploy.apply().close();
        report(since(start), events, fake, operationMs);

        fake.stats().reset();
        start = System.nanoTime();
        deploy.apply().close();
        Duration again = since(start);
        System.out.printf("unchanged re-apply  %6d ms wall, %d mutating requests (target: 0, under 1000 ms)%n",
            again.toMillis(), fake.stats().mutatingRequests());
        printRequests("  requests", fake.stats().requestsByRoute(), fake.stats().mutatingRequests());

        fake.stats().reset();
        start = System.nanoTime();
        Hermit.destroy(deploy.spec().name()).onProgress(events::add).on(target);
        System.out.printf("destroy             %6d ms wall, %d mutating requests (instances and blob, then firewall"
            + " and image)%n", since(start).toMillis(), fake.stats().mutatingRequests());
      }
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private static void report(Duration fresh, List<ProgressEvent> events, FakeGce fake, long operationMs) {
    Duration blob = step(events, ResourceKind.BLOB);
    Duration image = step(events, ResourceKind.IMAGE);
    Duration instance = step(events, ResourceKind.INSTANCE);
    Duration path = blob.plus(image).plus(instance);
    long archive = events.stream().filter(e -> e instanceof ProgressEvent.BytesTransferred b && b.total() > 0)
        .mapToLong(e -> ((ProgressEvent.BytesTransferred) e).total()).max().orElse(0);
    System.out.printf("fresh deploy        %6d ms wall%n", fresh.toMillis());
    System.out.printf("  critical path     %6d ms = upload %d ms (%d KiB archive) + image %d ms + instance %d ms%n",
        path.toMillis(), blob.toMillis(), archive / 1024, image.toMillis(), instance.toMillis());
    System.out.printf("  floor             %6d ms = the two operations; each step adds its calls and the poll interval%n",
        2 * operationMs);
    System.out.printf("  off the path      %6d ms (connect, plan, read back) = %.0f%% of wall%n",
        fresh.minus(path).toMillis(), 100.0 * fresh.minus(path).toMillis() / fresh.toMillis());
    printRequests("  requests", fake.stats().requestsByRoute(), fake.stats().mutatingRequests());
  }

  /** The demo kernel with an incompressible module of {@code mib} MiB, so the upload has real bytes to send. */
  private static Unikernel unikernel(Path dir, int mib) throws java.io.IOException {
    return unikernel(dir, "bench", mib * 1024 * 1024);
  }

  /** The demo kernel named {@code name} with an incompressible module of {@code bytes} bytes. */
  static Unikernel unikernel(Path dir, String name, int bytes) throws java.io.IOException {
    byte[] payload = new byte[bytes];
    new Random(1).nextBytes(payload);
    Path module = DemoModule.writeTo(dir.resolve("server"), payload);
    return Unikernel.named(name).loader(DemoKernel.writeTo(dir.resolve("hermit-demo.elf")), "-uart=io:0x3f8")
        .module(module).build();
  }

  /** The longest finished step of a kind (instances run side by side). */
  private static Duration step(List<ProgressEvent> events, ResourceKind kind) {
    return events.stream().filter(e -> e instanceof ProgressEvent.StepFinished f && f.change().kind() == kind)
        .map(e -> ((ProgressEvent.StepFinished) e).took()).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  private static void printRequests(String title, Map<String, Long> byRoute, long mutating) {
    RequestKinds.print(title, byRoute, mutating);
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  /** The integer after {@code name} in {@code args}, else {@code fallback}. */
  static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
